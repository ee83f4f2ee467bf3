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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An instance's attendance as an SVG timeline ({@code GET /instances/{id}/attendance.svg}): John joins, leaves and
 * comes back and is in at the end; Jane is removed by a host. The picture parses as XML, carries a title, and its
 * bars are the report's segments, in order, of their kinds, their widths proportional to their durations.
 */
class AttendanceSvgApiTest extends ApiServerTest {

    @BeforeEach
    void aMeetingWithARejoinARemovalAndAnEnd() {
        api.reset();
        api.call("PATCH", "/users/2", ApiServer.ADMIN, "{\"name\":\"Jane <& \\\"Co\\\">\"}");
        api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}");
        api.clock.advance(Duration.ofMinutes(10));
        api.call("POST", "/instances/1/participants", api.jane, "{\"userId\":2}");
        api.call("DELETE", "/instances/1/participants/1", api.john, null);
        api.clock.advance(Duration.ofMinutes(5));
        api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}");
        api.clock.advance(Duration.ofMinutes(5));
        api.call("DELETE", "/instances/1/participants/2", ApiServer.ADMIN, null);
        api.clock.advance(Duration.ofMinutes(7));
        api.call("POST", "/instances/1/end", ApiServer.ADMIN, null);
    }

    private Document svg(String token) throws Exception {
        var answer = api.call("GET", "/instances/1/attendance.svg", token, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("image/svg+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.raw().body().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> bars(Document doc, String person) {
        List<Element> found = new ArrayList<>();
        NodeList groups = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!person.equals(g.getAttribute("data-person"))) continue;
            NodeList rects = g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
            for (int j = 0; j < rects.getLength(); j++) found.add((Element) rects.item(j));
        }
        return found;
    }

    @Test
    void thePictureParsesAsXmlAndCarriesATitleAndADescription() throws Exception {
        Document doc = svg(ApiServer.ADMIN);

        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent())
                .startsWith("Attendance of ");
        assertThat(root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").getLength()).isEqualTo(1);
    }

    @Test
    void eachPersonsBarsAreTheirSegmentsInOrderOfTheirKinds() throws Exception {
        Document doc = svg(ApiServer.ADMIN);

        assertThat(bars(doc, "1")).extracting(e -> e.getAttribute("data-kind")).containsExactly("left", "timeout");
        assertThat(bars(doc, "2")).extracting(e -> e.getAttribute("data-kind")).containsExactly("kicked");
        assertThat(bars(doc, "2").get(0).getTextContent()).startsWith("Jane <& \"Co\">: ").endsWith("was removed by a host");
    }

    @Test
    void widthsAreProportionalToDurations() throws Exception {
        Document doc = svg(ApiServer.ADMIN);

        List<Element> all = new ArrayList<>(bars(doc, "1"));
        all.addAll(bars(doc, "2"));
        double pixelsPerMilli = -1;
        for (Element bar : all) {
            long ms = Duration.between(Instant.parse(bar.getAttribute("data-from")), Instant.parse(bar.getAttribute("data-to")))
                    .toMillis();
            double ratio = Double.parseDouble(bar.getAttribute("width")) / ms;
            if (pixelsPerMilli < 0) pixelsPerMilli = ratio;
            assertThat(ratio * ms).isCloseTo(pixelsPerMilli * ms, org.assertj.core.data.Offset.offset(0.02));
        }
    }

    @Test
    void someoneWhoMaySeeOnlyTheirOwnRowsGetsThemAlone() throws Exception {
        api.call("PATCH", "/meetings/1", ApiServer.ADMIN, "{\"attendanceView\":\"admins\"}");

        Document doc = svg(api.jane);

        assertThat(bars(doc, "1")).isEmpty();
        assertThat(bars(doc, "2")).hasSize(1);
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength())
                .as("no rhythm drawn from one person's rows").isZero();
    }

    @Test
    void theRhythmsHighestStepIsTheReportsPeak() throws Exception {
        Document doc = svg(ApiServer.ADMIN);
        int peak = api.call("GET", "/instances/1/attendance", ApiServer.ADMIN, null).json().path("peakConcurrent").asInt();

        NodeList paths = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        Element inside = null;
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            if ("inside".equals(p.getAttribute("data-series"))) inside = p;
        }
        assertThat(inside).isNotNull();
        assertThat(Integer.parseInt(inside.getAttribute("data-max"))).isEqualTo(peak).isEqualTo(2);
    }
}
