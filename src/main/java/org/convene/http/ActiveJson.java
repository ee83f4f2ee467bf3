package org.convene.http;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.convene.model.ActiveInstance;
import org.convene.view.Json;
import org.convene.view.Views;

/**
 * The JSON of the active instances and of the join times, built once per change rather than once per request: the store
 * answers an unchanged view with the same objects, so each instance's JSON (with and without its
 * participants) is kept beside it, and a list is only the joining of its parts. What a caller may
 * see of each instance still decides which part goes in.
 */
final class ActiveJson {
    private final Map<ActiveInstance, String[]> parts = new IdentityHashMap<>();
    private List<ActiveInstance> lastList;
    private String lastActive;

    /** The active instances: every active instance with its meeting, the same for every caller. */
    synchronized String active(List<ActiveInstance> list) {
        if (list != lastList) remember(list);
        if (lastActive == null) lastActive = join(list, a -> false);
        return lastActive;
    }

    /** The join times as a caller sees them: participants of the instances {@code seesInside} admits. */
    synchronized String joinTimes(List<ActiveInstance> list, Predicate<ActiveInstance> seesInside) {
        if (list != lastList) remember(list);
        return join(list, seesInside);
    }

    private void remember(List<ActiveInstance> list) {
        lastList = list;
        lastActive = null;
        Map<ActiveInstance, Boolean> current = new IdentityHashMap<>();
        list.forEach(a -> current.put(a, true));
        parts.keySet().removeIf(a -> !current.containsKey(a));
    }

    private String join(List<ActiveInstance> list, Predicate<ActiveInstance> withParticipants) {
        StringBuilder json = new StringBuilder(list.size() * 256).append('[');
        for (int i = 0; i < list.size(); i++) {
            ActiveInstance a = list.get(i);
            boolean inside = withParticipants.test(a);
            String[] known = parts.computeIfAbsent(a, key -> new String[2]);
            int slot = inside ? 1 : 0;
            if (known[slot] == null) known[slot] = Json.toString(Views.ActiveView.of(a, inside));
            if (i > 0) json.append(',');
            json.append(known[slot]);
        }
        return json.append(']').toString();
    }
}
