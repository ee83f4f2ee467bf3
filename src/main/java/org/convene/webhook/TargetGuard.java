package org.convene.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;

/**
 * Keeps webhooks from reaching inside the network Convene runs in: a target whose address is loopback,
 * private, link-local (cloud metadata services live at 169.254.169.254), shared (100.64/10), unique
 * local (fc00::/7), multicast or unspecified is refused, unless CONVENE_WEBHOOK_ALLOW_PRIVATE is set. So
 * is an IPv6 address that carries such an IPv4 address inside it (IPv4-mapped, IPv4-compatible,
 * IPv4-translated, NAT64, 6to4 and Teredo), since a translator or tunnel on the way delivers it to that
 * IPv4 address, and any address of the NAT64 local-use prefix 64:ff9b:1::/48, which only a translator
 * of this network serves. The courier checks every address it connects to here, IP literals included.
 */
public final class TargetGuard {
    /**
     * The IPv6 forms that carry an IPv4 address. Teredo (2001::/32) carries two, the server's in the open
     * and the client's inverted, and both are judged: a Teredo host sends to each over IPv4.
     */
    private static final List<Embedding> EMBEDDINGS = List.of(
            new Embedding("00000000000000000000ffff", 12, 0), // IPv4-mapped ::ffff:a.b.c.d
            new Embedding("0000000000000000ffff0000", 12, 0), // IPv4-translated (SIIT) ::ffff:0:a.b.c.d
            new Embedding("000000000000000000000000", 12, 0), // IPv4-compatible ::a.b.c.d (deprecated)
            new Embedding("0064ff9b0000000000000000", 12, 0), // NAT64 well-known prefix 64:ff9b::a.b.c.d
            new Embedding("2002", 2, 0), // 6to4 2002:AABB:CCDD::/48
            new Embedding("20010000", 4, 0), // Teredo server
            new Embedding("20010000", 12, -1)); // Teredo client, every bit inverted
    /**
     * NAT64's local-use prefix (RFC 8215): each network chooses where in it the IPv4 address sits, so it
     * cannot be read out; and only this network's own translator serves it.
     */
    private static final byte[] NAT64_LOCAL_USE = HexFormat.of().parseHex("0064ff9b0001");

    private final boolean allowPrivate;

    /** A guard that lets private targets through when {@code allowPrivate} (for tests and closed networks). */
    public TargetGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Resolves {@code host} and returns its addresses, refusing a host that does not resolve or resolves inside. */
    public List<InetAddress> resolve(String host) {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw Refusal.INVALID_INPUT.refuse("url: the host '" + host + "' does not resolve");
        }
        for (InetAddress address : all) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                throw Refusal.INVALID_INPUT.refuse("url: '" + host + "' resolves to " + refusal.get());
            }
        }
        return List.of(all);
    }

    /**
     * Refuses a host that resolves inside now; one that does not resolve yet passes (its name may be set
     * up later), since every delivery checks again: for telling the administrator early.
     */
    public void refuseIfInside(String host) {
        try {
            resolve(host);
        } catch (RefusedException e) {
            if (!e.getMessage().contains("does not resolve")) throw e;
        }
    }

    /** Whether a webhook may connect to {@code address}. */
    public boolean allowed(InetAddress address) {
        return refusal(address).isEmpty();
    }

    /** Why a webhook may not connect to {@code address}, naming it, or nothing when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (allowPrivate || !inside(address)) return Optional.empty();
        return Optional.of(address.getHostAddress() + ", a loopback, private, link-local or metadata address (or an "
                + "IPv6 address carrying one), which webhooks may not reach "
                + "(CONVENE_WEBHOOK_ALLOW_PRIVATE=true allows it)");
    }

    static boolean inside(InetAddress address) {
        // The JDK knows loopback, unspecified, link-local (fe80::/10 too), site-local (fec0::/10 too) and multicast.
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) return true;
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) return insideIpv4(intAt(b, 0));
        if ((b[0] & 0xfe) == 0xfc) return true; // unique local fc00::/7
        if (startsWith(b, NAT64_LOCAL_USE)) return true; // 64:ff9b:1::/48, whatever it carries
        return EMBEDDINGS.stream().anyMatch(e -> startsWith(b, e.prefix()) && insideIpv4(intAt(b, e.at()) ^ e.mask()));
    }

    private static boolean insideIpv4(int address) {
        int first = address >>> 24, second = (address >>> 16) & 0xff;
        return first == 0 || first == 10 || first == 127 // this network, private, loopback
                || first >= 224 // multicast, reserved, broadcast
                || (first == 100 && (second & 0xc0) == 64) // shared (carrier-grade NAT) 100.64/10
                || (first == 169 && second == 254) // link-local, where cloud metadata lives
                || (first == 172 && (second & 0xf0) == 16) || (first == 192 && second == 168) // private
                || (address >>> 8) == 0xc00000 // IETF protocol assignments 192.0.0/24
                || (first == 198 && (second & 0xfe) == 18); // benchmarking 198.18/15
    }

    private static boolean startsWith(byte[] address, byte[] prefix) {
        return Arrays.equals(address, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int intAt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    /** An IPv6 form carrying an IPv4 address: the bytes it starts with, where the IPv4 address sits, its XOR mask. */
    private record Embedding(byte[] prefix, int at, int mask) {
        Embedding(String prefix, int at, int mask) {
            this(HexFormat.of().parseHex(prefix), at, mask);
        }
    }
}
