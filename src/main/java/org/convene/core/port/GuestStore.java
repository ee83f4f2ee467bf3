package org.convene.core.port;

import java.time.Instant;
import java.util.List;
import org.convene.model.Actor;
import org.convene.model.GuestLink;

/**
 * Guest links of occurrences and the guests they make. Links live in their instance's meeting slot, guests in the
 * users' slot; making and revoking a link are hosts' actions, checked and recorded in one step. Refusals are
 * {@link org.convene.model.RefusedException}s, having changed nothing.
 */
public interface GuestStore {

    /** A host makes a link of the instance whose secret hashes to {@code secretHash}; returns its id. */
    long makeLink(long instanceId, String secretHash, Actor actor, Instant now, String requestId);

    /** A host revokes a link; returns whether this call revoked it (false: it was already). */
    boolean revokeLink(long instanceId, long linkId, Actor actor, Instant now, String requestId);

    /** The instance's links, for its hosts. */
    List<GuestLink> links(long instanceId, Actor actor, Instant now);

    /** Refuses unless the link opens now: it exists, its secret hashes to {@code secretHash}, it is not revoked, its instance has not ended. */
    void checkLink(long instanceId, long linkId, String secretHash, Instant now);

    /** Makes a guest of the instance by that link, whose API token hashes to {@code tokenHash}; returns their user id. */
    long createGuest(String name, long instanceId, long linkId, String tokenHash, Instant now);
}
