package org.convene.signin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.convene.model.GlobalRole;

/**
 * Reads a person's Convene role from a claim of the provider's token, at every sign-in: the claim at a dotted path
 * ({@code groups}, {@code realm_access.roles}) holds a value or a list of them; one of the administrator values makes
 * an administrator (only where claims are allowed to), one of the organizer values an organizer; else a member.
 */
record RoleClaim(String path, java.util.Set<String> adminValues, java.util.Set<String> organizerValues, boolean allowAdmin) {

    /** The role the claims give. */
    GlobalRole of(Map<String, Object> claims) {
        List<String> values = values(claims);
        if (allowAdmin && values.stream().anyMatch(adminValues::contains)) return GlobalRole.ADMIN;
        if (values.stream().anyMatch(organizerValues::contains)) return GlobalRole.ORGANIZER;
        return GlobalRole.MEMBER;
    }

    /** Whether the claims hold the role claim at all (an empty list says "no role"; an absent claim says nothing). */
    boolean present(Map<String, Object> claims) {
        if (path.isEmpty()) return false;
        Object at = claims;
        for (String step : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map) || !map.containsKey(step)) return false;
            at = map.get(step);
        }
        return true;
    }

    /** The claim's values at the path: none when it is absent or no path is configured. */
    List<String> values(Map<String, Object> claims) {
        if (path.isEmpty()) return List.of();
        Object at = claims;
        for (String step : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) return List.of();
            at = map.get(step);
        }
        List<String> values = new ArrayList<>();
        if (at instanceof Collection<?> many) many.forEach(v -> values.add(String.valueOf(v)));
        else if (at != null) values.add(String.valueOf(at));
        return values;
    }
}
