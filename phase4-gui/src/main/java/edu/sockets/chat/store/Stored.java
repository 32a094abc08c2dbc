package edu.sockets.chat.store;

import java.time.Instant;

/** One stored message: a private message queued for an offline account, or a line of history. */
public record Stored(Instant ts, String from, String to, String text) {}
