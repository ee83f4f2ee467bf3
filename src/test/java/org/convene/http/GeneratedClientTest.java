package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.convene.generated.ApiClient;
import org.convene.generated.api.AttendanceApi;
import org.convene.generated.api.FunctionsApi;
import org.convene.generated.api.InstancesApi;
import org.convene.generated.api.MeetingsApi;
import org.convene.generated.api.UsersApi;
import org.convene.generated.model.Attendance;
import org.convene.generated.model.CreatedUser;
import org.convene.generated.model.EndResult;
import org.convene.generated.model.Instance;
import org.convene.generated.model.Meeting;
import org.convene.generated.model.MeetingInput;
import org.convene.generated.model.Message;
import org.convene.generated.model.MessageInput;
import org.convene.generated.model.UserInput;
import org.convene.generated.model.UserRef;
import org.convene.generated.model.Window;
import org.convene.testing.ApiServer;
import org.junit.jupiter.api.Test;

/**
 * A client generated from openapi.yaml at build time (openapi-generator, Java, native HttpClient)
 * drives a whole scenario against a running server: if the document were wrong, the generated
 * client could not express it or would misread the answers.
 */
class GeneratedClientTest extends ApiServerTest {

    static ApiClient as(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(api.server.url());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void aWholeMeetingRunsThroughTheGeneratedClient() throws Exception {
        api.reset();
        ApiClient admin = as(ApiServer.ADMIN);
        CreatedUser ann = new UsersApi(admin).createUser(new UserInput().name("Ann Lee").age(31).email("ann@example.com"));
        Meeting retro = new MeetingsApi(admin).createMeeting(new MeetingInput().title("Retro").isPublic(false)
                .audience(List.of("ann@example.com")).capacity(10));
        OffsetDateTime now = ApiServer.T0.atOffset(ZoneOffset.UTC);
        Instance instance = new InstancesApi(admin).createInstance(retro.getId(),
                new Window().from(now.minusMinutes(1)).to(now.plusHours(1)));

        ApiClient annClient = as(ann.getToken());
        long annId = ann.getUser().getId();
        new FunctionsApi(annClient).join(instance.getId(), new UserRef().userId(annId));
        Message posted = new FunctionsApi(annClient).postMessage(instance.getId(),
                new MessageInput().userId(annId).text("Hello from a generated client"), "generated-1");
        List<Message> chat = new FunctionsApi(annClient).listMessages(instance.getId(), 0L, null, 50, null);
        api.clock.advance(Duration.ofMinutes(5));
        EndResult ended = new FunctionsApi(admin).endInstance(instance.getId());
        Attendance attendance = new AttendanceApi(annClient).getAttendance(instance.getId(), null);

        assertThat(retro.getCapacity()).isEqualTo(10);
        assertThat(instance.getStatus()).hasToString("active");
        assertThat(chat).extracting(Message::getId).containsExactly(posted.getId());
        assertThat(chat.get(0).getText()).isEqualTo("Hello from a generated client");
        assertThat(ended.getTimedOutUserIds()).containsExactly(annId);
        assertThat(attendance.getAttendees()).singleElement().satisfies(a -> {
            assertThat(a.getUserId()).isEqualTo(annId);
            assertThat(a.getPresentSeconds()).isEqualTo(300L);
            assertThat(a.getSegments()).singleElement().satisfies(s -> assertThat(s.getEndedBy()).hasToString("timeout"));
        });
    }
}
