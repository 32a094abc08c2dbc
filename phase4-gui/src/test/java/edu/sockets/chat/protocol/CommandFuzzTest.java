package edu.sockets.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import edu.sockets.chat.protocol.Command.Invalid;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;

/**
 * Fuzzes the command parser: whatever line a client sends, parsing returns a command (never
 * throws), no control character survives into it, and a valid command's line parses back to it.
 *
 * <p>{@code mvn verify} replays the committed inputs in {@code CommandFuzzTestInputs/} (regression
 * mode, under a second). To search for new failing inputs for a minute, run {@code JAZZER_FUZZ=1
 * ./mvnw -pl phase4-gui test -Dtest=CommandFuzzTest -Djazzer.hooks=true}; a failing input is saved
 * there, and from then on replayed by every build.
 */
@DisplayName("Command.parse, fuzzed: any bytes give a command without control characters")
class CommandFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void parsingAnyLineGivesACommandWithoutControlCharacters(@NotNull byte[] bytes) {
    // Bytes, decoded as the server's LineReader decodes them: the seed files are raw lines.
    String line = new String(bytes, StandardCharsets.UTF_8).replace("\n", "");
    Command command = Command.parse(line);

    assertThat(command).isNotNull();
    assertThat(command.toString().chars().filter(c -> ControlCharacters.isControl((char) c)))
        .as("control characters in %s", command)
        .isEmpty();
    if (!(command instanceof Invalid)) {
      assertThat(Command.parse(command.toLine())).isEqualTo(command);
    }
  }
}
