package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.convene.testing.ApiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person's data over HTTP: John (1) reads his own export, Jane (2) may not read it, an administrator may (and is
 * recorded doing so, once a day); only an administrator erases, with a reason. John joined instance 1 and said hello.
 */
class PersonalDataApiTest extends ApiServerTest {
    org.convene.audit.AuditSealer sealer;

    @BeforeEach
    void johnSaidHello() {
        api.reset();
        api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}");
        assertThat(api.call("POST", "/instances/1/messages", api.john, "{\"userId\":1,\"text\":\"hello all\"}").status())
                .isEqualTo(201);
        sealer = api.services.audit().sealer(api.clock, Duration.ofSeconds(2));
        sealer.tick();
    }

    @Test
    void aPersonDownloadsTheirOwnExportAsOneDocument() {
        var export = api.call("GET", "/users/1/export", api.john, null);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).contains("convene-user-1.json");
        assertThat(export.header("Cache-Control")).isEqualTo("no-store");
        assertThat(export.json().path("profile").path("id").asLong()).isEqualTo(1);
        assertThat(export.json().path("meetings").findValuesAsText("text")).containsExactly("hello all");
        assertThat(export.json().path("audit").findValuesAsText("action")).contains("user_created");
    }

    @Test
    void anotherUserCannotReadSomeonesExport() {
        assertThat(api.call("GET", "/users/1/export", api.jane, null).status()).isEqualTo(403);
    }

    @Test
    void anAdministratorsReadingOfSomeonesExportIsRecordedOnceADay() {
        assertThat(api.call("GET", "/users/1/export", ApiServer.ADMIN, null).status()).isEqualTo(200);
        api.call("GET", "/users/1/export", ApiServer.ADMIN, null);
        sealer.tick();

        var reads = api.call("GET", "/audit?action=personal_data_exported", ApiServer.ADMIN, null).json();

        assertThat(reads).singleElement().satisfies(r -> assertThat(r.path("target").asText()).isEqualTo("user:1"));
    }

    @Test
    void onlyAnAdministratorErases() {
        assertThat(api.call("POST", "/users/1/erase", api.jane, "{\"reason\":\"spite\"}").status()).isEqualTo(403);
        assertThat(api.call("POST", "/users/1/erase", api.john, "{\"reason\":\"me\"}").status()).isEqualTo(403);
        assertThat(api.call("GET", "/users/1", ApiServer.ADMIN, null).status()).isEqualTo(200);
    }

    @Test
    void anErasureTakesTheirTextOutAndTheirTokenNoLongerWorks() {
        var erased = api.call("POST", "/users/1/erase", ApiServer.ADMIN, "{\"reason\":\"asked to be forgotten\"}");

        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.json().path("name").asText()).isEqualTo("Erased user #1");
        assertThat(erased.json().path("messagesRemoved").asLong()).isEqualTo(1);
        assertThat(api.call("GET", "/instances/1/messages", api.jane, null).json().findValuesAsText("text"))
                .containsExactly("[removed]");
        assertThat(api.call("GET", "/me", api.john, null).status()).isEqualTo(401);
    }

    @Test
    void anErasureWithoutAReasonIsRefusedSayingSo() {
        var refused = api.call("POST", "/users/1/erase", ApiServer.ADMIN, "{}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).isEqualTo("reason is required: say why the person is erased");
        assertThat(api.call("GET", "/users/1", ApiServer.ADMIN, null).status()).isEqualTo(200);
    }

    @Test
    void aRefusedPrivilegedAttemptIsSampledIntoTheTrail() {
        api.call("DELETE", "/users/2", api.john, null);
        api.call("DELETE", "/users/2", api.john, null);
        sealer.tick();

        var refused = api.call("GET", "/audit?action=access_refused", ApiServer.ADMIN, null).json();

        assertThat(refused).singleElement().satisfies(r -> {
            assertThat(r.path("outcome").asText()).isEqualTo("refused");
            assertThat(r.path("actor").path("id").asLong()).isEqualTo(1);
            assertThat(r.path("target").asText()).isEqualTo("DELETE /users/2");
        });
    }
}
