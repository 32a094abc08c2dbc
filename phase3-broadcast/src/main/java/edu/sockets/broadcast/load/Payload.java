package edu.sockets.broadcast.load;

import java.util.Arrays;

/**
 * The text of a load line, written and parsed as bytes: {@code sender seq micros check}, then, if a
 * size was asked for, a space and as many dots as it takes.
 */
final class Payload {

  /** Room for the four numbers, their spaces and the LF. */
  static final int MIN_SIZE = 64;

  private Payload() {}

  static long checksum(long sender, long seq, long micros) {
    return (sender * 1_000_003 + seq * 10_007 + micros) % 1_000_000;
  }

  /**
   * Writes the line, with its LF, into {@code line}, padded to {@code size} bytes before the LF if
   * it is shorter; returns its length.
   */
  static int write(byte[] line, int sender, int seq, long micros, int size) {
    int at = writeNumber(line, 0, sender);
    line[at++] = ' ';
    at = writeNumber(line, at, seq);
    line[at++] = ' ';
    at = writeNumber(line, at, micros);
    line[at++] = ' ';
    at = writeNumber(line, at, checksum(sender, seq, micros));
    if (at < size) {
      line[at++] = ' ';
      Arrays.fill(line, at, size, (byte) '.');
      at = size;
    }
    line[at++] = '\n';
    return at;
  }

  /**
   * Reads the four numbers of a load line into {@code fields}; false if it is not one: a field
   * missing or not a number, a wrong checksum, or padding that is not all dots.
   */
  static boolean parse(byte[] bytes, int from, int to, long[] fields) {
    int at = from;
    for (int i = 0; i < 4; i++) {
      int space = indexOf(bytes, at, to, (byte) ' ');
      int fieldEnd = space < 0 ? to : space;
      fields[i] = i < 3 && space < 0 ? -1 : parseNumber(bytes, at, fieldEnd);
      if (fields[i] < 0) {
        return false;
      }
      at = fieldEnd + 1;
    }
    for (int i = at; i < to; i++) {
      if (bytes[i] != '.') {
        return false;
      }
    }
    return fields[3] == checksum(fields[0], fields[1], fields[2]);
  }

  /** The decimal number in {@code bytes[from..to)}, or -1 if it is not one. */
  static long parseNumber(byte[] bytes, int from, int to) {
    if (from >= to || to - from > 18) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static int writeNumber(byte[] line, int at, long value) {
    String digits = Long.toString(value);
    for (int i = 0; i < digits.length(); i++) {
      line[at + i] = (byte) digits.charAt(i);
    }
    return at + digits.length();
  }

  /** Where {@code b} first occurs in {@code bytes[from..to)}, or -1. */
  static int indexOf(byte[] bytes, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** Where {@code b} last occurs in {@code bytes[from..to)}, or -1. */
  static int lastIndexOf(byte[] bytes, int from, int to, byte b) {
    for (int i = to - 1; i >= from; i--) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
