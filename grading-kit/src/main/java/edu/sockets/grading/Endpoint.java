package edu.sockets.grading;

/**
 * The server being graded, as {@code host:port}: {@code lab-pc-07:5001}, {@code 10.0.0.7:5001},
 * {@code [::1]:5001}.
 */
public record Endpoint(String host, int port) {

  public Endpoint {
    if (host.isBlank()) {
      throw new IllegalArgumentException("the host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the port must be between 1 and 65535, not " + port);
    }
  }

  /**
   * Reads {@code host:port}, as a user types it.
   *
   * @throws IllegalArgumentException naming what is wrong, for the user to read
   */
  public static Endpoint parse(String text) {
    String trimmed = text.strip();
    int colon = trimmed.lastIndexOf(':');
    if (colon <= 0 || colon == trimmed.length() - 1) {
      throw new IllegalArgumentException(
          "expected HOST:PORT, such as 127.0.0.1:5001, not \"" + text + "\"");
    }
    String host = trimmed.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1); // an IPv6 address: [::1]:5001
    }
    String port = trimmed.substring(colon + 1);
    if (!port.chars().allMatch(Character::isDigit) || port.length() > 5) {
      throw new IllegalArgumentException("the port must be a number, not \"" + port + "\"");
    }
    return new Endpoint(host, Integer.parseInt(port));
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
