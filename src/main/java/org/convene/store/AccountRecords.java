package org.convene.store;

import java.time.Instant;
import java.util.Optional;
import org.convene.core.port.AccountStore;
import org.convene.core.port.Credentials.TokenOwner;
import org.convene.model.Acting;
import org.convene.model.Invitation;
import org.convene.model.GlobalRole;
import org.convene.model.Refusal;

/** Local accounts in the users' slot: invitations, password hashes and links to set a new password. */
final class AccountRecords implements AccountStore {
    private static final Script INVITATION = Script.load("users", "invitation").durable();
    private static final Script PASSWORD = Script.load("users", "password").durable();

    private final RedisCalls calls;

    AccountRecords(RedisCalls calls) {
        this.calls = calls;
    }

    /** invitation's answer to a read: the invitation, if it opens. */
    private record InvitationReply(Optional<Invitation> invitation) {
        static InvitationReply of(Reply reply) {
            if (!reply.isOk()) return new InvitationReply(Optional.empty());
            String meeting = reply.text(4);
            return new InvitationReply(Optional.of(new Invitation(reply.text(1), reply.text(2),
                    Instant.ofEpochMilli(reply.number(3)), meeting.isEmpty() ? 0 : Long.parseLong(meeting))));
        }
    }

    /** invitation's answer to an accept, and password's to a reset used: the user signed in. */
    private record OwnerReply(TokenOwner owner) {
        static OwnerReply of(Reply reply, Refusal unopened) {
            if (!reply.isOk() && !"EMAIL_TAKEN".equals(reply.status())) throw unopened.refuse();
            Reply ok = reply.ok();
            return new OwnerReply(new TokenOwner(ok.number(1), ok.text(2), GlobalRole.stored(ok.text(3))));
        }
    }

    /** password's answer to a read: the user and their password hash, if they sign in with one. */
    private record PasswordReply(Optional<PasswordOwner> owner) {
        static PasswordReply of(Reply reply) {
            if (!reply.isOk()) return new PasswordReply(Optional.empty());
            return new PasswordReply(Optional.of(new PasswordOwner(new TokenOwner(reply.number(1), reply.text(2),
                    GlobalRole.stored(reply.text(3))), reply.text(4))));
        }
    }

    @Override
    public void invite(String hash, Invitation i, Acting acting, Instant now) {
        calls.await(calls.auditedInUsers(INVITATION, "make", hash, RedisCalls.ms(now), i.email(), i.name(),
                Long.toString(i.expires().toEpochMilli()), i.meetingId() == 0 ? "" : Long.toString(i.meetingId()),
                acting.wire()[0], acting.wire()[1], acting.requestId())).ok();
    }

    @Override
    public Optional<Invitation> invitation(String hash, Instant now) {
        return InvitationReply.of(calls.await(calls.inUsers(INVITATION, "read", hash, RedisCalls.ms(now), "", "", "", "",
                "", "", ""))).invitation();
    }

    @Override
    public TokenOwner accept(String hash, String passwordHash, String name, Instant now, String requestId) {
        return OwnerReply.of(calls.await(calls.auditedInUsers(INVITATION, "accept", hash, RedisCalls.ms(now), passwordHash,
                name, "", "", "", "", requestId == null ? "" : requestId)), Refusal.INVALID_INVITATION).owner();
    }

    @Override
    public Optional<PasswordOwner> passwordOf(String email) {
        return PasswordReply.of(calls.await(calls.inUsers(PASSWORD, "read", email, "0", "", "", "", "", ""))).owner();
    }

    @Override
    public String makeReset(long userId, String hash, Instant expires, Acting acting, Instant now) {
        Reply reply = calls.await(calls.auditedInUsers(PASSWORD, "reset_make", hash, RedisCalls.ms(now), Long.toString(userId),
                Long.toString(expires.toEpochMilli()), acting.wire()[0], acting.wire()[1], acting.requestId()));
        return LinkReply.email(reply);
    }

    /** password's answer to a link made: the user's e-mail, or (AllowedReply) why the actor may not. */
    private record LinkReply() {
        static String email(Reply reply) {
            return AllowedReply.of(reply).text(1);
        }
    }

    @Override
    public boolean resetOpens(String hash, Instant now) {
        return calls.await(calls.inUsers(PASSWORD, "reset_read", hash, RedisCalls.ms(now), "", "", "", "", "")).isOk();
    }

    @Override
    public TokenOwner useReset(String hash, String passwordHash, Instant now, String requestId) {
        return OwnerReply.of(calls.await(calls.auditedInUsers(PASSWORD, "reset_use", hash, RedisCalls.ms(now), passwordHash,
                "", "", "", requestId == null ? "" : requestId)), Refusal.INVALID_RESET).owner();
    }
}
