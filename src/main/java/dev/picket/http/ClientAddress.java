package dev.picket.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The address of the client that sent a request, for {@code {{auto}}} IPs and rate limits. The
 * socket peer, unless it is one of the configured trusted proxies: then {@code X-Forwarded-For} is
 * read from the right, skipping trusted proxies, and the first other address is the client. An
 * untrusted peer's {@code X-Forwarded-For} is ignored, so a client cannot choose its own address.
 */
public final class ClientAddress {
  private record Network(BigInteger base, int prefix, int bits) {
    boolean contains(InetAddress address) {
      byte[] raw = address.getAddress();
      if (raw.length * 8 != bits) {
        return false;
      }
      BigInteger value = new BigInteger(1, raw);
      return value.shiftRight(bits - prefix).equals(base.shiftRight(bits - prefix));
    }
  }

  private final List<Network> trusted;

  /** {@code proxies}: IP addresses or CIDR blocks ({@code 10.0.0.0/8}, {@code ::1}). */
  public ClientAddress(List<String> proxies) {
    List<Network> networks = new ArrayList<>();
    for (String proxy : proxies) {
      networks.add(parse(proxy.trim()));
    }
    this.trusted = List.copyOf(networks);
  }

  /** The client of this request: its peer, or the forwarded client behind a trusted proxy. */
  public String of(io.javalin.http.Context ctx) {
    return of(ctx.ip(), ctx.header("X-Forwarded-For"));
  }

  public String of(String peer, String forwardedFor) {
    if (trusted.isEmpty() || forwardedFor == null || !isTrusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !isTrusted(hop)) {
        return hop;
      }
    }
    String leftMost = hops[0].trim();
    return leftMost.isEmpty() ? peer : leftMost;
  }

  private boolean isTrusted(String ip) {
    InetAddress address = literal(ip);
    return address != null && trusted.stream().anyMatch(n -> n.contains(address));
  }

  private static Network parse(String proxy) {
    String[] parts = proxy.split("/", 2);
    InetAddress address = literal(parts[0]);
    if (address == null) {
      throw new IllegalArgumentException("not an IP address or CIDR block: " + proxy);
    }
    int bits = address.getAddress().length * 8;
    int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("bad prefix length in " + proxy);
    }
    return new Network(new BigInteger(1, address.getAddress()), prefix, bits);
  }

  /** The address of an IP literal, or null for anything else (never a DNS lookup). */
  private static InetAddress literal(String ip) {
    if (ip == null || ip.isEmpty() || !ip.matches("[0-9a-fA-F:.]+")) {
      return null;
    }
    try {
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
