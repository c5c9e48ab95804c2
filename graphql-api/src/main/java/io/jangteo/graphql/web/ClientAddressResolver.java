package io.jangteo.graphql.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Finds the client's address. {@code X-Forwarded-For} is believed only when the peer is a configured trusted proxy,
 * and then read from the right, skipping further trusted proxies: any client can write that header, so only the hops
 * we trust may vouch for the address before them.
 */
public final class ClientAddressResolver {

    private final List<Range> trusted;

    public ClientAddressResolver(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Range::parse).toList();
    }

    public String resolve(String peerAddress, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !isTrusted(peerAddress)) {
            return peerAddress;
        }
        String[] hops = forwardedFor.split(",");
        String candidate = peerAddress;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!isLiteralAddress(hop)) {
                return candidate; // garbage in the header: stop at the last hop we could vouch for
            }
            candidate = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return candidate;
    }

    boolean isTrusted(String address) {
        if (address == null || trusted.isEmpty()) {
            return false;
        }
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
    }

    private static boolean isLiteralAddress(String value) {
        return literal(value) != null;
    }

    /** Parses only IP literals: never a DNS lookup for a header value an attacker controls. */
    static byte[] literal(String value) {
        if (value == null || value.isEmpty() || value.length() > 45) {
            return null;
        }
        String v = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        boolean ipv4 = v.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        boolean ipv6 = v.indexOf(':') >= 0 && v.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        if (!ipv4 && !ipv6) {
            return null;
        }
        if (ipv4 && v.split("\\.", -1).length != 4) {
            return null;
        }
        try {
            return InetAddress.getByName(v).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] network, int prefix) {
        static Range parse(String spec) {
            String[] parts = spec.split("/", 2);
            byte[] address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("trusted proxy must be an IP address or CIDR range: " + spec);
            }
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            return new Range(address, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not().and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

}
