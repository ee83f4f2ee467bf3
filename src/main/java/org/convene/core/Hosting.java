package org.convene.core;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.core.port.ChatLog;
import org.convene.core.port.Roster;
import org.convene.core.port.Moderation;
import org.convene.core.port.UserStore;
import org.convene.model.Actor;
import org.convene.model.AuditRecord;
import org.convene.model.ChatMessage;
import org.convene.model.GlobalRole;
import org.convene.model.LeaveResult;
import org.convene.model.MeetingOptions;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;

/**
 * How a meeting's hosts keep order beside bans: removals, co-hosts, deleting a message, clearing the chat, the meeting's
 * options; and the meeting's audit trail. Each change is one atomic step in the meeting's slot that checks the
 * actor's right and rank at that moment and writes its audit record; this class only looks up what the step needs
 * from other slots (a user's global role).
 */
public final class Hosting {
    private final Moderation moderation;
    private final UserStore users;
    private final ChatLog chat;
    private final Roster roster;
    private final Clock clock;

    Hosting(Moderation moderation, UserStore users, ChatLog chat, Roster roster, Clock clock) {
        this.moderation = moderation;
        this.users = users;
        this.chat = chat;
        this.roster = roster;
        this.clock = clock;
    }

    /**
     * Takes user {@code userId} out of an active instance on behalf of {@code actor} (a leave whose reason is
     * {@code kicked}), recorded in the same step: an administrator, the meeting's owner or a co-host, reaching only
     * those ranked below them.
     */
    public LeaveResult remove(long userId, long instanceId, Actor actor, String requestId) {
        GlobalRole role = users.user(userId).orElseThrow(Refusal.INVALID_USER::refuse).role();
        return roster.remove(userId, role, instanceId, actor, clock.instant(), requestId);
    }

    /** Appoints user {@code userId} a co-host of the meeting on behalf of {@code actor}; returns the co-hosts after. */
    public List<Long> appoint(long meetingId, long userId, Actor actor, String requestId) {
        users.user(userId).orElseThrow(Refusal.INVALID_USER::refuse);
        return moderation.cohost(meetingId, userId, true, actor, clock.instant(), requestId);
    }

    /** Revokes co-host {@code userId} (or they resign) on behalf of {@code actor}; returns the co-hosts after. */
    public List<Long> revoke(long meetingId, long userId, Actor actor, String requestId) {
        return moderation.cohost(meetingId, userId, false, actor, clock.instant(), requestId);
    }

    /** Deletes message {@code number} of the instance's chat on behalf of {@code actor}: its author, or a host above them. */
    public void deleteMessage(long instanceId, long number, Actor actor, String requestId) {
        if (number < 1) throw RefusedException.invalid("messageId", "must be 1 or more");
        List<ChatMessage> found = chat.after(instanceId, number - 1, 1);
        if (found.isEmpty() || found.get(0).id() != number) throw Refusal.INVALID_MESSAGE.refuse();
        long author = found.get(0).userId();
        GlobalRole role = users.user(author).map(u -> u.role()).orElse(GlobalRole.MEMBER);
        moderation.deleteMessage(instanceId, number, author, role, actor, clock.instant(), requestId);
    }

    /** Clears the instance's chat on behalf of {@code actor} (its meeting's owner or an administrator); returns how many went. */
    public long clearChat(long instanceId, Actor actor, String requestId) {
        return moderation.clearChat(instanceId, actor, clock.instant(), requestId);
    }

    /** Options to change; null: unchanged ({@code callUrl} empty: removed). */
    public record OptionChanges(MeetingOptions.ChatMode chatMode, Boolean cohostsCanEnd,
                                MeetingOptions.AttendanceView attendanceView, MeetingOptions.LobbyPolicy lobby,
                                String callUrl) {
        public OptionChanges {
            if (callUrl != null) callUrl = MeetingOptions.callUrl(callUrl);
        }

        /** The changes without a call address. */
        public OptionChanges(MeetingOptions.ChatMode chatMode, Boolean cohostsCanEnd,
                             MeetingOptions.AttendanceView attendanceView, MeetingOptions.LobbyPolicy lobby) {
            this(chatMode, cohostsCanEnd, attendanceView, lobby, null);
        }
    }

    /**
     * Changes the options given on behalf of {@code actor}; a co-host may change the chat mode only. Turning the lobby
     * off admits whoever waits in the active instance, as far as the seats go. Returns the meeting's version after.
     */
    public long changeOptions(long meetingId, OptionChanges given, Actor actor, String requestId) {
        Map<String, String> changes = new LinkedHashMap<>();
        if (given.chatMode() != null) changes.put("chatMode", given.chatMode().wire());
        if (given.cohostsCanEnd() != null) changes.put("cohostsCanEnd", given.cohostsCanEnd() ? "1" : "0");
        if (given.attendanceView() != null) changes.put("attendanceView", given.attendanceView().wire());
        if (given.lobby() != null) changes.put("lobby", given.lobby().wire());
        if (given.callUrl() != null) changes.put("callUrl", given.callUrl());
        if (changes.isEmpty()) {
            throw RefusedException.invalid("options", "give chatMode, cohostsCanEnd, attendanceView, lobby or callUrl");
        }
        return moderation.changeOptions(meetingId, changes, actor, clock.instant(), requestId);
    }

    /** Changes the options given (null: unchanged) on behalf of {@code actor}; see {@link #changeOptions(long, OptionChanges, Actor, String)}. */
    public long changeOptions(long meetingId, MeetingOptions.ChatMode chatMode, Boolean cohostsCanEnd,
                              MeetingOptions.AttendanceView attendanceView, Actor actor, String requestId) {
        return changeOptions(meetingId, new OptionChanges(chatMode, cohostsCanEnd, attendanceView, null), actor, requestId);
    }

    /** Up to {@code limit} records of the meeting's audit trail below {@code beforeSeq} (null: the newest), newest first. */
    public List<AuditRecord> audit(long meetingId, Long beforeSeq, int limit) {
        return moderation.audit(meetingId, beforeSeq == null ? Long.MAX_VALUE : beforeSeq, limit);
    }
}
