package org.convene.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.convene.core.port.PersonalRecords;
import org.convene.model.Acting;
import org.convene.model.Ban;
import org.convene.model.ChatMessage;
import org.convene.model.PersonalTraces;
import org.convene.model.Refusal;

/** A person's traces on Redis: read for their export, erased slot by slot (users, each meeting, the webhooks). */
final class PersonalStore implements PersonalRecords {
    private static final Script DATA = Script.load("meeting", "person_data").reading();
    private static final Script ERASE_USER = Script.load("users", "user_erase").durable();
    private static final Script ERASE_IN_MEETING = Script.load("meeting", "person_erase").durable();
    private static final Script ERASE_IN_HOOKS = Script.load("hooks", "person_erase").durable();
    private static final int PIPELINE = 200;

    private final RedisCalls calls;

    PersonalStore(RedisCalls calls) {
        this.calls = calls;
    }

    /** person_data's answer: what one meeting holds about the user. */
    private record TracesReply(boolean owner, boolean cohost, String ban, List<Reply> messages) {
        static TracesReply of(Reply reply) {
            Reply ok = reply.ok();
            return new TracesReply(ok.number(1) == 1, ok.number(2) == 1, ok.text(3), ok.rows(4));
        }

        PersonalTraces traces(long meetingId, long userId) {
            Optional<Ban> found = Optional.empty();
            if (!ban.isEmpty()) {
                long until = Long.parseLong(ban.substring(0, ban.indexOf('|')));
                found = Optional.of(new Ban(meetingId, userId, until == 0 ? null : Instant.ofEpochMilli(until),
                        ban.substring(ban.indexOf('|') + 1)));
            }
            List<ChatMessage> chat = messages.stream().map(m -> new ChatMessage(m.number(1), m.number(0), userId, m.text(2),
                    Instant.ofEpochMilli(m.number(3)))).toList();
            return new PersonalTraces(meetingId, owner, cohost, found, chat);
        }
    }

    /** user_erase's answer: whether the user was erased now (false: before); refuses one not deleted. */
    private record ErasedReply(boolean now) {
        static ErasedReply of(Reply reply, long userId) {
            if ("NOT_DELETED".equals(reply.status())) throw Refusal.NOT_DELETED.refuse(userId);
            return new ErasedReply(reply.ok().number(1) == 1);
        }
    }

    /** person_erase's answer: the instances of the meeting the user was in. */
    private record InstancesReply(List<Long> instances) {
        static InstancesReply of(Reply reply) {
            return new InstancesReply(reply.ok().list(2).stream().map(id -> Long.parseLong(String.valueOf(id))).toList());
        }
    }

    /** The answer of hooks/person_erase: how many messages it redacted. */
    private record CountReply(long count) {
        static CountReply of(Reply reply) {
            return new CountReply(reply.ok().number(1));
        }
    }

    @Override
    public Set<Long> meetingsJoined(long userId) {
        Set<Long> ids = new TreeSet<>();
        for (String id : calls.await(calls.commands.smembers(Keys.userMeetings(userId)).toCompletableFuture())) {
            ids.add(Long.parseLong(id));
        }
        return ids;
    }

    @Override
    public List<PersonalTraces> traces(long userId, Collection<Long> meetingIds) {
        List<PersonalTraces> found = new ArrayList<>();
        List<Long> ids = List.copyOf(meetingIds);
        for (int from = 0; from < ids.size(); from += PIPELINE) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + PIPELINE));
            List<CompletableFuture<Reply>> replies = batch.stream()
                    .map(m -> calls.inMeeting(m, DATA, Long.toString(userId))).toList();
            calls.awaitAll(replies.toArray(CompletableFuture[]::new));
            for (int i = 0; i < batch.size(); i++) {
                PersonalTraces traces = TracesReply.of(calls.result(replies.get(i))).traces(batch.get(i), userId);
                if (traces.any()) found.add(traces);
            }
        }
        return found;
    }

    @Override
    public boolean erase(long userId, String reason, Acting acting, Instant now) {
        return ErasedReply.of(calls.await(calls.auditedInUsers(ERASE_USER, Long.toString(userId), reason, acting.wire()[0],
                acting.wire()[1], RedisCalls.ms(now), acting.requestId())), userId).now();
    }

    @Override
    public List<Long> eraseInMeeting(long meetingId, long userId, String name, String removedText) {
        return InstancesReply.of(calls.await(calls.inMeeting(meetingId, ERASE_IN_MEETING, Long.toString(userId), name,
                removedText))).instances();
    }

    @Override
    public long eraseInDeliveries(long userId, String name, String removedText, Collection<Long> instanceIds) {
        if (instanceIds.isEmpty()) return 0;
        List<String> args = new ArrayList<>(List.of(Long.toString(userId), name, removedText));
        instanceIds.forEach(id -> args.add(Long.toString(id)));
        return CountReply.of(calls.await(calls.inSlotOf(Keys.HOOKS, ERASE_IN_HOOKS, args.toArray(String[]::new)))).count();
    }
}
