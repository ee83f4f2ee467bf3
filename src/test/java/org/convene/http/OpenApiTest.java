package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** openapi.yaml is valid OpenAPI 3, and it and the server list exactly the same routes. */
class OpenApiTest extends ApiServerTest {
    static SwaggerParseResult parsed;

    @BeforeAll
    static void start() {
        parsed = new OpenAPIV3Parser().readContents(api.call("GET", "/openapi.yaml", null, null).raw().body());
    }

    @Test
    void theDocumentIsValidOpenApi() {
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getInfo().getTitle()).isEqualTo("Convene");
    }

    @Test
    void everyRouteTheServerHasIsDocumentedAndEveryDocumentedPathIsServed() {
        Set<String> documented = new TreeSet<>();
        parsed.getOpenAPI().getPaths().forEach((path, item) ->
                item.readOperationsMap().keySet().forEach(method -> documented.add(method.name() + " " + path)));

        assertThat(new TreeSet<>(api.server.routes())).isEqualTo(documented);
    }

    @Test
    void everyOperationHasAUniqueOperationIdForGeneratedClients() {
        List<String> ids = new ArrayList<>();
        parsed.getOpenAPI().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            assertThat(operation.getOperationId()).as(method + " " + path).isNotBlank();
            ids.add(operation.getOperationId());
        }));

        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void swaggerUiIsServedFromTheJarWithoutAToken() {
        var page = api.call("GET", "/docs", null, null);
        assertThat(page.status()).isEqualTo(200);
        String script = page.raw().body().replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");

        assertThat(api.call("GET", script, null, null).status()).isEqualTo(200);
        assertThat(page.raw().body()).doesNotContain("http://", "https://");
    }
}
