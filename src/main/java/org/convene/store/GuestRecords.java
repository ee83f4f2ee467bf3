package org.convene.store;

import static org.convene.store.RedisCalls.ms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.convene.core.port.GuestStore;
import org.convene.model.Actor;
import org.convene.model.GuestLink;
import org.convene.model.Refusal;

/**
 * The guest port: links in their instance's meeting slot (lua/meeting/guest_link.lua), guests in the users' slot
 * (lua/users/guest_create.lua), each step audited in its own chain.
 */
final class GuestRecords implements GuestStore {
    private static final Script LINK = Script.load("meeting", "guest_link").announcing();
    private static final Script CREATE = Script.load("users", "guest_create");

    private final RedisCalls calls;
    private final InstanceLocator locator;

    GuestRecords(RedisCalls calls, InstanceLocator locator) {
        this.calls = calls;
        this.locator = locator;
    }

    /** guest_link's answer: refused for the actor's right, saying why; else the OK reply. */
    private record LinkReply(Reply ok) {
        static LinkReply of(Reply reply) {
            return new LinkReply(AllowedReply.of(reply));
        }

        long id() {
            return ok.number(1);
        }

        boolean changed() {
            return ok.number(1) == 1;
        }

        List<GuestLink> links(long instanceId) {
            List<Object> flat = ok.list(1);
            List<GuestLink> links = new ArrayList<>();
            for (int i = 0; i + 3 < flat.size(); i += 4) {
                String revoked = (String) flat.get(i + 3);
                links.add(new GuestLink(Reply.number(flat.get(i)), instanceId, Replies.millis((String) flat.get(i + 1)),
                        (String) flat.get(i + 2), revoked.isEmpty() ? null : Replies.millis(revoked)));
            }
            links.sort(java.util.Comparator.comparingLong(GuestLink::id));
            return links;
        }
    }

    /** guest_create's answer: the guest's user id. */
    private record CreateReply(long userId) {
        static CreateReply of(Reply reply) {
            return new CreateReply(reply.ok().number(1));
        }
    }

    private Reply link(long instanceId, String verb, String arg, Actor actor, Instant now, String requestId, String hash) {
        return locator.withMeeting(instanceId, meetingId -> calls.await(calls.audited(meetingId, LINK,
                Long.toString(instanceId), verb, arg, actor.kind().wire(), Long.toString(actor.userId()), actor.role().wire(),
                ms(now), requestId == null ? "" : requestId, hash)));
    }

    @Override
    public long makeLink(long instanceId, String secretHash, Actor actor, Instant now, String requestId) {
        return LinkReply.of(link(instanceId, "make", secretHash, actor, now, requestId, "")).id();
    }

    @Override
    public boolean revokeLink(long instanceId, long linkId, Actor actor, Instant now, String requestId) {
        return LinkReply.of(link(instanceId, "revoke", Long.toString(linkId), actor, now, requestId, "")).changed();
    }

    @Override
    public List<GuestLink> links(long instanceId, Actor actor, Instant now) {
        return LinkReply.of(link(instanceId, "list", "", actor, now, "", "")).links(instanceId);
    }

    @Override
    public void checkLink(long instanceId, long linkId, String secretHash, Instant now) {
        try {
            LinkReply.of(link(instanceId, "check", Long.toString(linkId), Actor.ROOT, now, "", secretHash));
        } catch (org.convene.model.RefusedException e) {
            // An instance that does not exist is a link that does not open: the same answer, saying nothing more.
            throw Refusal.INVALID_GUEST_LINK.refuse();
        }
    }

    @Override
    public long createGuest(String name, long instanceId, long linkId, String tokenHash, Instant now) {
        return CreateReply.of(calls.await(calls.auditedInUsers(CREATE, name, Long.toString(instanceId),
                Long.toString(linkId), tokenHash, ms(now)))).userId();
    }
}
