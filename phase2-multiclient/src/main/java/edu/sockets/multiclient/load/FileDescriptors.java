package edu.sockets.multiclient.load;

import java.lang.management.ManagementFactory;

/** Whether this process may open as many connections as the load asks for. */
public final class FileDescriptors {

  /** File descriptors the JVM itself keeps open (its jar, libraries, standard streams...). */
  private static final int SPARE_DESCRIPTORS = 64;

  private FileDescriptors() {}

  /**
   * Why this process cannot open {@code clients} connections, or null if it can. Each connection is
   * a file descriptor, and the operating system limits how many a process may have open.
   */
  public static String problem(int clients) {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean os) {
      return problem(clients, os.getOpenFileDescriptorCount(), os.getMaxFileDescriptorCount());
    }
    return null; // Windows counts handles differently and has no such per-process limit
  }

  /** The rule behind {@link #problem(int)}, given what is open and the limit. */
  static String problem(int clients, long open, long limit) {
    long needed = open + clients + SPARE_DESCRIPTORS;
    if (needed <= limit) {
      return null;
    }
    long suggestion = (needed + 99) / 100 * 100;
    return ("Not enough file descriptors for %d clients: this process may have %d open files"
            + " and each connection needs one. Raise the limit in this shell first, for example"
            + " with: ulimit -n %d (see load --help)")
        .formatted(clients, limit, suggestion);
  }
}
