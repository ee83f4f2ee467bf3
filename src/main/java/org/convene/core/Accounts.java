package org.convene.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.convene.core.Permissions.MeetingAction;
import org.convene.core.port.AccountStore;
import org.convene.model.Acting;
import org.convene.model.Invitation;
import org.convene.model.Meeting;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.UserDetails;

/**
 * Local accounts, where no identity provider is configured: an administrator (or a meeting's owner, for people of its
 * audience) invites someone by e-mail with a link; they set a password there and sign in with e-mail and password; a
 * forgotten password is set again through a link an administrator gives. Links are shown once, kept as hashes, work
 * once, and expire (invitations after seven days, password links after one).
 */
public final class Accounts {
    public static final Duration INVITATION_TIME = Duration.ofDays(7);
    public static final Duration RESET_TIME = Duration.ofDays(1);

    private final AccountStore store;
    private final org.convene.core.port.MeetingCatalog meetings;
    private final Access access;
    private final boolean enabled;
    private final java.util.Optional<Mail> mail;
    private final Clock clock;

    /** A link just made: its secret (shown once, unless it went by e-mail), when it stops working, and whether it was sent. */
    public record Link(String secret, Instant expires, boolean sent) {}

    /** Where links go by e-mail: the sender, and the address people reach Convene at, which the links start with. */
    public record Mail(LinkMail sender, java.net.URI publicUrl) {}

    /** Local accounts whose links go by e-mail through {@code mail} where given, else are shown to whoever made them. */
    public Accounts(AccountStore store, org.convene.core.port.MeetingCatalog meetings, Access access, boolean enabled,
                    java.util.Optional<Mail> mail, Clock clock) {
        this.mail = mail;
        this.store = store;
        this.meetings = meetings;
        this.access = access;
        this.enabled = enabled;
        this.clock = clock;
    }

    /** Whether people may have local accounts here (no identity provider is configured). */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Invites {@code email} to a local account: an administrator anyone; a meeting's owner (for {@code meetingId}) only
     * someone the meeting is open to. Refuses an e-mail some user has already.
     */
    public Link invite(Caller caller, String email, String name, long meetingId, String requestId) {
        String address = UserDetails.email(email);
        String suggested = name == null ? "" : UserDetails.name(name).strip();
        if (suggested.length() > UserDetails.MAX_NAME) throw RefusedException.invalid("name", "must have at most 200 characters");
        if (caller.guest()) throw Refusal.GUEST_SCOPE.refuse();
        if (meetingId == 0) {
            access.requireAdmin(caller);
        } else {
            Meeting meeting = access.require(caller, MeetingAction.RUN, meetingId);
            if (!meeting.details().isPublic() && !meeting.details().audience().contains(address)) {
                throw RefusedException.invalid("email", address + " is not in meeting " + meetingId
                        + "'s audience: add them to it first");
            }
            // Whoever accepts the link gets the address, unproven: it must open nothing the inviter does not run.
            for (Meeting other : meetings.meetingsOpenTo(address)) {
                if (!other.details().isPublic() && !access.allows(caller, MeetingAction.RUN, other)) {
                    throw Refusal.ROLE_FORBIDDEN.refuse(address + " is in the audience of meetings you do not run: "
                            + "an administrator must invite them");
                }
            }
        }
        requireEnabled();
        String secret = Tokens.newToken("inv_");
        Instant expires = clock.instant().plus(INVITATION_TIME);
        store.invite(Tokens.hash(secret), new Invitation(address, suggested, expires, meetingId),
                new Acting(caller.actor(), requestId), clock.instant());
        boolean sent = send(address, "You are invited to Convene", "You are invited to sign in to Convene as "
                + address + ".\n\nChoose a password here (the link works once, for seven days):\n\n", "/#/invite/" + secret);
        return new Link(secret, expires, sent);
    }

    /** The invitation a link opens: for whom, and until when; refuses one used, expired or mistyped. */
    public Invitation invitation(String secret) {
        requireEnabled();
        return store.invitation(Tokens.hash(secret == null ? "" : secret), clock.instant())
                .orElseThrow(Refusal.INVALID_INVITATION::refuse);
    }

    /** Accepts an invitation with a password (and a name, else the one suggested): the new user, signed in. */
    public Caller accept(String secret, String name, String password, String requestId) {
        Invitation invitation = invitation(secret);
        String hash = Passwords.hash(password, invitation.email());
        String given = name == null ? "" : UserDetails.name(name).strip();
        if (given.isEmpty() && invitation.name().isEmpty()) throw RefusedException.invalid("name", "must be given");
        return store.accept(Tokens.hash(secret), hash, given, clock.instant(), requestId).caller();
    }

    /** Returns who signs in with this e-mail and password, or refuses with the same words whichever was wrong. */
    public Caller signIn(String email, String password) {
        requireEnabled();
        String address = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        var found = store.passwordOf(address);
        if (found.isEmpty()) {
            Passwords.decoy(password);
            throw Refusal.WRONG_PASSWORD.refuse();
        }
        if (password == null || !Passwords.matches(password, found.get().passwordHash())) throw Refusal.WRONG_PASSWORD.refuse();
        return found.get().owner().caller();
    }

    /** Makes a link for {@code userId} to set a new password (an administrator's), recorded as {@code acting}'s. */
    public Link resetLink(long userId, Acting acting) {
        requireEnabled();
        String secret = Tokens.newToken("pw_");
        Instant expires = clock.instant().plus(RESET_TIME);
        String email = store.makeReset(userId, Tokens.hash(secret), expires, acting, clock.instant());
        boolean sent = send(email, "A new password for Convene", "An administrator made you a link to set a new password "
                + "for Convene (" + email + ").\n\nIt works once, for a day:\n\n", "/#/password/" + secret);
        return new Link(secret, expires, sent);
    }

    /** Sets a new password through a link, once, ending every session of its user: the user, signed in afresh. */
    public Caller reset(String secret, String password, String requestId) {
        requireEnabled();
        String link = Tokens.hash(secret == null ? "" : secret);
        // The link first: a wrong one costs no hashing.
        if (!store.resetOpens(link, clock.instant())) throw Refusal.INVALID_RESET.refuse();
        String hash = Passwords.hash(password, "");
        return store.useReset(link, hash, clock.instant(), requestId).caller();
    }

    /**
     * Sends {@code link} to {@code to} where links go by e-mail; returns whether it did. A link that cannot be sent is
     * refused in the mail server's words (the link itself expires unused: nobody has it).
     */
    private boolean send(String to, String subject, String text, String link) {
        if (mail.isEmpty()) return false;
        try {
            mail.get().sender().send(to, subject, text + mail.get().publicUrl() + link + "\n\nIf you did not expect this, "
                    + "you can let it expire.\n");
            return true;
        } catch (RuntimeException failed) {
            throw Refusal.MAIL_FAILED.refuse(failed.getMessage());
        }
    }

    private void requireEnabled() {
        if (!enabled) throw Refusal.LOCAL_ACCOUNTS_OFF.refuse("the organisation's identity provider");
    }
}
