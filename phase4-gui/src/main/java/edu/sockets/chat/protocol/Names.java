package edu.sockets.chat.protocol;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for user and room names: compared ignoring case, each keeps its spelling. */
public final class Names {

  /** The sender of the administrator's messages. */
  public static final String SERVER = "server";

  /** The address of everyone: {@code MSG ... *}, {@code JOIN ... *}, {@code USERS *}. */
  public static final String EVERYONE = "*";

  /** Sorts names as people read them: ignoring case, then by spelling so the order is total. */
  public static final Comparator<String> READING_ORDER =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,16}");
  private static final Pattern ROOM = Pattern.compile("#[A-Za-z0-9_-]{1,24}");

  private Names() {}

  public static boolean isValidName(String name) {
    return NAME.matcher(name).matches() && !isReserved(name);
  }

  /** True for {@code server} in any case: users could otherwise pose as the administrator. */
  public static boolean isReserved(String name) {
    return name.equalsIgnoreCase(SERVER) || name.equals(EVERYONE);
  }

  public static boolean isValidRoom(String room) {
    return ROOM.matcher(room).matches();
  }

  /** The key under which a name or room is unique. */
  public static String key(String name) {
    // ROOT, so that the key does not depend on the machine's language (Turkish dotless i).
    return name.toLowerCase(Locale.ROOT);
  }

  public static String nameRule() {
    return "a name is 1 to 16 letters (A-Z, a-z), digits, _ or -";
  }

  public static String roomRule() {
    return "a room is # followed by 1 to 24 letters (A-Z, a-z), digits, _ or -";
  }
}
