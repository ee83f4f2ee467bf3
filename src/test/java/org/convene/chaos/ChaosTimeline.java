package org.convene.chaos;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * A fault run's timeline as SVG (JFreeChart): above, the writes acknowledged each second across the run; below, a lane
 * per kind of fault with a bar from its start to its end, and a lane of the pauses the faults caused (the longest
 * time without an acknowledged write on what each touched). docs/reliability.md shows one.
 */
final class ChaosTimeline {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 520;
    private static final Color[] LANES = {new Color(0x1d4ed8), new Color(0x047857), new Color(0x6d28d9),
        new Color(0x92400e), new Color(0x0e7490), new Color(0x9d174d), new Color(0x374151)};
    private static final Color PAUSE = new Color(0xb91c1c);

    private ChaosTimeline() {}

    /** The run's timeline: seconds since the load began along the bottom. */
    static String svg(ChaosReport report) {
        long zero = report.loadBegan();
        XYSeries writes = new XYSeries("writes acknowledged a second");
        Map<Long, Integer> perSecond = new LinkedHashMap<>();
        for (long t : report.ledger().acknowledgementsSince(zero)) perSecond.merge((t - zero) / 1_000_000_000L, 1, Integer::sum);
        long last = perSecond.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        for (long s = 0; s <= last; s++) writes.add(s, perSecond.getOrDefault(s, 0));
        XYPlot load = new XYPlot(new XYSeriesCollection(writes), null, new NumberAxis("writes acknowledged a second"),
                new XYStepRenderer());
        load.getRenderer().setSeriesPaint(0, new Color(0x1d4ed8));

        List<String> kinds = new ArrayList<>();
        for (Faults.Injected f : report.faults()) if (!kinds.contains(f.kind())) kinds.add(f.kind());
        List<String> lanes = new ArrayList<>(kinds);
        lanes.add("writes paused");
        XYSeriesCollection bars = new XYSeriesCollection();
        for (String kind : kinds) bars.addSeries(new XYSeries(kind, false, true));
        XYSeries pauses = new XYSeries("writes paused", false, true);
        bars.addSeries(pauses);
        for (Faults.Injected f : report.faults()) {
            // Each bar its own stretch of its lane: a null between bars breaks the line.
            XYSeries lane = bars.getSeries(kinds.indexOf(f.kind()));
            // A fault over at once (a failover) still gets a visible mark: a third of a second at least.
            double end = Math.max(seconds(f.endedAt(), zero), seconds(f.startedAt(), zero) + 0.3);
            lane.add(seconds(f.startedAt(), zero), kinds.indexOf(f.kind()));
            lane.add(end, kinds.indexOf(f.kind()));
            lane.add(end + 1e-3, null);
            long[] paused = report.pauseWindow(f);
            double until = Math.max(seconds(paused[1], zero), seconds(paused[0], zero) + 0.3);
            pauses.add(seconds(paused[0], zero), kinds.size());
            pauses.add(until, kinds.size());
            pauses.add(until + 1e-3, null);
        }
        XYLineAndShapeRenderer laneRenderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < bars.getSeriesCount(); i++) {
            laneRenderer.setSeriesStroke(i, new BasicStroke(9f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            laneRenderer.setSeriesPaint(i, i == kinds.size() ? PAUSE : LANES[i % LANES.length]);
        }
        SymbolAxis laneAxis = new SymbolAxis(null, lanes.toArray(new String[0]));
        laneAxis.setGridBandsVisible(false);
        XYPlot faults = new XYPlot(bars, null, laneAxis, laneRenderer);

        NumberAxis time = new NumberAxis("seconds since the load began");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.add(load, 3);
        plot.add(faults, 2);
        for (XYPlot part : List.of(load, faults)) {
            part.setBackgroundPaint(Color.WHITE);
            part.setRangeGridlinePaint(new Color(0xd1d5db));
            part.setDomainGridlinePaint(new Color(0xd1d5db));
        }
        String title = String.format(Locale.ROOT, "Fault run (%s, WAIT %d): writes and the faults' pauses",
                report.plan().isShort() ? "short plan" : report.plan().length().toMinutes() + " min", report.plan().waitReplicas());
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        String document = svg.getSVGDocument().replaceFirst("<!DOCTYPE[^>]*>", "");
        int open = document.indexOf('>', document.indexOf("<svg")) + 1;
        String description = String.format(Locale.ROOT, "%d faults over %.0f s of load; the longest pause %.1f s.",
                report.faults().size(), report.loadSeconds(),
                report.faults().stream().mapToDouble(report::pause).max().orElse(0));
        return document.substring(0, open) + "<title>" + title + "</title><desc>" + description + "</desc>"
                + document.substring(open);
    }

    private static double seconds(long nanos, long zero) {
        return (nanos - zero) / 1e9;
    }
}
