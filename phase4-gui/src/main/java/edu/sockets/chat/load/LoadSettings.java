package edu.sockets.chat.load;

import edu.sockets.chat.client.tls.ServerTrust;
import java.time.Duration;

/**
 * What to run: {@code clients} users that each send {@code messages} public messages, at {@code
 * rate} messages per second each (0: as fast as possible). What has not arrived after {@code
 * idleTimeout} without a delivery is lost. {@code tls}: how to trust the server; null for plain
 * TCP.
 */
public record LoadSettings(
    String host,
    int port,
    int clients,
    int messages,
    double rate,
    Duration idleTimeout,
    ServerTrust tls) {}
