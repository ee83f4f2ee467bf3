package org.convene.core;

import java.time.Clock;
import java.util.List;
import org.convene.core.port.GuestStore;
import org.convene.model.Actor;
import org.convene.model.GuestLink;
import org.convene.model.Refusal;
import org.convene.model.UserDetails;

/**
 * Guests by link: a host makes a link for one occurrence; whoever opens it gives a name and gets an identity for that
 * instance only (join it, chat in it, read it; nothing else: {@link Access#requireGuestScope}), who waits in its lobby
 * unless the meeting's lobby is off. Links are revoked by a host; a guest is removed and banned like anyone.
 */
public final class Guests {
    private final GuestStore store;
    private final Clock clock;

    Guests(GuestStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A link just made: its id, and the link itself ({@code <instance>.<id>.<secret>}), shown this once. */
    public record MadeLink(long id, long instanceId, String link) {}

    /** A guest just made: who they are, the instance, and their API token, shown this once. */
    public record Guest(long userId, long instanceId, String name, String token) {}

    /** A host makes a guest link for an occurrence that has not ended. */
    public MadeLink makeLink(long instanceId, Actor actor, String requestId) {
        String secret = Tokens.newToken().substring(3);
        long id = store.makeLink(instanceId, Tokens.hash(secret), actor, clock.instant(), requestId);
        return new MadeLink(id, instanceId, instanceId + "." + id + "." + secret);
    }

    /** A host revokes a link: it opens no more, and its guests' joins are refused (those inside stay until removed). */
    public boolean revokeLink(long instanceId, long linkId, Actor actor, String requestId) {
        return store.revokeLink(instanceId, linkId, actor, clock.instant(), requestId);
    }

    /** The occurrence's links, for its hosts. */
    public List<GuestLink> links(long instanceId, Actor actor) {
        return store.links(instanceId, actor, clock.instant());
    }

    /** Whoever opens {@code link} and gives {@code name} becomes a guest of its occurrence, with a token of their own. */
    public Guest open(String link, String name) {
        String given = UserDetails.name(name == null ? null : name.strip());
        String checked = new UserDetails(given, 0, "", "guest@guest.invalid").name();
        String[] parts = link == null ? new String[0] : link.strip().split("\\.", 3);
        if (parts.length != 3 || !parts[0].matches("[1-9][0-9]{0,17}") || !parts[1].matches("[1-9][0-9]{0,17}")) {
            throw Refusal.INVALID_GUEST_LINK.refuse();
        }
        long instanceId = Long.parseLong(parts[0]);
        long linkId = Long.parseLong(parts[1]);
        store.checkLink(instanceId, linkId, Tokens.hash(parts[2]), clock.instant());
        String token = Tokens.newToken();
        long userId = store.createGuest(checked, instanceId, linkId, Tokens.hash(token), clock.instant());
        return new Guest(userId, instanceId, checked, token);
    }
}
