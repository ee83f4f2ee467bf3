package org.convene.model;

import java.util.Locale;

/**
 * Every reason Convene refuses an operation, with the seed report's message where it has one.
 *
 * <p>The {@link Kind} lets adapters choose a transport status (HTTP 404, 409, ...) without parsing
 * messages; the message template's {@code %s} is filled with the ids involved.
 */
public enum Refusal {
    INVALID_USER(Kind.NOT_FOUND, "Invalid user ID"),
    INVALID_INSTANCE(Kind.NOT_FOUND, "Invalid meeting instance ID"),
    INVALID_MEETING(Kind.NOT_FOUND, "Invalid meeting ID"),
    NOT_ACTIVE(Kind.CONFLICT, "Meeting instance is not active"),
    NOT_ALLOWED(Kind.FORBIDDEN, "User %s not allowed to join the meeting"),
    ALREADY_IN(Kind.CONFLICT, "User is already in the meeting"),
    NOT_JOINED(Kind.CONFLICT, "User has not joined the meeting"),
    ALREADY_LEFT(Kind.CONFLICT, "User has already left the meeting"),
    NOT_IN_MEETING(Kind.CONFLICT, "User is not in the meeting"),
    EMAIL_TAKEN(Kind.CONFLICT, "E-mail %s is already used by another user"),
    MEETING_HAS_INSTANCES(Kind.CONFLICT, "Meeting %s still has instances; delete them first"),
    INSTANCE_IN_USE(Kind.CONFLICT, "Meeting instance %s is active or has events or chat, and cannot be deleted"),
    INSTANCE_ENDED(Kind.CONFLICT, "Meeting instance %s has ended and cannot be changed"),
    INSTANCE_STARTED(Kind.CONFLICT, "Meeting instance %s has started; only its end can be changed"),
    INSTANCE_FULL(Kind.CONFLICT, "Meeting instance is full"),
    LOBBY_DENIED(Kind.FORBIDDEN, "A host did not let user %s into this occurrence"),
    NOT_WAITING(Kind.CONFLICT, "User %s is not waiting in this occurrence's lobby (they left, their wait lapsed, or they never knocked)"),
    LOBBY_DECIDED(Kind.CONFLICT, "User %s was %s by a host already"),
    INVALID_GUEST_LINK(Kind.NOT_FOUND, "This guest link does not open: it was revoked, its occurrence ended, or it is mistyped"),
    GUEST_SCOPE(Kind.FORBIDDEN, "forbidden", "A guest may act only in the occurrence their link was for"),
    OVERLAP(Kind.CONFLICT, "The instance would overlap instance %s of the same meeting"),
    UNAUTHORIZED(Kind.UNAUTHENTICATED, "%s"),
    ADMIN_ONLY(Kind.FORBIDDEN, "forbidden", "Only the administrator may do this"),
    NOT_SELF(Kind.FORBIDDEN, "forbidden", "A user may only act as themselves"),
    AUDIENCE_ONLY(Kind.FORBIDDEN, "forbidden", "Only the meeting's audience may see this"),
    ROLE_FORBIDDEN(Kind.FORBIDDEN, "forbidden", "%s"),
    BANNED(Kind.FORBIDDEN, "User %s is banned from the meeting"),
    HOSTS_ONLY(Kind.FORBIDDEN, "forbidden", "Only the meeting's owner or an administrator may do this"),
    MODERATORS_ONLY(Kind.FORBIDDEN, "forbidden", "Only the meeting's hosts (its owner, co-hosts and the administrators) may do this"),
    CHAT_CLOSED(Kind.FORBIDDEN, "The chat of this meeting is %s"),
    INVALID_MESSAGE(Kind.NOT_FOUND, "Invalid message ID"),
    NO_CALL(Kind.NOT_FOUND, "This meeting has no call link; its hosts may add one"),
    MESSAGE_DELETED(Kind.CONFLICT, "Message %s was deleted"),
    ORGANIZERS_ONLY(Kind.FORBIDDEN, "forbidden", "Only organizers and administrators may make meetings"),
    OWNS_MEETINGS(Kind.CONFLICT, "User %s owns %s: hand them over first, or delete with handTo naming "
            + "an organizer or administrator to hand them to"),
    NOT_DELETED(Kind.CONFLICT, "User %s is not deleted: erasing deletes them first"),
    OWNER_NOT_ORGANIZER(Kind.CONFLICT, "User %s is not an organizer or administrator, and cannot own a meeting"),
    RATE_LIMITED(Kind.TOO_MANY, "%s"),
    ADMIN_TOKEN_CONFIGURED(Kind.CONFLICT, "The administrator token is set by CONVENE_ADMIN_TOKEN, which wins over a "
            + "rotated one: change it there instead"),
    VERSION_MISMATCH(Kind.PRECONDITION, "The record is now at version %s, not the version given; read it again"),
    INVALID_SERIES(Kind.NOT_FOUND, "Invalid series ID"),
    OCCURRENCE_CANCELLED(Kind.CONFLICT, "The occurrence starting %s was cancelled"),
    INVALID_FEED(Kind.NOT_FOUND, "No such calendar feed: the address is wrong or was replaced by a new one"),
    INVALID_WEBHOOK(Kind.NOT_FOUND, "Invalid webhook endpoint ID"),
    INVALID_DELIVERY(Kind.NOT_FOUND, "Invalid webhook delivery ID"),
    PROVIDER_UNAVAILABLE(Kind.UNAVAILABLE, "The identity provider at %s cannot be reached now; try again shortly"),
    SIGN_IN_FAILED(Kind.UNAUTHENTICATED, "%s"),
    INVALID_INVITATION(Kind.NOT_FOUND, "This invitation does not open: it was used already, it expired, or it is mistyped; ask for a new one"),
    INVALID_RESET(Kind.NOT_FOUND, "This link to set a password does not open: it was used already, it expired, or it is mistyped; ask for a new one"),
    WRONG_PASSWORD(Kind.UNAUTHENTICATED, "The e-mail or the password is wrong"),
    MAIL_FAILED(Kind.UNAVAILABLE, "The link was made but could not be sent by e-mail (%s); try again"),
    LOCAL_ACCOUNTS_OFF(Kind.CONFLICT, "People sign in through %s here, not with a password"),
    INVALID_INPUT(Kind.INVALID, "%s");

    /** How a refusal relates to the request, independent of any transport. */
    public enum Kind { INVALID, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT, PRECONDITION, TOO_MANY, UNAVAILABLE }

    private final Kind kind;
    private final String type;
    private final String template;

    Refusal(Kind kind, String template) {
        this.kind = kind;
        this.type = name().toLowerCase(Locale.ROOT).replace('_', '-');
        this.template = template;
    }

    /** A refusal whose problem type is shared with others of the same meaning (the access rules' "forbidden"). */
    Refusal(Kind kind, String type, String template) {
        this.kind = kind;
        this.type = type;
        this.template = template;
    }

    public Kind kind() {
        return kind;
    }

    /** The refusal's stable name for clients, such as {@code not-active}: the problem type of the API and the CLI. */
    public String type() {
        return type;
    }

    /** Returns the human message with {@code args} put into its template. */
    public String message(Object... args) {
        return template.contains("%s") ? String.format(template, args) : template;
    }

    /** Returns an exception carrying this refusal and its message. */
    public RefusedException refuse(Object... args) {
        return new RefusedException(this, message(args));
    }
}
