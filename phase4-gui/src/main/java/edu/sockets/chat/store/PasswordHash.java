package edu.sockets.chat.store;

/**
 * What is stored of an account's password: never the password, but a salted hash of it, and the
 * iterations it took (kept so that they can be raised later).
 */
public record PasswordHash(byte[] salt, byte[] hash, int iterations) {}
