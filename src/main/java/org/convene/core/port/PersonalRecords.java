package org.convene.core.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.convene.model.Acting;
import org.convene.model.PersonalTraces;

/**
 * What a person's export reads and their erasure changes, slot by slot: each erasing step is idempotent, so that an
 * erasure cut short is made again and goes on.
 */
public interface PersonalRecords {

    /** The meetings the user ever joined (the index of their events log). */
    Set<Long> meetingsJoined(long userId);

    /** What each of {@code meetingIds} holds about the user, those holding nothing left out. */
    List<PersonalTraces> traces(long userId, Collection<Long> meetingIds);

    /**
     * Erases a deleted user in the users' slot with its audit record in the same step: their name becomes
     * {@code Erased user #<id>}, their other details are blanked and their audit salt deleted. True if erased now, false
     * if erased before; refuses a user who is not deleted.
     */
    boolean erase(long userId, String reason, Acting acting, Instant now);

    /** Erases the user's traces in one meeting (chat texts, attendance names); the instances they were in there. */
    List<Long> eraseInMeeting(long meetingId, long userId, String name, String removedText);

    /** Redacts the user's name and texts in the webhook messages waiting for delivery; how many were. */
    long eraseInDeliveries(long userId, String name, String removedText, Collection<Long> instanceIds);
}
