package org.convene.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;

/**
 * Keeps webhooks from reaching inside the network Convene runs in: a target whose address is loopback,
 * private, link-local (cloud metadata services live at 169.254.169.254), shared (100.64/10), unique
 * local (fc00::/7), multicast or unspecified is refused, unless CONVENE_WEBHOOK_ALLOW_PRIVATE is set.
 * The courier resolves a host once, checks every address here, and connects only to those.
 */
public final class TargetGuard {
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
            if (!allowed(address)) {
                throw Refusal.INVALID_INPUT.refuse("url: '" + host + "' resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or metadata address, which webhooks may not reach "
                        + "(CONVENE_WEBHOOK_ALLOW_PRIVATE=true allows it)");
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
        return allowPrivate || !inside(address);
    }

    static boolean inside(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) return true;
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0
                    && (b[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19)) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return true; // unique local fc00::/7
            boolean mapped = true; // ::ffff:a.b.c.d, an IPv4 address in IPv6 clothes
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return inside(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }
}
