package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The scripts marked as only reading ({@link Script#reading()}) really write nothing: with
 * CONVENE_REDIS_WAIT_REPLICAS they skip the wait for replicas, so a write among them would be acknowledged
 * unconfirmed. Checked on the Lua itself: the script's own commands and those of every library function
 * it calls, directly or through another.
 */
class ScriptWritesTest {
    private static final Set<String> READS = Set.of("GET", "HGET", "HGETALL", "HMGET", "HEXISTS", "HLEN", "HKEYS", "HVALS",
            "ZRANGE", "ZRANGEBYSCORE", "ZREVRANGE", "ZREVRANGEBYSCORE", "ZSCORE", "ZMSCORE", "ZCARD", "ZCOUNT", "ZRANK",
            "ZREVRANK", "XRANGE", "XREVRANGE", "XLEN", "XINFO", "XPENDING", "EXISTS", "SISMEMBER", "SMISMEMBER", "SMEMBERS",
            "SCARD", "SRANDMEMBER", "LRANGE", "LLEN", "LINDEX", "TTL", "PTTL", "PEXPIRETIME", "TIME", "TYPE", "MGET", "STRLEN",
            "SELECT"); // SELECT only picks the events log's database
    private static final Pattern CALL = Pattern.compile("redis\\.p?call\\(\\s*(['\"]([A-Za-z]+)['\"])?");
    private static final Pattern FUNCTION = Pattern.compile("(?m)^local function (\\w+)\\(");

    @Test
    void everyScriptMarkedAsReadingWritesNothing() throws Exception {
        List<Script> reading = scripts().stream().filter(s -> !s.writes()).toList();
        assertThat(reading).as("scripts marked as reading").hasSizeGreaterThan(10);
        for (Script script : reading) {
            String group = script.name().substring(0, script.name().indexOf('/'));
            Map<String, String> library = functions(resource("_common.lua") + "\n" + resource(group + "/_lib.lua"));
            assertThat(writesIn(resource(script.name() + ".lua"), library, new LinkedHashSet<>()))
                    .as("write commands reached from %s, which is marked as only reading", script.name()).isEmpty();
        }
    }

    @Test
    void aScriptThatWritesIsRecognisedByTheCheck() throws Exception {
        Map<String, String> library = functions(resource("_common.lua") + "\n" + resource("meeting/_lib.lua"));
        // end.lua writes only through the library's end_instance: the check must follow the call.
        assertThat(writesIn(resource("meeting/end.lua"), library, new LinkedHashSet<>())).isNotEmpty();
    }

    /** The write commands {@code code} runs, itself or through the library functions it calls. */
    private static Set<String> writesIn(String code, Map<String, String> library, Set<String> visited) {
        Set<String> writes = new LinkedHashSet<>();
        Matcher call = CALL.matcher(code);
        while (call.find()) {
            String command = call.group(2) == null ? "(a command chosen at run time)" : call.group(2).toUpperCase();
            if (!READS.contains(command)) writes.add(command);
        }
        for (var function : library.entrySet()) {
            if (Pattern.compile("\\b" + function.getKey() + "\\(").matcher(code).find() && visited.add(function.getKey())) {
                writes.addAll(writesIn(function.getValue(), library, visited));
            }
        }
        return writes;
    }

    /** Each library function's text, up to the next function (top-level lines go with the one before: the safe side). */
    private static Map<String, String> functions(String library) {
        Map<String, String> bodies = new HashMap<>();
        Matcher m = FUNCTION.matcher(library);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : library.length();
            bodies.put(names.get(i), library.substring(starts.get(i)[1], end));
        }
        return bodies;
    }

    private static List<Script> scripts() throws IllegalAccessException {
        List<Script> scripts = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().importPackages("org.convene.store")) {
            if (!type.getPackageName().equals("org.convene.store")) continue;
            for (Field field : type.reflect().getDeclaredFields()) {
                if (field.getType() == Script.class && Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    scripts.add((Script) field.get(null));
                }
            }
        }
        return scripts;
    }

    private static String resource(String path) {
        try (InputStream in = Script.class.getResourceAsStream("lua/" + path)) {
            // Comments dropped: they name functions and commands without calling them.
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("--[^\n]*", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
