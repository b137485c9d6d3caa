package org.avgym.pools.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a pool may connect (server-side request forgery): a pool endpoint is an outbound connection
 * that the server opens with its own network position, so its address is checked before it is
 * stored.
 *
 * <ul>
 *   <li>Never: link-local addresses (169.254.0.0/16, fe80::/10), which hold the clouds' instance
 *       metadata services, the other metadata addresses ({@link #METADATA}), unspecified, multicast
 *       and broadcast addresses.
 *   <li>Only when {@code avgym.pools.allowed-networks} lists them (CIDR, comma-separated):
 *       loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10) and other
 *       special-purpose ranges. Door controllers on the chain's own network are such endpoints: the
 *       operator names their network.
 *   <li>Anything else (public addresses).
 * </ul>
 *
 * A host name is resolved and every address it resolves to must pass. The check runs when the
 * endpoint is added; a name whose DNS answer changes later (DNS rebinding) is not checked again.
 */
public final class EndpointAddresses {

  /** Metadata services outside link-local: Alibaba Cloud, AWS over IPv6, Oracle Cloud. */
  static final Set<String> METADATA =
      Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254", "192.0.0.192");

  /** Resolves a host name to its addresses. */
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;

    Resolver DNS = InetAddress::getAllByName;
  }

  /** An IPv4 or IPv6 network in CIDR notation. */
  public record Network(byte[] prefix, int bits) {

    public static Network parse(String cidr) {
      String[] parts = cidr.trim().split("/", 2);
      try {
        byte[] address = literal(parts[0]);
        int bits = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : address.length * 8;
        if (bits < 0 || bits > address.length * 8) {
          throw new IllegalArgumentException("bad prefix length in " + cidr);
        }
        return new Network(address, bits);
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException("not a network: " + cidr, e);
      }
    }

    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length != prefix.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    private static byte[] literal(String text) throws UnknownHostException {
      String trimmed = text.trim();
      if (!trimmed.matches("[0-9a-fA-F:.]*[:.][0-9a-fA-F:.]*")) {
        throw new UnknownHostException(trimmed); // never a DNS look-up
      }
      return InetAddress.getByName(trimmed).getAddress();
    }
  }

  /** Special-purpose ranges that are refused unless allowed (besides loopback and RFC 1918). */
  private static final List<Network> SPECIAL =
      List.of(
          Network.parse("100.64.0.0/10"), // shared address space (carrier-grade NAT)
          Network.parse("192.0.0.0/24"), // IETF protocol assignments
          Network.parse("198.18.0.0/15"), // benchmarking
          Network.parse("240.0.0.0/4"), // reserved
          Network.parse("fc00::/7")); // unique local

  private final List<Network> allowed;

  public EndpointAddresses(List<Network> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /** From configuration: a comma-separated list of CIDR networks, plus {@code extra}. */
  public static EndpointAddresses of(String allowedNetworks, List<Network> extra) {
    List<Network> networks = new ArrayList<>(extra);
    Arrays.stream(allowedNetworks == null ? new String[0] : allowedNetworks.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(Network::parse)
        .forEach(networks::add);
    return new EndpointAddresses(networks);
  }

  public static final List<Network> LOOPBACK =
      List.of(Network.parse("127.0.0.0/8"), Network.parse("::1/128"));

  /** Why a connection to {@code host} is refused, or null when it may be made. */
  public String refusal(String host, Resolver resolver) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    if (name.equals("metadata.google.internal") || name.equals("metadata")) {
      return "host " + host + " is a cloud metadata service";
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(name);
    } catch (UnknownHostException e) {
      return "host " + host + " cannot be resolved";
    }
    for (InetAddress address : addresses) {
      String why = refusal(address);
      if (why != null) {
        return "host " + host + " is " + why;
      }
    }
    return null;
  }

  private String refusal(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address.isLinkLocalAddress()) {
      return "a link-local address (" + address.getHostAddress() + "), where metadata services are";
    }
    if (METADATA.contains(address.getHostAddress())) {
      return "a cloud metadata service (" + address.getHostAddress() + ")";
    }
    if (address.isAnyLocalAddress()
        || address.isMulticastAddress()
        || (bytes.length == 4 && (bytes[0] == 0 || (bytes[0] & 0xff) == 255))) {
      return "not a unicast address (" + address.getHostAddress() + ")";
    }
    boolean special =
        address.isLoopbackAddress()
            || address.isSiteLocalAddress()
            || SPECIAL.stream().anyMatch(n -> n.contains(address));
    if (special && allowed.stream().noneMatch(n -> n.contains(address))) {
      return "a loopback or private address ("
          + address.getHostAddress()
          + "); allow its network in avgym.pools.allowed-networks";
    }
    return null;
  }
}
