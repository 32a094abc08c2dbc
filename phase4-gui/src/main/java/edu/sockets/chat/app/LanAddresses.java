package edu.sockets.chat.app;

import edu.sockets.chat.server.ChatServer;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.function.Consumer;

/** Where other machines can reach a server that listens on every interface: its LAN addresses. */
final class LanAddresses {

  private LanAddresses() {}

  /** Prints each address with {@code port}, or that only this machine can connect. */
  static void print(int port, Consumer<String> out) throws SocketException {
    List<String> lan =
        NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .filter(a -> a instanceof Inet4Address)
            .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
            .map(a -> ChatServer.endpoint(a, port))
            .toList();
    if (lan.isEmpty()) {
      out.accept("No network address besides loopback: only this machine can connect");
    }
    lan.forEach(address -> out.accept("Other machines can connect to " + address));
  }
}
