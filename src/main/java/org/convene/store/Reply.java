package org.convene.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.model.Refusal;

/**
 * A script's reply, read by position with the type each position has. Every script answers
 * {@code {'OK', ...}} or {@code {'<REFUSAL>', args...}}, where the refusal is a {@link Refusal} name.
 */
final class Reply {
    private final List<Object> items;

    Reply(List<Object> items) {
        this.items = items;
    }

    /** Whether the script answered OK. */
    boolean isOk() {
        return "OK".equals(items.get(0));
    }

    /** The first item: OK, or the name of the refusal. */
    String status() {
        return (String) items.get(0);
    }

    /** This reply if it is OK, else throws the refusal it names with its arguments. */
    Reply ok() {
        if (isOk()) return this;
        throw Refusal.valueOf(status()).refuse(items.subList(1, items.size()).toArray());
    }

    String text(int index) {
        return (String) items.get(index);
    }

    /** The text at {@code index}, or null where the script answered false (nil) or gave no such item. */
    String textOrNull(int index) {
        return index < items.size() ? (String) items.get(index) : null;
    }

    long number(int index) {
        return number(items.get(index));
    }

    boolean isNull(int index) {
        return items.get(index) == null;
    }

    /** The item as a nested list of items (an empty list for nil). */
    List<Object> list(int index) {
        return list(items.get(index));
    }

    /** The item as a list of numbers. */
    List<Long> numbers(int index) {
        return list(index).stream().map(Reply::number).toList();
    }

    /** The nested lists at {@code index}, each as a reply of its own. */
    List<Reply> rows(int index) {
        return list(index).stream().map(row -> new Reply(list(row))).toList();
    }

    /** The item as a hash, from Redis's flat field, value, field, value... form. */
    Map<String, String> hash(int index) {
        return hash(items.get(index));
    }

    int size() {
        return items.size();
    }

    static long number(Object value) {
        return value instanceof Long n ? n : Long.parseLong((String) value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    static Map<String, String> hash(Object flat) {
        List<Object> items = list(flat);
        Map<String, String> map = new HashMap<>(items.size());
        for (int i = 0; i + 1 < items.size(); i += 2) map.put((String) items.get(i), (String) items.get(i + 1));
        return map;
    }
}
