package edu.sockets.grading;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/** How this program was started, to print a command that runs it again. */
final class Invocation {

  private Invocation() {}

  /**
   * The jar this code runs from, relative to the current folder where it is below it; null when it
   * runs from compiled classes (under Maven).
   */
  static Path runningJar() {
    CodeSource source = Invocation.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return null; // an unusual class loader: the command is then shown in its Maven form
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      if (!location.toString().endsWith(".jar")) {
        return null;
      }
      Path here = Path.of("").toAbsolutePath();
      return location.startsWith(here) ? here.relativize(location) : location;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
