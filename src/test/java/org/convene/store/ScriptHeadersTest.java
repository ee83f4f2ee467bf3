package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every script opens with a header that says what it takes and what it answers (lua/_common.lua shows the
 * form), and the header tells the truth about the Lua beneath it. The grammar, as parsed here:
 * <pre>
 * header  = first prose* keys argv reply      the script's leading "--" lines, and nothing else among them
 * first   = "-- " name ": " sentence "."       name: the file's, without .lua; one sentence
 * prose   = "-- " text                         not starting KEYS:, ARGV: or REPLY:
 * keys    = "-- KEYS: " entries                then any "--      " lines (six spaces), which go on the line
 * argv    = "-- ARGV: " entries                  above: for keys, argv and reply alike
 * reply   = "-- REPLY: " shape (" | " shape)*
 * entries = "none" | entry (", " entry)*       cut only at ", n " or ", n.. " outside brackets
 * entry   = n " " what                         a fixed position; positions rise
 *         | n ".. " what                       a tail, last: every argument from n on, one `what` each, or one
 *                                                group each where `what` holds a group in braces: {a, b}
 * shape   = "{'" STATUS "'" (", " item)* "}" text
 *                                              items cut at commas outside brackets; "x | y" is one item either
 *                                                way; a last item ending "..." stands for any number of them
 * </pre>
 * What a header is checked against: the script's own Lua, and what runs with it: the top level of _common.lua and
 * of its group's _lib.lua (run by every script of the group, so that every meeting script reads KEYS 1-2 and
 * ARGV 1-2 there), and the library functions the script calls, directly or through one another. Comments are
 * dropped first. So a header declares exactly the keys and fixed argument positions read, a tail exactly where
 * arguments are read by a variable index (starting where the loop over them starts, as many a group as the loop
 * reads), every status the script gives and no other, and the shape of every reply it returns.
 */
class ScriptHeadersTest {
    private static final Pattern FIRST = Pattern.compile("-- (\\w+): (\\S.*\\.)");
    private static final Pattern ENTRY = Pattern.compile("(\\d+)(\\.\\.)? (\\S.*)");
    private static final Pattern ENTRY_START = Pattern.compile("\\d+(\\.\\.)? ");
    private static final Pattern SHAPE_START = Pattern.compile("\\{'([A-Z][A-Z_]*)'");
    private static final Pattern STATUS = Pattern.compile("\\{\\s*'([A-Z][A-Z_]*)'");
    private static final Pattern RETURN_TABLE = Pattern.compile("\\breturn\\s*\\{");
    private static final Pattern FUNCTION = Pattern.compile("local function (\\w+)\\(");
    private static final String MORE = "--      ";
    private static final Map<String, Library> LIBRARIES = new HashMap<>();

    @Test
    void everyScriptOpensWithAHeaderInTheOneForm() {
        List<String> refused = new ArrayList<>();
        for (Lua lua : scripts()) {
            try {
                Header.of(lua);
            } catch (IllegalArgumentException e) {
                refused.add(lua + ": " + e.getMessage());
            }
        }
        assertThat(scripts()).as("scripts found").hasSizeGreaterThan(50);
        assertThat(refused).as("headers out of form").isEmpty();
    }

    @Test
    void everyKeyAScriptUsesIsDeclaredAndNoOther() {
        assertThat(problems(ScriptHeadersTest::keyProblems)).isEmpty();
    }

    @Test
    void theFixedArgumentsDeclaredAreExactlyThoseTheScriptReads() {
        assertThat(problems(ScriptHeadersTest::argumentProblems)).isEmpty();
    }

    @Test
    void aTailIsDeclaredExactlyWhereArgumentsAreReadByVariableIndexWithTheLoopsStartAndGroup() {
        assertThat(problems(ScriptHeadersTest::tailProblems)).isEmpty();
    }

    @Test
    void theReplyNamesEveryStatusTheScriptGivesAndNoOther() {
        assertThat(problems(ScriptHeadersTest::statusProblems)).isEmpty();
    }

    @Test
    void everyReplyTheScriptReturnsHasItsShapeInTheHeaderAndEveryShapeIsReturned() {
        assertThat(problems(ScriptHeadersTest::shapeProblems)).isEmpty();
    }

    @Test
    void whatAGroupLibraryReadsAtItsTopLevelCountsForEveryScriptOfTheGroup() {
        Lua instances = script("meeting", "instances");
        assertThat(reads(instances, "ARGV").fixed()).as("ARGV read by meeting/instances").containsExactly(1, 2);
        assertThat(reads(instances, "KEYS").fixed()).as("KEYS read by meeting/instances").containsExactly(1, 2);
    }

    @Test
    void aKeyReadInsideALibraryFunctionCountsOnlyForTheScriptsThatReachIt() {
        // end.lua reaches the outbox only through end_instance -> outbox; chat.lua calls nothing that does.
        assertThat(reads(script("meeting", "end"), "KEYS").fixed()).containsExactly(1, 2, 3);
        assertThat(reads(script("meeting", "chat"), "KEYS").fixed()).containsExactly(1, 2);
    }

    @Test
    void aHeaderThatLeavesOutAnArgumentTheScriptReadsFails() {
        assertThat(argumentProblems(USER_FIELD)).isEmpty();
        assertThat(argumentProblems(USER_FIELD.with("-- ARGV: 1 user id, 2 field", "-- ARGV: 1 user id")))
                .anySatisfy(p -> assertThat(p).contains("ARGV[2]"));
    }

    @Test
    void aHeaderThatDeclaresAnArgumentTheScriptNeverReadsFails() {
        assertThat(argumentProblems(USER_FIELD.with("2 field", "2 field, 3 default"))).anySatisfy(p -> assertThat(p)
                .contains("ARGV 3"));
    }

    @Test
    void aHeaderThatLeavesOutAStatusTheScriptGivesFails() {
        assertThat(statusProblems(USER_FIELD)).isEmpty();
        assertThat(statusProblems(USER_FIELD.with(" | {'INVALID_USER'}", ""))).anySatisfy(p -> assertThat(p)
                .contains("INVALID_USER"));
    }

    @Test
    void aReplyShapeWithAnotherNumberOfItemsThanTheScriptReturnsFails() {
        assertThat(shapeProblems(USER_FIELD)).isEmpty();
        assertThat(shapeProblems(USER_FIELD.with("{'OK', value}", "{'OK', value, version}"))).hasSize(2);
    }

    @Test
    void aMeetingScriptDeclaringTheOutboxItCannotReachFails() {
        assertThat(keyProblems(MEETING_TITLE)).isEmpty();
        assertThat(keyProblems(MEETING_TITLE.with("2 events base", "2 events base, 3 outbox")))
                .anySatisfy(p -> assertThat(p).contains("KEYS 3"));
    }

    @Test
    void aMeetingScriptReachingTheOutboxOnlyThroughTheLibraryMustDeclareIt() {
        // settle can end the instance, which writes the outbox (KEYS[3]) through end_instance and outbox.
        assertThat(keyProblems(MEETING_TITLE.with("return {'OK'", "settle(ARGV[3], ARGV[4])\nreturn {'OK'")))
                .anySatisfy(p -> assertThat(p).contains("KEYS[3]"));
    }

    @Test
    void aTailOfAnotherGroupSizeThanTheLoopReadsFails() {
        assertThat(tailProblems(USER_NAMES)).isEmpty();
        assertThat(tailProblems(USER_NAMES.with("{user id, name}", "{user id, name, age}")))
                .anySatisfy(p -> assertThat(p).contains("group of 3"));
    }

    @Test
    void aHeaderWithoutItsReplyLineIsRefused() {
        assertThatThrownBy(() -> Header.of(USER_FIELD.with("-- REPLY:", "-- RETURNS:")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REPLY");
    }

    /** Scripts whose headers are true, for the tests that a header that lies fails. */
    private static final Lua USER_FIELD = new Lua("users", "user_field", """
            -- user_field: one field of a user's hash.
            -- KEYS: 1 users base
            -- ARGV: 1 user id, 2 field
            -- REPLY: {'OK', value} | {'INVALID_USER'}
            if redis.call('EXISTS', ukey(ARGV[1])) == 0 then return {'INVALID_USER'} end
            return {'OK', redis.call('HGET', ukey(ARGV[1]), ARGV[2])}
            """);
    private static final Lua MEETING_TITLE = new Lua("meeting", "title", """
            -- title: the meeting's title.
            -- KEYS: 1 meeting base, 2 events base
            -- ARGV: 1 data db, 2 events db
            -- REPLY: {'OK', title}
            return {'OK', redis.call('HGET', base .. ':meeting', 'title')}
            """);
    private static final Lua USER_NAMES = new Lua("users", "user_names", """
            -- user_names: renames users.
            -- KEYS: 1 users base
            -- ARGV: 1 now (ms), 2.. {user id, name}
            -- REPLY: {'OK'}
            for i = 2, #ARGV, 2 do redis.call('HSET', ukey(ARGV[i]), 'name', ARGV[i + 1], 'at', ARGV[1]) end
            return {'OK'}
            """);

    // ---- the checks: each says what is wrong with one script's header, nothing when it is true

    private static List<String> keyProblems(Lua lua) {
        Header header = Header.of(lua);
        List<String> problems = positionProblems("KEYS", header.keys(), reads(lua, "KEYS"));
        problems.addAll(tailProblems("KEYS", header.keys(), reads(lua, "KEYS")));
        return problems;
    }

    private static List<String> argumentProblems(Lua lua) {
        return positionProblems("ARGV", Header.of(lua).argv(), reads(lua, "ARGV"));
    }

    private static List<String> tailProblems(Lua lua) {
        return tailProblems("ARGV", Header.of(lua).argv(), reads(lua, "ARGV"));
    }

    private static List<String> positionProblems(String array, List<Entry> declared, Reads read) {
        List<String> problems = new ArrayList<>();
        int tailStart = tail(declared).map(Entry::position).orElse(Integer.MAX_VALUE);
        Set<Integer> fixed = new TreeSet<>();
        declared.stream().filter(e -> !e.tail()).forEach(e -> fixed.add(e.position()));
        for (int n : read.fixed()) {
            if (n < tailStart && !fixed.contains(n)) problems.add(array + "[" + n + "] is read but not declared");
        }
        for (int n : fixed) {
            if (!read.fixed().contains(n)) problems.add(array + " " + n + " is declared but never read");
        }
        return problems;
    }

    private static List<String> tailProblems(String array, List<Entry> declared, Reads read) {
        Optional<Entry> tail = tail(declared);
        if (tail.isEmpty()) {
            return read.varies() ? List.of(array + " is read by a variable index or whole, but no tail (n..) is declared")
                    : List.of();
        }
        if (!read.varies()) return List.of(array + " " + tail.get().position() + ".. is declared, but no tail is read");
        List<String> problems = new ArrayList<>();
        for (int start : read.starts()) {
            if (start != tail.get().position()) {
                problems.add(array + " " + tail.get().position() + ".. is declared, but the loop over it starts at " + start);
            }
        }
        if (tail.get().groupSize() != read.groupSize()) {
            problems.add(array + " " + tail.get().position() + ".. is declared as a group of " + tail.get().groupSize()
                    + ", but the script reads a group of " + read.groupSize());
        }
        return problems;
    }

    /**
     * The script's code with the bodies of the library functions whose answer it returns as its own
     * ({@code return f(...)}): what they return is a reply of the script's too.
     */
    private static String withRepliesHandedOn(Lua lua) {
        StringBuilder code = new StringBuilder(lua.code());
        library(lua.group()).functions().forEach((name, body) -> {
            // The body as stored starts inside the parameter list: from its closing parenthesis on.
            if (Pattern.compile("\\breturn\\s+" + name + "\\(").matcher(lua.code()).find()) {
                code.append('\n').append(body.substring(body.indexOf(')') + 1));
            }
        });
        return code.toString();
    }

    private static List<String> statusProblems(Lua lua) {
        Set<String> named = new TreeSet<>();
        Header.of(lua).replies().forEach(shape -> named.add(shape.status()));
        Set<String> given = new TreeSet<>();
        Matcher status = STATUS.matcher(withRepliesHandedOn(lua));
        while (status.find()) given.add(status.group(1));
        List<String> problems = new ArrayList<>();
        given.stream().filter(s -> !named.contains(s)).forEach(s -> problems.add("gives " + s + ", which REPLY does not name"));
        named.stream().filter(s -> !given.contains(s)).forEach(s -> problems.add("REPLY names " + s + ", never given"));
        return problems;
    }

    private static List<String> shapeProblems(Lua lua) {
        List<Shape> shapes = Header.of(lua).replies();
        List<Returned> returned = returnedTables(withRepliesHandedOn(lua));
        List<String> problems = new ArrayList<>();
        for (Returned table : returned) {
            if (table.status() != null && table.returned()
                    && shapes.stream().noneMatch(s -> s.status().equals(table.status()) && s.fits(table.items()))) {
                problems.add("returns {'" + table.status() + "', ...} of " + table.items() + " items, a shape REPLY lacks");
            }
        }
        for (Shape shape : shapes) {
            boolean made = returned.stream().anyMatch(t -> shape.status().equals(t.status())
                    && (t.returned() ? shape.fits(t.items()) : shape.more()));
            if (!made) problems.add("REPLY has {'" + shape.status() + "', ...} of " + shape.items() + " items, never returned");
        }
        return problems;
    }

    /** What {@code check} finds wrong in every script whose header is in form (the others fail the form's test). */
    private static List<String> problems(Function<Lua, List<String>> check) {
        List<String> all = new ArrayList<>();
        for (Lua lua : scripts()) {
            try {
                Header.of(lua);
            } catch (IllegalArgumentException outOfForm) {
                continue;
            }
            check.apply(lua).forEach(p -> all.add(lua + ": " + p));
        }
        return all;
    }

    private static Optional<Entry> tail(List<Entry> entries) {
        return entries.stream().filter(Entry::tail).findFirst();
    }

    // ---- the header

    /** One KEYS or ARGV entry: position n, or a tail from n on. */
    record Entry(int position, boolean tail, String what) {
        /** How many arguments each step of a tail takes: those in the first {..} group of {@code what}, else one. */
        int groupSize() {
            int[] depth = depths(what, false);
            int open = -1;
            for (int i = 0; i < what.length() && open < 0; i++) if (depth[i] == 0 && what.charAt(i) == '{') open = i;
            return open < 0 ? 1 : cut(what, depth, open, ',').size();
        }
    }

    /** One reply the header names: its status, how many items (the status too), and whether the last is "x...". */
    record Shape(String status, int items, boolean more) {
        boolean fits(int count) {
            return more ? count >= items - 1 : count == items;
        }
    }

    record Header(List<Entry> keys, List<Entry> argv, List<Shape> replies) {
        static Header of(Lua lua) {
            List<String> lines = new ArrayList<>();
            for (String line : lua.text().lines().takeWhile(l -> l.startsWith("--")).toList()) {
                if (line.startsWith(MORE) && line.length() > MORE.length() && line.charAt(MORE.length()) != ' '
                        && !lines.isEmpty()) {
                    lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + line.substring(MORE.length()));
                } else {
                    lines.add(line);
                }
            }
            Matcher first = FIRST.matcher(lines.isEmpty() ? "" : lines.get(0));
            require(first.matches(), "the first line is not `-- <name>: <sentence>.`");
            require(first.group(1).equals(lua.name()), "the first line names " + first.group(1) + ", not " + lua.name());
            String sentence = first.group(2);
            require(!sentence.substring(0, sentence.length() - 1).contains(". "), "the first line holds more than one sentence");
            require(lines.size() >= 4, "no KEYS, ARGV and REPLY lines");
            int end = lines.size();
            String keys = field(lines.get(end - 3), "KEYS");
            String argv = field(lines.get(end - 2), "ARGV");
            String reply = field(lines.get(end - 1), "REPLY");
            for (String prose : lines.subList(1, end - 3)) {
                require(prose.startsWith("-- ") && !prose.matches("-- (KEYS|ARGV|REPLY):.*"),
                        "a line before KEYS is not prose, or KEYS, ARGV and REPLY are not the last three, in order: " + prose);
            }
            return new Header(entries("KEYS", keys), entries("ARGV", argv), shapes(reply));
        }

        private static String field(String line, String label) {
            require(line.startsWith("-- " + label + ": "), "no `-- " + label + ": ` line where it belongs: " + line);
            return line.substring(label.length() + 5).strip();
        }

        private static List<Entry> entries(String label, String text) {
            if (text.equals("none")) return List.of();
            int[] depth = depths(text, false);
            List<String> pieces = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < text.length(); i++) {
                if (depth[i] == 0 && text.startsWith(", ", i) && ENTRY_START.matcher(text).region(i + 2, text.length()).lookingAt()) {
                    pieces.add(text.substring(from, i));
                    from = i + 2;
                }
            }
            pieces.add(text.substring(from));
            List<Entry> entries = new ArrayList<>();
            for (String piece : pieces) {
                Matcher m = ENTRY.matcher(piece);
                require(m.matches(), label + " entry is not `<n> <what>` or `<n>.. <what>`: " + piece);
                Entry entry = new Entry(Integer.parseInt(m.group(1)), m.group(2) != null, m.group(3));
                require(entries.isEmpty() || entry.position() > entries.get(entries.size() - 1).position(),
                        label + " positions do not rise at " + piece);
                require(entries.isEmpty() || !entries.get(entries.size() - 1).tail(), label + " has an entry after its tail");
                entries.add(entry);
            }
            return entries;
        }

        private static List<Shape> shapes(String text) {
            int[] depth = depths(text, false);
            List<Shape> shapes = new ArrayList<>();
            int from = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || (depth[i] == 0 && text.charAt(i) == '|')) {
                    String alternative = text.substring(from, i).strip();
                    Matcher status = SHAPE_START.matcher(alternative);
                    require(status.lookingAt(), "REPLY alternative is not `{'<STATUS>', ...}`: " + alternative);
                    List<String> items = cut(alternative, depths(alternative, false), 0, ',');
                    shapes.add(new Shape(status.group(1), items.size(), items.get(items.size() - 1).endsWith("...")));
                    from = i + 1;
                }
            }
            return shapes;
        }

        private static void require(boolean holds, String problem) {
            if (!holds) throw new IllegalArgumentException(problem);
        }
    }

    // ---- the Lua

    /** A script of {@code group}: its file's whole text. */
    record Lua(String group, String name, String text) {
        /** Its Lua without comments. */
        String code() {
            return uncommented(text);
        }

        /** The same script with the first {@code old} in its text made {@code replacement}. */
        Lua with(String old, String replacement) {
            if (!text.contains(old)) throw new IllegalArgumentException(old);
            return new Lua(group, name, text.replaceFirst(Pattern.quote(old), Matcher.quoteReplacement(replacement)));
        }

        @Override
        public String toString() {
            return group + "/" + name;
        }
    }

    /**
     * Where a script reads KEYS or ARGV: fixed positions; whether it reads them by a variable index or whole
     * (#ARGV, ipairs, unpack); where the loops over them start (those written with a number); and how many a
     * step reads (ARGV[i] to ARGV[i + k]: k + 1).
     */
    record Reads(Set<Integer> fixed, boolean varies, Set<Integer> starts, int groupSize) {}

    private static Reads reads(Lua lua, String array) {
        String code = library(lua.group()).withWhatRuns(lua.code());
        Set<Integer> fixed = new TreeSet<>();
        Matcher literal = Pattern.compile("\\b" + array + "\\[(\\d+)\\]").matcher(code);
        while (literal.find()) fixed.add(Integer.parseInt(literal.group(1)));
        int groupSize = 1;
        boolean varies = false;
        Matcher indexed = Pattern.compile("\\b" + array + "\\[\\s*[A-Za-z_]\\w*\\s*(?:\\+\\s*(\\d+)\\s*)?\\]").matcher(code);
        while (indexed.find()) {
            varies = true;
            groupSize = Math.max(groupSize, indexed.group(1) == null ? 1 : Integer.parseInt(indexed.group(1)) + 1);
        }
        varies |= Pattern.compile("#" + array + "\\b|\\b(?:i?pairs|unpack)\\(\\s*" + array + "\\b").matcher(code).find();
        Set<Integer> starts = new TreeSet<>();
        Matcher loop = Pattern.compile("\\bfor\\s+\\w+\\s*=\\s*(\\d+)\\s*,\\s*#" + array + "\\b"
                + "|\\bunpack\\(\\s*" + array + "\\s*,\\s*(\\d+)|\\bipairs\\(\\s*" + array + "\\s*\\)()").matcher(code);
        while (loop.find()) {
            starts.add(loop.group(1) != null ? Integer.parseInt(loop.group(1))
                    : loop.group(2) != null ? Integer.parseInt(loop.group(2)) : 1);
        }
        return new Reads(fixed, varies, starts, groupSize);
    }

    /** A table built in the script that starts with a status: whether it is returned as built, and its items. */
    record Returned(String status, int items, boolean returned) {}

    private static List<Returned> returnedTables(String code) {
        Set<Integer> returnedAt = new LinkedHashSet<>();
        Matcher ret = RETURN_TABLE.matcher(code);
        while (ret.find()) returnedAt.add(ret.end() - 1);
        int[] depth = depths(code, true);
        List<Returned> tables = new ArrayList<>();
        Matcher status = STATUS.matcher(code);
        while (status.find()) {
            if (depth[status.start()] < 0) continue;
            tables.add(new Returned(status.group(1), cut(code, depth, status.start(), ',').size(),
                    returnedAt.contains(status.start())));
        }
        return tables;
    }

    /**
     * A group's libraries, _common.lua and its _lib.lua: what runs at their top level (for every script of the
     * group), and each {@code local function}'s body (a one-line one, or up to its {@code end} at the margin).
     */
    record Library(String topLevel, Map<String, String> functions) {
        static Library of(String group) {
            StringBuilder top = new StringBuilder();
            Map<String, String> functions = new LinkedHashMap<>();
            String name = null;
            StringBuilder body = new StringBuilder();
            for (String line : uncommented(resource("_common.lua") + "\n" + resource(group + "/_lib.lua")).split("\n")) {
                Matcher start = FUNCTION.matcher(line);
                if (name != null) {
                    body.append(line).append('\n');
                    if (line.stripTrailing().equals("end")) {
                        functions.put(name, body.toString());
                        name = null;
                    }
                } else if (start.lookingAt() && line.stripTrailing().endsWith(" end")) {
                    functions.put(start.group(1), line.substring(start.end()));
                } else if (start.lookingAt()) {
                    name = start.group(1);
                    body.setLength(0);
                    body.append(line.substring(start.end())).append('\n');
                } else {
                    top.append(line).append('\n');
                }
            }
            if (name != null) throw new IllegalStateException(group + " library: function " + name + " has no end");
            return new Library(top.toString(), functions);
        }

        /** {@code code} with what runs with it: the libraries' top level and every function it reaches. */
        String withWhatRuns(String code) {
            StringBuilder all = new StringBuilder(topLevel).append('\n').append(code);
            Set<String> reached = new LinkedHashSet<>();
            for (boolean more = true; more; ) {
                more = false;
                for (var function : functions.entrySet()) {
                    if (!reached.contains(function.getKey())
                            && Pattern.compile("\\b" + function.getKey() + "\\(").matcher(all).find()) {
                        reached.add(function.getKey());
                        all.append('\n').append(function.getValue());
                        more = true;
                    }
                }
            }
            return all.toString();
        }
    }

    private static Library library(String group) {
        synchronized (LIBRARIES) {
            return LIBRARIES.computeIfAbsent(group, Library::of);
        }
    }

    // ---- text

    /**
     * The bracket depth at each character of {@code text}: a bracket counts outside itself, what it holds one
     * deeper. With {@code quotes}, what a Lua string holds (quotes included) is -1.
     */
    private static int[] depths(String text, boolean quotes) {
        int[] depth = new int[text.length()];
        int level = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quotes && (c == '\'' || c == '"')) {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c) end += text.charAt(end) == '\\' ? 2 : 1;
                for (int j = i; j <= end && j < text.length(); j++) depth[j] = -1;
                i = end;
                continue;
            }
            if (c == ')' || c == '}' || c == ']') level--;
            depth[i] = level;
            if (c == '(' || c == '{' || c == '[') level++;
        }
        return depth;
    }

    /** What the bracket at {@code open} holds, cut at each {@code separator} directly inside it. */
    private static List<String> cut(String text, int[] depth, int open, char separator) {
        List<String> items = new ArrayList<>();
        int inside = depth[open] + 1;
        int from = open + 1;
        for (int i = open + 1; i < text.length(); i++) {
            if (depth[i] == depth[open] && ")}]".indexOf(text.charAt(i)) >= 0) {
                items.add(text.substring(from, i).strip());
                return items;
            }
            if (depth[i] == inside && text.charAt(i) == separator) {
                items.add(text.substring(from, i).strip());
                from = i + 1;
            }
        }
        throw new IllegalArgumentException("no closing bracket for the one at " + open + " in " + text);
    }

    private static String uncommented(String lua) {
        return lua.replaceAll("--[^\n]*", "");
    }

    // ---- the files

    private static Path luaDirectory() {
        try {
            return Path.of(Script.class.getResource("lua").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Lua> scripts() {
        try (Stream<Path> files = Files.walk(luaDirectory(), 2)) {
            return files.filter(f -> f.getNameCount() > 0 && f.toString().endsWith(".lua")
                            && !f.getFileName().toString().startsWith("_"))
                    .sorted()
                    .map(f -> new Lua(f.getParent().getFileName().toString(),
                            f.getFileName().toString().replaceFirst("\\.lua$", ""), read(f)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Lua script(String group, String name) {
        return new Lua(group, name, resource(group + "/" + name + ".lua"));
    }

    private static String resource(String path) {
        return read(luaDirectory().resolve(path));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
