package org.convene.model;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What an administrator gives to create or change a meeting. A public meeting is open to every
 * user; a private one only to users whose e-mail is in its audience (compared trimmed and
 * case-insensitively, so the audience is kept in that form, sorted and without repeats). A
 * {@code capacity} above 0 caps how many may be inside an instance at once; 0 means no cap. Its
 * {@link Presence} rule, off by default, reaps participants who go quiet. {@code reminderMinutes} above 0
 * asks for a "starting soon" notice that long before each instance. The constructor holds what every stored
 * meeting satisfies; {@link #title(String)}, {@link #audience(List)}, {@link #capacity(Integer)} and
 * {@link #reminder(Integer)} add the rules for what a client gives now.
 */
public record MeetingDetails(String title, String description, boolean isPublic, List<String> audience, int capacity,
                             Presence presence, int reminderMinutes) {
    public static final int MAX_REMINDER_MINUTES = 10_080;
    public static final int MAX_AUDIENCE = 10_000;
    public static final int MAX_CAPACITY = 100_000;

    public MeetingDetails {
        title = Check.text("title", title, 200, false).strip();
        description = Check.text("description", description == null ? "" : description, 2_000, true);
        audience = normalise(audience == null ? List.of() : audience);
        presence = presence == null ? Presence.OFF : presence;
        if (reminderMinutes < 0 || reminderMinutes > MAX_REMINDER_MINUTES) {
            throw RefusedException.invalid("reminderMinutes", "must be 1 to " + MAX_REMINDER_MINUTES + " (a week), or left out for none");
        }
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw RefusedException.invalid("capacity", "must be 1 to " + MAX_CAPACITY + ", or left out for no limit");
        }
    }

    /**
     * The capacity as a client gives it: none (null) is no limit; one given is at least 1, since a
     * meeting nobody may join is surely a mistake rather than a wish.
     */
    public static int capacity(Integer given) {
        if (given == null) return 0;
        if (given < 1) throw RefusedException.invalid("capacity", "must be 1 to " + MAX_CAPACITY + ", or left out for no limit");
        return given;
    }

    /** The reminder as a client gives it: none (null) is none; one given is at least a minute. */
    public static int reminder(Integer given) {
        if (given == null) return 0;
        if (given < 1) throw RefusedException.invalid("reminderMinutes", "must be 1 to " + MAX_REMINDER_MINUTES + ", or left out for none");
        return given;
    }

    /** The title as a client gives it: no bidirectional controls, which would make it read as another. */
    public static String title(String given) {
        return Check.withoutBidiControls("title", given);
    }

    /**
     * The audience as a client gives it: each e-mail by the rule for new ones (letters, digits and
     * {@code . _ % + -} before the @, no markup characters), which audiences stored before it may break;
     * none (null) is none.
     */
    public static List<String> audience(List<String> given) {
        if (given == null) return List.of();
        for (String email : given) Check.givenEmail("audience e-mail", email);
        return given;
    }

    /** Details with no reminder. */
    public MeetingDetails(String title, String description, boolean isPublic, List<String> audience, int capacity,
                          Presence presence) {
        this(title, description, isPublic, audience, capacity, presence, 0);
    }

    /** Details with a capacity and no presence rule. */
    public MeetingDetails(String title, String description, boolean isPublic, List<String> audience, int capacity) {
        this(title, description, isPublic, audience, capacity, Presence.OFF, 0);
    }

    /** Details with no capacity: anyone admitted may join, however many are inside. */
    public MeetingDetails(String title, String description, boolean isPublic, List<String> audience) {
        this(title, description, isPublic, audience, 0, Presence.OFF, 0);
    }

    private static List<String> normalise(Collection<String> emails) {
        if (emails.size() > MAX_AUDIENCE) {
            throw RefusedException.invalid("audience", "must have at most " + MAX_AUDIENCE + " e-mails");
        }
        TreeSet<String> normal = new TreeSet<>();
        for (String email : emails) normal.add(Check.email("audience e-mail", email));
        return List.copyOf(normal);
    }

    /** Returns whether a user with this (normalised) e-mail may join instances of the meeting. */
    public boolean admits(String email) {
        return isPublic || audience.contains(email);
    }
}
