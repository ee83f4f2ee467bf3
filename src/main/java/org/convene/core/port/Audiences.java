package org.convene.core.port;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.convene.model.Meeting;
import org.convene.model.RefusedException;

/** The facts the access rules need from storage: whom a meeting is open to, and who runs it. */
public interface Audiences {

    /** Returns the meeting (with its owner), if there is one. */
    Optional<Meeting> meeting(long meetingId);

    /** Returns the meeting of an instance; refuses with "Invalid meeting instance ID". */
    long meetingOf(long instanceId);

    /**
     * Returns whether the instance is open to user {@code userId} of this e-mail: its meeting public or the e-mail in
     * its audience, or a host let them in from the instance's lobby: the fact that {@link org.convene.core.Access}
     * decides on; refuses with "Invalid meeting instance ID".
     */
    boolean openTo(long instanceId, String email, long userId);

    /** One question to {@link #openTo(Collection)}: is this instance open to this user of this e-mail? */
    record Question(long instanceId, String email, long userId) {}

    /**
     * Answers several questions at once (one round trip where the store can); an instance that no
     * longer exists is open to nobody.
     */
    default Map<Question, Boolean> openTo(Collection<Question> questions) {
        Map<Question, Boolean> answers = new HashMap<>();
        for (Question q : questions) {
            boolean open;
            try {
                open = openTo(q.instanceId(), q.email(), q.userId());
            } catch (RefusedException gone) {
                open = false;
            }
            answers.put(q, open);
        }
        return answers;
    }
}
