package edu.sockets.multiclient.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The check that the load fits under this process's limit on open files. */
@DisplayName("FileDescriptors: the load checks the open-file limit first")
class FileDescriptorsTest {

  @Test
  @DisplayName("too few file descriptors: says which ulimit to run, instead of failing later")
  void namesTheUlimitToRunWhenDescriptorsAreShort() {
    assertThat(FileDescriptors.problem(1000, 20, 1024))
        .isEqualTo(
            "Not enough file descriptors for 1000 clients: this process may have 1024 open files"
                + " and each connection needs one. Raise the limit in this shell first, for"
                + " example with: ulimit -n 1100 (see load --help)");
    assertThat(FileDescriptors.problem(10_000, 20, 20_000)).isNull();
  }
}
