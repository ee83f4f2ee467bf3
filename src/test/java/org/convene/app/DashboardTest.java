package org.convene.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.store.RedisStore;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard in docs/grafana charts only metrics that /metrics of a serving node really has. */
class DashboardTest {
    static final String ADMIN = "dashboard-test-admin-token";
    static final Pattern METRIC = Pattern.compile("\\b(?:convene|jvm|process|system|jetty)_[a-z0-9_]+");

    @Test
    void everyQueryOfTheDashboardNamesAMetricTheServerExposes() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("docs/grafana/convene.json").toFile());
        Set<String> named = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = METRIC.matcher(target.path("expr").asText());
                while (m.find()) named.add(m.group());
            }
        }
        RedisStore store = new RedisStore(RedisTargets.embedded(), 1);
        Node node = Node.on(store, Settings.from(Map.of("CONVENE_HTTP_PORT", "0", "CONVENE_ADMIN_TOKEN", ADMIN,
                "CONVENE_REQUEST_LOG", "OFF")), Clock.systemUTC());
        try (Node.Serving serving = node.serve()) {
            get(serving.url() + "/instances/999999", ADMIN); // a refusal, so that the refusal counter exists
            String metrics = get(serving.url() + "/metrics", ADMIN);

            assertThat(named).hasSizeGreaterThan(8);
            for (String metric : named) assertThat(metrics).as(metric).containsPattern("(?m)^" + metric + "[{ ]");
        }
    }

    static String get(String url, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
