package edu.sockets.chat.protocol;

import java.util.Comparator;
import java.util.Locale;

/**
 * The rules for user and room names. Both are compared ignoring case ({@code Alice} and {@code
 * alice} are the same user, {@code #Java} and {@code #java} the same room), but each keeps the
 * spelling it was given.
 */
public final class Names {

  public static final int MAX_NAME_LENGTH = 16;
  public static final int MAX_ROOM_LENGTH = 24;

  /** The sender of administrator announcements; no user may take it, in any case. */
  public static final String SERVER = "server";

  /** The address of everyone: {@code MSG ... *}, {@code JOIN ... *}, {@code USERS *}. */
  public static final String EVERYONE = "*";

  /** Sorts names as people read them: ignoring case, then by spelling so the order is total. */
  public static final Comparator<String> READING_ORDER =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  private Names() {}

  /** True for 1 to 16 of {@code A-Z a-z 0-9 _ -} that is not reserved. */
  public static boolean isValidName(String name) {
    return hasNameCharacters(name, 0, MAX_NAME_LENGTH) && !isReserved(name);
  }

  /** True for {@code server} in any case: users could otherwise pose as the administrator. */
  public static boolean isReserved(String name) {
    return name.equalsIgnoreCase(SERVER) || name.equals(EVERYONE);
  }

  /** True for {@code #} followed by 1 to 24 of {@code A-Z a-z 0-9 _ -}. */
  public static boolean isValidRoom(String room) {
    return room.startsWith("#") && hasNameCharacters(room, 1, MAX_ROOM_LENGTH);
  }

  /** The key under which a name or room is unique: its lower-case form. */
  public static String key(String name) {
    // ROOT, so that the key does not depend on the machine's language (Turkish dotless i).
    return name.toLowerCase(Locale.ROOT);
  }

  /** Says what a valid name looks like, for error messages. */
  public static String nameRule() {
    return "a name is 1 to 16 letters (A-Z, a-z), digits, _ or -";
  }

  /** Says what a valid room looks like, for error messages. */
  public static String roomRule() {
    return "a room is # followed by 1 to 24 letters (A-Z, a-z), digits, _ or -";
  }

  private static boolean hasNameCharacters(String text, int from, int maxLength) {
    int length = text.length() - from;
    if (length < 1 || length > maxLength) {
      return false;
    }
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
