package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.convene.testing.ApiServer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Waiting in the lobby in the attendance picture: John asks to join public meeting 1's live instance while everyone
 * waits, is let in 45 seconds later, and is in at the end two minutes after; his row shows the wait as a pale bar
 * of its own length before his stretch inside.
 */
class AttendanceSvgWaitApiTest extends ApiServerTest {

    @Test
    void aWaitInTheLobbyIsAPaleBarOfItsOwnLengthBeforeTheStretchInside() throws Exception {
        api.reset();
        assertThat(api.call("PATCH", "/meetings/1", ApiServer.ADMIN, "{\"lobby\":\"everyone\"}").status()).isEqualTo(200);
        assertThat(api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}").status()).isEqualTo(202);
        api.clock.advance(Duration.ofSeconds(45)); // within the wait's lease, which lapses unless renewed
        assertThat(api.call("POST", "/instances/1/lobby/1/admit", ApiServer.ADMIN, null).status()).isEqualTo(200);
        assertThat(api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}").status()).isEqualTo(201);
        api.clock.advance(Duration.ofMinutes(2));
        api.call("POST", "/instances/1/end", ApiServer.ADMIN, null);

        var answer = api.call("GET", "/instances/1/attendance.svg", ApiServer.ADMIN, null);
        var doc = DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(answer.raw().body().getBytes(StandardCharsets.UTF_8)));
        List<Element> johns = new ArrayList<>();
        NodeList rects = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (((Element) rect.getParentNode()).getAttribute("data-person").equals("1")) johns.add(rect);
        }

        assertThat(johns).extracting(e -> e.getAttribute("data-kind")).containsExactlyInAnyOrder("waiting", "timeout");
        Element wait = johns.stream().filter(e -> e.getAttribute("data-kind").equals("waiting")).findFirst().orElseThrow();
        Element inside = johns.stream().filter(e -> e.getAttribute("data-kind").equals("timeout")).findFirst().orElseThrow();
        assertThat(Duration.between(Instant.parse(wait.getAttribute("data-from")), Instant.parse(wait.getAttribute("data-to"))))
                .isEqualTo(Duration.ofSeconds(45));
        assertThat(Instant.parse(wait.getAttribute("data-to"))).isBeforeOrEqualTo(Instant.parse(inside.getAttribute("data-from")));
        assertThat(wait.getAttribute("fill")).isEqualTo("#cbd5e1");
        double perMinute = Double.parseDouble(inside.getAttribute("width")) / 2;
        assertThat(Double.parseDouble(wait.getAttribute("width"))).isCloseTo(0.75 * perMinute, org.assertj.core.data.Offset.offset(0.05));
    }
}
