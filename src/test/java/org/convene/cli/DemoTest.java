package org.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convene.app.Node;
import org.convene.app.Settings;
import org.convene.core.AdjustableClock;
import org.convene.store.RedisStore;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.Test;

/** {@code convene demo} gives the seed report's outputs, demonstration by demonstration. */
class DemoTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void everyDemonstrationGivesTheSeedReportsOutput() {
        RedisStore store = new RedisStore(RedisTargets.embedded(), 1);
        StringWriter printed = new StringWriter();

        List<String> results = new Demo(Node.on(store, Settings.from(Map.of()), new AdjustableClock(NOW)),
                new AdjustableClock(NOW), new PrintWriter(printed)).run();

        String hiJohn = "[{'messageID': '1', 'userID': '2', 'meetingInstanceID': '1', 'message': 'Hi, John!', "
                + "'timestamp': '2023-05-08T10:12:00Z'}]";
        String hello = "[{'messageID': '1', 'userID': '1', 'meetingInstanceID': '2', 'message': 'Hello, everyone!', "
                + "'timestamp': '" + NOW + "'}]";
        assertThat(results).containsExactly(
                // scheduler.py
                "Deactivating meeting instance: 2",
                // join_meeting
                "User 1 successfully joined meeting",
                "User is already in the meeting",
                "User 2 not allowed to join the meeting",
                "Meeting instance is not active",
                "Invalid user ID",
                // leave_meeting
                "User successfully left the meeting",
                "User has not joined the meeting",
                "User has not joined the meeting",
                // show_current_participants
                "Meeting instance 1 participants: []",
                "User 1 successfully joined meeting",
                "Meeting instance 2 participants: [1]",
                "Invalid meeting instance ID",
                // show_active_meetings
                "List of active meetings: [2]",
                // end_meeting
                "Meeting instance 2 ended",
                "Meeting instance is not active",
                "Invalid meeting instance ID",
                // post_chat_message
                "User is not in the meeting",
                "User 1 successfully joined meeting",
                "Chat message posted",
                "User is not in the meeting",
                "Invalid meeting instance ID",
                // get_chat_messages
                hiJohn,
                hello,
                "Invalid meeting instance ID",
                // get_participant_join_time
                "{1: '" + NOW + "'}",
                // get_user_messages
                hello,
                // events demonstration
                "User 1 successfully joined meeting",
                "Chat message posted",
                "User successfully left the meeting",
                "Meeting instance 2 ended");
    }

    @Test
    void theEventsDemonstrationEndsWithTheLogInTheDump() {
        RedisStore store = new RedisStore(RedisTargets.embedded(), 1);
        StringWriter printed = new StringWriter();

        new Demo(Node.on(store, Settings.from(Map.of()), new AdjustableClock(NOW)),
                new AdjustableClock(NOW), new PrintWriter(printed)).run();

        String lastDump = printed.toString().substring(printed.toString().lastIndexOf("Users:"));
        assertThat(lastDump).contains("event_type: join_meeting", "event_type: leave_meeting", "message: Hi, John!",
                "isPublic: True", "audience: [john.doe@example.com]");
    }
}
