package edu.sockets.chat.protocol.trust;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate's SHA-256 fingerprint as people compare it: 32 bytes as upper-case hex pairs joined
 * by colons ({@code 3F:A0:...}), the form {@code keytool} and browsers show. The server prints it;
 * clients show it, remember it and compare it.
 */
public final class Fingerprints {

  /** 32 bytes, 2 hex digits each, 31 colons. */
  public static final int LENGTH = 32 * 3 - 1;

  private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

  private Fingerprints() {}

  /** The fingerprint of a certificate's DER encoding ({@code Certificate.getEncoded()}). */
  public static String sha256(byte[] der) {
    try {
      return COLONS.formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Reads a fingerprint a person typed or a file holds: with or without colons, any case. Returns
   * the canonical form, or null if {@code text} is not 32 bytes of hex.
   */
  public static String parse(String text) {
    if (text == null) {
      return null;
    }
    String hex = text.strip().replace(":", "");
    if (hex.length() != 64 || !hex.chars().allMatch(Fingerprints::isHexDigit)) {
      return null;
    }
    return COLONS.formatHex(HexFormat.of().parseHex(hex.toUpperCase(Locale.ROOT)));
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
