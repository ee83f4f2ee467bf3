package org.convene.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The benchmark's charts ({@code convene bench --charts DIR}), drawn with JFreeChart into plain SVG files that
 * docs/performance.md shows: operations a second and latency percentiles per operation (each system the run measured),
 * Convene against the seed's algorithm over stored history (log scales), live delivery's latency at each fan-out, and
 * webhook lag. It collects the results as the suite reports them and writes what it has; each file carries a title
 * and a description, so that it reads without the picture.
 */
public final class BenchCharts implements BiConsumer<String, Object> {
    private static final int WIDTH = 880;
    private static final int HEIGHT = 440;
    private static final Color[] COLOURS = {new Color(0x1d4ed8), new Color(0xb45309), new Color(0x047857), new Color(0x7c3aed)};

    private final List<BenchResult> workloads = new ArrayList<>();
    private final List<ScalingSeries.Result> scaling = new ArrayList<>();
    private final List<FanoutRun.Result> fanout = new ArrayList<>();
    private final List<WebhookRun.Result> webhooks = new ArrayList<>();

    /** Keeps a result the suite reported, if it is one the charts draw. */
    @Override
    public void accept(String text, Object value) {
        if (value instanceof BenchResult result) workloads.add(result);
        if (value instanceof ScalingSeries.Result result) scaling.add(result);
        if (value instanceof List<?> list) {
            for (Object each : list) {
                if (each instanceof FanoutRun.Result run) fanout.add(run);
                if (each instanceof WebhookRun.Result run) webhooks.add(run);
            }
        }
    }

    /** Writes the charts there is data for into {@code dir}, and returns the files written. */
    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        if (!workloads.isEmpty()) {
            written.add(save(dir, "operations.svg", throughput(), "Operations a second by operation and system, "
                    + "from the mixed workload: " + describe(workloads)));
            written.add(save(dir, "latency.svg", latency(workloads.get(0)), "Latency percentiles (p50, p99, p99.9, "
                    + "microseconds, log scale) of each operation of " + workloads.get(0).system()));
        }
        if (!scaling.isEmpty()) {
            written.add(save(dir, "scaling.svg", scalingChart(scaling.get(scaling.size() - 1)), "Operations a second "
                    + "against the history stored (both log scales): Convene's stays level, the seed's algorithm falls"));
        }
        if (!fanout.isEmpty()) {
            written.add(save(dir, "delivery.svg", delivery(), "Live delivery's latency (p50, p99, max, milliseconds) "
                    + "from a post to each subscriber's stream, by run"));
        }
        if (!webhooks.isEmpty()) {
            written.add(save(dir, "webhooks.svg", webhookLag(), "Webhook lag (p50, p99, max, milliseconds) from an "
                    + "event to its arrival, by run and endpoint"));
        }
        return written;
    }

    private static String describe(List<BenchResult> results) {
        StringBuilder out = new StringBuilder();
        for (BenchResult r : results) {
            if (out.length() > 0) out.append("; ");
            out.append(String.format(Locale.ROOT, "%s %.0f a second in all", r.system(), r.perSecond()));
        }
        return out.toString();
    }

    private JFreeChart throughput() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BenchResult r : workloads) {
            for (BenchResult.Row row : r.rows()) data.addValue(Math.max(row.perSecond(), 0.01), r.system(), row.operation());
        }
        JFreeChart chart = ChartFactory.createBarChart("Operations a second, by operation", "operation",
                "operations a second (log)", data, PlotOrientation.HORIZONTAL, true, false, false);
        logRange((CategoryPlot) chart.getPlot(), "operations a second (log)");
        return styled(chart);
    }

    private static JFreeChart latency(BenchResult result) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BenchResult.Row row : result.rows()) {
            data.addValue(Math.max(row.p50(), 1), "p50", row.operation());
            data.addValue(Math.max(row.p99(), 1), "p99", row.operation());
            data.addValue(Math.max(row.p999(), 1), "p99.9", row.operation());
        }
        JFreeChart chart = ChartFactory.createBarChart("Latency by operation: " + result.system(), "operation",
                "microseconds (log)", data, PlotOrientation.HORIZONTAL, true, false, false);
        logRange((CategoryPlot) chart.getPlot(), "microseconds (log)");
        return styled(chart);
    }

    private static JFreeChart scalingChart(ScalingSeries.Result result) {
        XYSeries convene = new XYSeries("Convene");
        XYSeries seed = new XYSeries("the seed's algorithm");
        for (ScalingSeries.Level level : result.levels()) {
            double history = Math.max(level.history(), 1);
            convene.add(history, Math.max(level.convene().perSecond(), 0.01));
            if (level.seed() != null && level.seed().issued() > 0) seed.add(history, Math.max(level.seed().perSecond(), 0.01));
        }
        XYSeriesCollection data = new XYSeriesCollection(convene);
        if (seed.getItemCount() > 0) data.addSeries(seed);
        JFreeChart chart = ChartFactory.createXYLineChart("Throughput against stored history", "messages and events "
                + "stored (log)", "operations a second (log)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = (XYPlot) chart.getPlot();
        plot.setDomainAxis(log("messages and events stored (log)"));
        plot.setRangeAxis(log("operations a second (log)"));
        return styled(chart);
    }

    private JFreeChart delivery() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (FanoutRun.Result r : fanout) {
            String run = r.subscribers() + " subscribers" + (r.stalled() > 0 ? ", " + r.stalled() + " stalled" : "");
            data.addValue(r.p50Ms(), "p50", run);
            data.addValue(r.p99Ms(), "p99", run);
            data.addValue(r.maxMs(), "max", run);
        }
        return styled(ChartFactory.createBarChart("Live delivery latency", "run", "milliseconds", data,
                PlotOrientation.VERTICAL, true, false, false));
    }

    private JFreeChart webhookLag() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (WebhookRun.Result r : webhooks) {
            String run = r.run() + ": " + r.endpoint();
            data.addValue(r.p50Millis(), "p50", run);
            data.addValue(r.p99Millis(), "p99", run);
            data.addValue(r.maxMillis(), "max", run);
        }
        return styled(ChartFactory.createBarChart("Webhook lag", "run and endpoint", "milliseconds", data,
                PlotOrientation.HORIZONTAL, true, false, false));
    }

    private static void logRange(CategoryPlot plot, String label) {
        plot.setRangeAxis(log(label));
    }

    /** A log axis ticked at each power of ten and labelled in plain numbers (1, 10, 100, 1,000). */
    private static LogAxis log(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setSmallestValue(0.01);
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
        axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
        axis.setMinorTickCount(0);
        return axis;
    }

    /** The console's colours and a plain white ground, so that the charts match the docs around them. */
    private static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(new Color(0xd1d5db));
            for (int i = 0; i < COLOURS.length; i++) plot.getRenderer().setSeriesPaint(i, COLOURS[i]);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(new Color(0xd1d5db));
            plot.setDomainGridlinePaint(new Color(0xd1d5db));
            for (int i = 0; i < COLOURS.length; i++) plot.getRenderer().setSeriesPaint(i, COLOURS[i]);
        }
        return chart;
    }

    /** Draws {@code chart} as SVG with a title and a description, into {@code dir/name}. */
    private static Path save(Path dir, String name, JFreeChart chart, String description) throws IOException {
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        // No DOCTYPE: SVG 2 has none, and a reader would otherwise fetch the 1.1 DTD from the W3C.
        String document = svg.getSVGDocument().replaceFirst("<!DOCTYPE[^>]*>", "");
        int open = document.indexOf('>', document.indexOf("<svg")) + 1;
        String titled = document.substring(0, open) + "<title>" + escape(chart.getTitle().getText()) + "</title><desc>"
                + escape(description) + "</desc>" + document.substring(open);
        Path file = dir.resolve(name);
        Files.writeString(file, titled, StandardCharsets.UTF_8);
        return file;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
