package edu.sockets.grading;

import java.util.regex.Pattern;

/** Student names as folder names: each student's grade goes into a folder of its own. */
final class Students {

  /** Characters that cannot be in a folder name on one system or another. */
  private static final Pattern UNSAFE = Pattern.compile("[/\\\\:*?\"<>|\\p{Cntrl}]");

  private Students() {}

  /**
   * The name, checked: usable as one folder name on Linux, macOS and Windows.
   *
   * @throws IllegalArgumentException saying why not
   */
  static String folderName(String student) {
    String name = student.strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..") || UNSAFE.matcher(name).find()) {
      throw new IllegalArgumentException(
          "\"%s\" cannot be a folder name: use letters, digits, spaces, dots, - and _"
              .formatted(student));
    }
    return name;
  }

  /** The default name for a server graded without {@code --student}: {@code 10.0.0.7_5001}. */
  static String of(Endpoint endpoint) {
    return UNSAFE.matcher(endpoint.host()).replaceAll("_") + "_" + endpoint.port();
  }
}
