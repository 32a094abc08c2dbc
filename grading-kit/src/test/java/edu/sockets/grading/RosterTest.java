package edu.sockets.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterTest {

  @TempDir Path folder;

  private Path roster(String text) throws IOException {
    return Files.writeString(folder.resolve("roster.csv"), text);
  }

  @Test
  void readsStudentsAfterAHeaderSkippingBlankAndCommentedLines() throws IOException {
    Roster roster =
        Roster.read(
            roster(
                "student,server\nalice,lab-pc-07:5001\n\n# bob is ill\n\"Ana Silva\", 10.0.0.8:5001\n"));
    assertThat(roster.entries())
        .containsExactly(
            new Roster.Entry("alice", new Endpoint("lab-pc-07", 5001)),
            new Roster.Entry("Ana Silva", new Endpoint("10.0.0.8", 5001)));
  }

  @Test
  void aHeaderIsOptional() throws IOException {
    assertThat(Roster.read(roster("alice,127.0.0.1:5001\n")).entries()).hasSize(1);
  }

  @Test
  void namesTheLineOfAMistake() throws IOException {
    Path file = roster("student,server\nalice,127.0.0.1:5001\nbob,127.0.0.1\n");
    assertThatThrownBy(() -> Roster.read(file))
        .hasMessage(
            file + " line 3: expected HOST:PORT, such as 127.0.0.1:5001, not \"127.0.0.1\"");
  }

  @Test
  void refusesAStudentListedTwiceOrANameThatCannotBeAFolder() throws IOException {
    Path twice = roster("alice,127.0.0.1:5001\nalice,127.0.0.1:5002\n");
    assertThatThrownBy(() -> Roster.read(twice)).hasMessageEndingWith("alice is listed twice");
    Path slash = roster("a/b,127.0.0.1:5001\n");
    assertThatThrownBy(() -> Roster.read(slash)).hasMessageContaining("cannot be a folder name");
  }
}
