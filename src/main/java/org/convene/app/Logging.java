package org.convene.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/** The log levels and format a node runs with: logback.xml's defaults, with the settings' levels and format over them. */
final class Logging {
    /** logback.xml's pattern for text lines, to go back to from JSON. */
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    private Logging() {}

    /**
     * The log levels and format of the settings, over logback.xml's defaults: with CONVENE_LOG_FORMAT=json
     * every line (the request log included) is one JSON object, logback's own encoder.
     */
    static void apply(Settings settings) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender("STDERR") instanceof OutputStreamAppender<ILoggingEvent> stderr) {
            boolean json = settings.logFormat().equals("json");
            if (json != (stderr.getEncoder() instanceof JsonEncoder)) {
                Encoder<ILoggingEvent> encoder;
                if (json) {
                    var lines = new JsonEncoder();
                    // The message as a reader would see it, rather than its template and arguments apart.
                    lines.setWithFormattedMessage(true);
                    lines.setWithMessage(false);
                    lines.setWithArguments(false);
                    lines.setWithContext(false);
                    lines.setWithNanoseconds(false);
                    encoder = lines;
                } else {
                    var text = new PatternLayoutEncoder();
                    text.setPattern(TEXT_PATTERN);
                    encoder = text;
                }
                encoder.setContext(context);
                encoder.start();
                stderr.setEncoder(encoder);
            }
        }
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.toLevel(settings.logLevel(), Level.WARN));
        ((Logger) LoggerFactory.getLogger("org.convene.http.requests"))
                .setLevel(Level.toLevel(settings.requestLogLevel(), Level.INFO));
    }
}
