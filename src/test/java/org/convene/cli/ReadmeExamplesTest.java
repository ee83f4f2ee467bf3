package org.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.app.Node;
import org.convene.app.Settings;
import org.convene.core.AdjustableClock;
import org.convene.store.RedisStore;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.Test;

/**
 * The README's command-line examples, run in the order written on an empty store, as a newcomer
 * would: each answers as its comment says (the seed's message, or "(exit 1)" for a refusal), and
 * every other one succeeds. The scheduler, which runs until stopped, is left out.
 */
class ReadmeExamplesTest {
    static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    record Example(List<String> args, String comment) {}

    static List<Example> examples() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int section = readme.indexOf("## The command line");
        int start = readme.subList(section, readme.size()).indexOf("```sh") + section + 1;
        List<Example> examples = new ArrayList<>();
        for (String line : readme.subList(start, readme.size())) {
            if (line.startsWith("```")) break;
            int hash = line.indexOf(" #");
            String command = (hash < 0 ? line : line.substring(0, hash)).strip();
            String comment = hash < 0 ? "" : line.substring(hash + 2).strip();
            List<String> args = new ArrayList<>();
            Matcher m = TOKEN.matcher(command.substring("./convene".length()));
            while (m.find()) args.add(m.group(1) != null ? m.group(1) : m.group(2));
            examples.add(new Example(args, comment));
        }
        return examples;
    }

    @Test
    void theCommandLineExamplesWorkInTheOrderWrittenOnAnEmptyStore() throws Exception {
        RedisStore store = new RedisStore(RedisTargets.embedded(), 1);
        store.maintenance().wipe();
        AdjustableClock clock = new AdjustableClock(Instant.parse("2026-03-02T09:00:00Z"));
        var node = Node.on(store, Settings.from(Map.of()), clock);
        List<Example> examples = examples();

        assertThat(examples).hasSizeGreaterThan(10);
        for (Example example : examples) {
            if (example.args().get(0).equals("scheduler")) continue;
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(example.args().toArray(String[]::new), Context.of(node, clock), new PrintWriter(out),
                    new PrintWriter(err));
            String shown = String.join(" ", example.args());
            boolean refused = example.comment().endsWith("(exit 1)");
            assertThat(code).as(shown + ": " + err).isEqualTo(refused ? 1 : 0);
            if (example.comment().startsWith("User ")) {
                String expected = example.comment().replace("(exit 1)", "").strip();
                assertThat((refused ? err : out).toString().strip()).as(shown).isEqualTo(expected);
            }
        }
    }
}
