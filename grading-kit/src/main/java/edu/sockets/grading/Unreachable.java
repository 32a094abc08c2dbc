package edu.sockets.grading;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The graded server could not be reached; the message says which way, and what usually causes it.
 */
public final class Unreachable extends Exception {

  private static final long serialVersionUID = 1L;

  Unreachable(String message) {
    super(message);
  }

  /** Names the way a connection to {@code endpoint} failed, from the exception it failed with. */
  static Unreachable of(Endpoint endpoint, IOException failure, Timing timing) {
    return new Unreachable(
        switch (failure) {
          case UnknownHostException e ->
              "name not found: no host is called \"%s\" (check the spelling, or use its IP address)"
                  .formatted(endpoint.host());
          case SocketTimeoutException e ->
              "timed out: %s did not accept a connection within %s (a wrong address, or a firewall that drops the packets)"
                  .formatted(endpoint, Quote.seconds(timing.connect()));
          case NoRouteToHostException e ->
              "no route to host: %s cannot be reached from here (is the machine on, and on this network?)"
                  .formatted(endpoint.host());
          case ConnectException e ->
              "connection refused: nothing listens on %s (is the server running, and on this port?)"
                  .formatted(endpoint);
          default -> "could not connect to %s: %s".formatted(endpoint, failure.getMessage());
        });
  }

  /** A server that exits after each client did not listen again in time. */
  static Unreachable notBack(Endpoint endpoint, Duration comeback) {
    return new Unreachable(
        ("the server was not listening on %s again within %s of the last client. A server that"
                + " exits after one client must run in a loop (while true; do ...; done). If the"
                + " loop runs, the new server cannot bind while the old connection is in TIME_WAIT:"
                + " set SO_REUSEADDR before bind()")
            .formatted(endpoint, Quote.seconds(comeback)));
  }
}
