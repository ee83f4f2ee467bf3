package org.convene.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The benchmark's charts: one SVG file per kind of result measured, each parsing as XML with a title and a description. */
class BenchChartsTest {
    private static final BenchSettings SETTINGS = new BenchSettings(100, 10, 0.3, 4, Duration.ofSeconds(1), 1, Duration.ZERO);

    private static BenchResult result(String system, double perSecond) {
        return new BenchResult(system, SETTINGS, 1.0, List.of(
                new BenchResult.Row("join", 100, 100, 0, 0, 100, perSecond, 120, 900, 2_000, 1, 20),
                new BenchResult.Row("post", 300, 300, 0, 0, 300, perSecond * 3, 80, 400, 1_500, 1, 8)), 800);
    }

    private static Document parsed(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void eachKindOfResultMakesATitledSvgChart(@TempDir Path dir) throws Exception {
        BenchCharts charts = new BenchCharts();
        charts.accept("", result("Convene (engine)", 5_000));
        charts.accept("", result("the seed's algorithm", 40));
        charts.accept("", new ScalingSeries.Result(List.of(
                new ScalingSeries.Level(1_000, result("Convene (engine)", 5_000), result("seed", 400)),
                new ScalingSeries.Level(100_000, result("Convene (engine)", 4_800), result("seed", 4)))));
        GcWatch.Figures gc = new GcWatch.Figures(1, 2, 2, 1_000_000);
        charts.accept("", List.of(new FanoutRun.Result(1_000, 0, 500, 500_000, 500_000, 0, 2.1, 6.0, 14.0, gc, 0)));
        charts.accept("", List.of(new WebhookRun.Result("alone", "keep-alive", 1_000, 500, 12, 40, 90, 1.0, true, 1_000)));
        charts.accept("a table, not a chart", "text");

        List<Path> written = charts.write(dir);

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("operations.svg", "latency.svg", "scaling.svg", "delivery.svg", "webhooks.svg");
        for (Path file : written) {
            Document svg = parsed(file);
            assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isNotBlank();
            assertThat(svg.getElementsByTagName("desc").item(0).getTextContent()).isNotBlank();
        }
        assertThat(Files.readString(dir.resolve("operations.svg"))).contains("the seed").contains("post");
    }

    @Test
    void nothingMeasuredWritesNothing(@TempDir Path dir) throws Exception {
        assertThat(new BenchCharts().write(dir)).isEmpty();
    }
}
