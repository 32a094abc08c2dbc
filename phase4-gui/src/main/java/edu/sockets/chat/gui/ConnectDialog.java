package edu.sockets.chat.gui;

import edu.sockets.chat.client.ChatModel;
import edu.sockets.chat.client.ChatSession;
import edu.sockets.chat.client.Credentials;
import edu.sockets.chat.client.ReconnectPolicy;
import edu.sockets.chat.client.SignIn;
import edu.sockets.chat.client.SignInException;
import edu.sockets.chat.client.Transport;
import edu.sockets.chat.client.tls.KnownServers;
import edu.sockets.chat.client.tls.ServerTrust;
import edu.sockets.chat.client.tls.TlsTransport;
import edu.sockets.chat.gui.ConnectFields.Problem;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.concurrent.CompletionException;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * The first window: server host and port (remembered for next time), a name, a password (empty: a
 * guest; "Create account" registers the name with it), and Connect. A name that is taken or
 * invalid, or a server that cannot be reached, is said in plain words inside the dialog, which
 * stays open to try again. Connecting runs on the session's thread; the dialog only waits for the
 * answer, so it never freezes.
 */
final class ConnectDialog extends JDialog {

  private static final long serialVersionUID = 1L;

  /** What to do once signed in: open the chat window. Called on the event thread. */
  interface SignedIn {
    void open(ChatModel model, ChatSession session, SessionRelay relay);
  }

  private final transient Settings settings;
  private final transient SignedIn signedIn;
  private final JTextField host = named(new JTextField(16), "host");
  private final JTextField port = named(new JTextField(6), "port");
  private final JTextField name = named(new JTextField(16), "name");
  private final JPasswordField password = named(new JPasswordField(16), "password");
  private final JCheckBox create = named(new JCheckBox("Create account"), "create");
  private final JCheckBox tls =
      named(new JCheckBox("Use TLS (encrypted; the server must use --tls)"), "tls");
  private final JLabel warning = named(new JLabel(), "warning");
  private final JButton connect = named(new JButton("Connect"), "connect");
  private final JLabel message = named(new JLabel(" "), "message");

  /** When to retry after a drop; tests slow it down to press "Reconnect now" themselves. */
  private transient ReconnectPolicy policy = ReconnectPolicy.DEFAULT;

  /** The servers the user trusts, for "Use TLS"; tests and pictures give a file of their own. */
  private transient KnownServers knownServers = new KnownServers(KnownServers.defaultPath());

  ConnectDialog(Settings settings, SignedIn signedIn) {
    super((java.awt.Frame) null, "Connect to a chat server");
    this.settings = settings;
    this.signedIn = signedIn;
    setName("connect");
    host.setText(settings.host());
    port.setText(Integer.toString(settings.port()));
    name.setText(settings.name());
    name.putClientProperty("JTextField.placeholderText", "1 to 16 of A-Z a-z 0-9 _ -");
    password.putClientProperty("JTextField.placeholderText", "empty: join as a guest");
    create.setToolTipText("Register this name with this password: nobody else can then take it");
    warning.setForeground(Palette.quiet());
    warning.setFont(warning.getFont().deriveFont(warning.getFont().getSize2D() * 0.9f));
    tls.setSelected(settings.tls());
    tls.addItemListener(e -> {
      showWarning(tls.isSelected()); // over TLS the password is not sent in clear
      pack();
    });
    showWarning(tls.isSelected());
    setLayout(new BorderLayout());
    add(form(), BorderLayout.CENTER);
    add(buttons(), BorderLayout.SOUTH);
    setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    pack();
    setMinimumSize(getSize());
    setResizable(false);
    setLocationRelativeTo(null);
  }

  void setReconnectPolicy(ReconnectPolicy policy) {
    this.policy = policy;
  }

  void setKnownServers(KnownServers knownServers) {
    this.knownServers = knownServers;
  }

  /** Ticks "Use TLS", as the user would. */
  void useTls() {
    tls.setSelected(true);
  }

  /** The message shown, without its markup, for tests and scripts. */
  String message() {
    return message.getText().replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&amp;", "&");
  }

  /**
   * Shows, under the password, the warning that a plain connection carries it in clear.
   *
   * @param secure whether the connection will be encrypted (TLS)
   */
  void showWarning(boolean secure) {
    String text = Credentials.clearTextWarning(secure);
    warning.setText(
        text == null ? "" : "<html><body style='width: 220px'>" + text + "</body></html>");
  }

  /** Types a password and ticks "Create account" or not, for the screenshots. */
  void fillPassword(String text, boolean createAccount) {
    password.setText(text);
    create.setSelected(createAccount);
  }

  /** Fills in the fields, as {@code gui --host --port --name} does. */
  void fill(String host, Integer port, String name) {
    if (host != null) {
      this.host.setText(host);
    }
    if (port != null) {
      this.port.setText(port.toString());
    }
    if (name != null) {
      this.name.setText(name);
    }
  }

  /** Checks the fields, then signs in on the session thread; the answer comes back here. */
  void connect() {
    ConnectFields fields =
        new ConnectFields(
            host.getText(),
            port.getText(),
            name.getText(),
            new String(password.getPassword()),
            create.isSelected());
    Problem problem = fields.serverProblem();
    if (problem == null) {
      settings.rememberServer(fields.host(), fields.portNumber(), fields.name()); // no password
      settings.rememberTls(tls.isSelected());
      problem = fields.passwordProblem();
    }
    if (problem != null) {
      problem(problem.text(), field(problem.field()));
      return;
    }
    busy(true);
    say("Connecting to " + fields.host() + ":" + fields.portNumber() + "...", Palette.quiet());
    ChatModel model = new ChatModel();
    SessionRelay relay = new SessionRelay(model);
    SignIn signIn =
        new SignIn(fields.host(), fields.portNumber(), fields.credentials(), transport(), policy);
    ChatSession.signIn(signIn, relay)
        .whenComplete((session, error) ->
            SwingUtilities.invokeLater(() -> signInEnded(model, session, relay, error)));
  }

  /** Plain TCP, or with "Use TLS" TLS, asking about a new server in a {@link TrustDialog}. */
  private Transport transport() {
    return tls.isSelected()
        ? new TlsTransport(ServerTrust.of(knownServers).askingWith(new TrustDialog(this)))
        : Transport.TCP;
  }

  private void signInEnded(
      ChatModel model, ChatSession session, SessionRelay relay, Throwable error) {
    busy(false);
    if (error == null) {
      signedIn.open(model, session, relay);
      dispose();
      return;
    }
    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
    if (cause instanceof SignInException failed) {
      problem(
          failed.getMessage(),
          switch (failed.failure()) {
            case UNREACHABLE -> host;
            case PASSWORD -> password;
            default -> name;
          });
    } else {
      problem("Could not sign in: " + cause, host);
    }
  }

  private JTextField field(ConnectFields.Field field) {
    return switch (field) {
      case HOST -> host;
      case PORT -> port;
      case NAME -> name;
      case PASSWORD -> password;
    };
  }

  /** Says what went wrong, in the dialog, and puts the cursor where it can be fixed. */
  private void problem(String text, JTextField field) {
    say(text, Palette.error());
    field.requestFocusInWindow();
    field.selectAll();
  }

  private void say(String text, Color colour) {
    // HTML, so that a long message wraps inside the dialog instead of widening it.
    message.setText(
        "<html><body style='width: 280px'>"
            + text.replace("&", "&amp;").replace("<", "&lt;")
            + "</body></html>");
    message.setForeground(colour);
    pack();
  }

  private void busy(boolean busy) {
    for (JComponent c : new JComponent[] {host, port, name, password, create, tls, connect}) {
      c.setEnabled(!busy);
    }
  }

  private JPanel form() {
    JPanel form = new JPanel(new GridBagLayout());
    form.setBorder(BorderFactory.createEmptyBorder(16, 16, 8, 16));
    row(form, 0, "Server", host);
    row(form, 1, "Port", port);
    row(form, 2, "Your name", name);
    row(form, 3, "Password", password);
    row(form, 4, "", create);
    row(form, 5, "", tls);
    row(form, 6, "", warning);
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.gridy = 7;
    c.gridwidth = 2;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.anchor = GridBagConstraints.PAGE_START;
    c.weighty = 1; // the room the hidden warning leaves (the size never shrinks) goes below
    c.insets = new Insets(10, 0, 0, 0);
    form.add(message, c);
    return form;
  }

  private JPanel buttons() {
    JButton cancel = new JButton("Cancel");
    cancel.addActionListener(e -> dispose());
    connect.addActionListener(e -> connect());
    getRootPane().setDefaultButton(connect); // Enter in any field connects
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
    buttons.setBorder(BorderFactory.createEmptyBorder(0, 12, 8, 12));
    buttons.add(cancel);
    buttons.add(connect);
    return buttons;
  }

  private static void row(JPanel form, int y, String label, JComponent field) {
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.gridy = y;
    c.anchor = GridBagConstraints.LINE_START;
    c.insets = new Insets(4, 0, 4, 12);
    JLabel text = new JLabel(label);
    text.setLabelFor(field);
    form.add(text, c);
    c = new GridBagConstraints();
    c.gridx = 1;
    c.gridy = y;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.weightx = 1;
    c.insets = new Insets(4, 0, 4, 0);
    form.add(field, c);
  }

  /** Names a component, by which tests and scripts find it. */
  private static <C extends JComponent> C named(C component, String name) {
    component.setName(name);
    return component;
  }
}
