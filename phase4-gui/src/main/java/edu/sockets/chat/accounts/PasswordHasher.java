package edu.sockets.chat.accounts;

import edu.sockets.chat.store.PasswordHash;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Turns a password into what the server stores: PBKDF2 with HMAC-SHA-256, a random salt per
 * account, and enough iterations that each guess costs an attacker who stole the database real
 * time. Nothing here keeps or prints the password.
 */
public final class PasswordHasher {

  /** OWASP's recommendation for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023). */
  public static final int RECOMMENDED_ITERATIONS = 600_000;

  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private final int iterations;
  private final SecureRandom random = new SecureRandom();

  /**
   * For the answer to an unknown name: random bytes no password gives, checked like a real hash, so
   * that it takes as long.
   */
  private final PasswordHash dummy;

  PasswordHasher(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be at least 1, not " + iterations);
    }
    this.iterations = iterations;
    byte[] salt = new byte[SALT_BYTES];
    byte[] hash = new byte[HASH_BITS / 8];
    random.nextBytes(salt);
    random.nextBytes(hash);
    this.dummy = new PasswordHash(salt, hash, iterations);
  }

  int iterations() {
    return iterations;
  }

  /** A new hash of {@code password}, with a fresh random salt. */
  PasswordHash hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new PasswordHash(salt, derive(password, salt, iterations), iterations);
  }

  /**
   * True when {@code password} gives {@code stored}'s hash. With {@code stored} null (no such
   * account) it does the same work and answers false, so the time does not tell the two apart.
   */
  boolean verify(String password, PasswordHash stored) {
    PasswordHash against = stored == null ? dummy : stored;
    byte[] computed = derive(password, against.salt(), against.iterations());
    // MessageDigest.isEqual takes the same time wherever the first difference is: an attacker
    // cannot learn the hash byte by byte from how fast the answer comes.
    return MessageDigest.isEqual(computed, against.hash()) && stored != null;
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      // Every JDK since 8 has this algorithm; without it nothing here can work.
      throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
