package edu.sockets.broadcast.load;

import java.time.Duration;

/**
 * What to run. {@code rate} is lines per second per client, 0 for as fast as possible; {@code size}
 * pads each line to that many bytes, 0 for no padding.
 */
public record LoadSettings(
    String host,
    int port,
    int clients,
    int messages,
    double rate,
    int size,
    int nonReaders,
    Duration timeout) {

  public long expected() {
    return (long) clients * (clients - 1) * messages;
  }
}
