package edu.sockets.chat.gui;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.client.Credentials;
import edu.sockets.chat.gui.ConnectFields.Field;
import edu.sockets.chat.gui.ConnectFields.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConnectFields: the connect dialog's checks, before anything goes on the network")
class ConnectFieldsTest {

  private static ConnectFields fields(String host, String port, String name) {
    return new ConnectFields(host, port, name, "", false);
  }

  @Test
  @DisplayName("the server's address, the port and the name, each said in words, first one first")
  void serverAndName() {
    assertThat(fields(" ", "5004", "alice").serverProblem())
        .isEqualTo(
            new Problem(Field.HOST, "Enter the server's address: 127.0.0.1 for this computer."));
    assertThat(fields("lab", "five", "alice").serverProblem().field()).isEqualTo(Field.PORT);
    assertThat(fields("lab", "65536", "").serverProblem().field()).isEqualTo(Field.PORT);
    assertThat(fields("lab", "5004", " ").serverProblem().text()).startsWith("Choose a name: ");
    assertThat(fields("lab", "5004", "Server").serverProblem())
        .isEqualTo(new Problem(Field.NAME, "\"Server\" is reserved. Choose another name."));
    assertThat(fields("lab", "5004", "al ice").serverProblem().text())
        .startsWith("\"al ice\" is not a valid name: ");
    ConnectFields good = fields(" lab-pc ", " 5904 ", " alice ");
    assertThat(good.serverProblem()).isNull();
    assertThat(good.host()).isEqualTo("lab-pc");
    assertThat(good.portNumber()).isEqualTo(5904);
    assertThat(good.credentials()).isEqualTo(Credentials.guest("alice"));
  }

  @Test
  @DisplayName("a password follows the rule; an account needs one; empty is a guest")
  void passwordAndAccount() {
    assertThat(new ConnectFields("lab", "5004", "dave", "short", false).passwordProblem())
        .extracting(Problem::field)
        .isEqualTo(Field.PASSWORD);
    assertThat(new ConnectFields("lab", "5004", "dave", "", true).passwordProblem())
        .isEqualTo(new Problem(Field.PASSWORD, "To create an account, choose its password."));
    ConnectFields account = new ConnectFields("lab", "5004", "dave", "correct horse", true);
    assertThat(account.passwordProblem()).isNull();
    assertThat(account.credentials()).isEqualTo(new Credentials("dave", "correct horse", true));
  }
}
