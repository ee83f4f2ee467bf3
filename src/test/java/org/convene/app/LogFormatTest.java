package org.convene.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** CONVENE_LOG_FORMAT: readable text by default, one JSON object a line on request. */
class LogFormatTest {

    static Object encoder() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        return ((OutputStreamAppender<?>) root.getAppender("STDERR")).getEncoder();
    }

    @AfterEach
    void backToText() {
        Logging.apply(Settings.from(Map.of()));
    }

    @Test
    void jsonMakesEveryLineAJsonObject() {
        Logging.apply(Settings.from(Map.of("CONVENE_LOG_FORMAT", "json")));

        assertThat(encoder()).isInstanceOf(JsonEncoder.class);
    }

    @Test
    void textIsTheDefaultAndComesBackAfterJson() {
        Logging.apply(Settings.from(Map.of("CONVENE_LOG_FORMAT", "json")));
        Logging.apply(Settings.from(Map.of()));

        assertThat(encoder()).isInstanceOfSatisfying(PatternLayoutEncoder.class,
                text -> assertThat(text.getPattern()).isEqualTo(Logging.TEXT_PATTERN));
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> Settings.from(Map.of("CONVENE_LOG_FORMAT", "xml")))
                .hasMessage("CONVENE_LOG_FORMAT must be 'text' or 'json', was 'xml'");
    }
}
