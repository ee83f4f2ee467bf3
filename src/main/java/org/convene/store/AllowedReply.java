package org.convene.store;

import org.convene.model.Refusal;

/**
 * The answer of a host's step (moderation, the lobby, guest links): refused for the actor's right, saying why, or for a
 * message that is not there; else the OK reply, or the refusal the script names.
 */
record AllowedReply() {
    static Reply of(Reply reply) {
        if ("NO_MESSAGE".equals(reply.status())) throw Refusal.INVALID_MESSAGE.refuse();
        if ("FORBIDDEN".equals(reply.status())) throw Refusal.ROLE_FORBIDDEN.refuse(reply.text(1));
        return reply.ok();
    }
}
