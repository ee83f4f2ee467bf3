package org.convene.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** Input rules shared by the value types; each failure names the field. */
final class Check {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    /**
     * What a new e-mail may be: letters, digits and {@code . _ % + -} before the @ (no leading, trailing or
     * doubled dot), letters, digits and hyphens in each label after it. No quote, angle bracket, apostrophe,
     * equals sign or slash, which matter wherever an address is shown, pasted or put into a header.
     */
    private static final Pattern GIVEN_EMAIL = Pattern.compile(
            "[\\p{L}\\p{M}\\p{Nd}_%+-]+(\\.[\\p{L}\\p{M}\\p{Nd}_%+-]+)*@[\\p{L}\\p{M}\\p{Nd}-]+(\\.[\\p{L}\\p{M}\\p{Nd}-]+)+");

    private Check() {}

    static long positiveId(String field, long id) {
        if (id <= 0) throw RefusedException.invalid(field, "must be a positive integer, was " + id);
        return id;
    }

    static String text(String field, String value, int maxCodePoints, boolean mayBeBlank) {
        if (value == null) throw RefusedException.invalid(field, "is required");
        if (!mayBeBlank && value.isBlank()) throw RefusedException.invalid(field, "must not be empty");
        int length = value.codePointCount(0, value.length());
        if (length > maxCodePoints) {
            throw RefusedException.invalid(field, "must be at most " + maxCodePoints + " characters, was " + length);
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
            throw RefusedException.invalid(field, "must not contain control characters");
        }
        return value;
    }

    /** Returns the e-mail trimmed and lower-cased, the form in which it is compared and stored. */
    static String email(String field, String value) {
        if (value == null) throw RefusedException.invalid(field, "is required");
        String normal = value.trim().toLowerCase(Locale.ROOT);
        if (normal.length() > 254 || !EMAIL.matcher(normal).matches()) {
            throw RefusedException.invalid(field, "is not a valid e-mail address: '" + abbreviate(value) + "'");
        }
        return normal;
    }

    /** Whether {@code normal} (trimmed, lower-cased) is an address as clients may give one now. */
    static boolean isEmail(String normal) {
        return normal.length() <= 254 && EMAIL.matcher(normal).matches() && GIVEN_EMAIL.matcher(normal).matches();
    }

    /**
     * Returns a new e-mail trimmed and lower-cased, or refuses it: {@link #email}'s rule and the stricter
     * {@link #GIVEN_EMAIL}. Only for what clients give, since addresses stored before the rule are read
     * back through {@link #email}.
     */
    static String givenEmail(String field, String value) {
        String normal = email(field, value);
        if (!GIVEN_EMAIL.matcher(normal).matches()) {
            throw RefusedException.invalid(field, "may have only letters, digits and . _ % + - before the @ and letters, "
                    + "digits and - after it: '" + abbreviate(value) + "'");
        }
        return normal;
    }

    /**
     * Returns {@code value} if it has no bidirectional embedding, override or isolate control (U+202A to
     * U+202E, U+2066 to U+2069): in a name or a title they make it read as something else (U+202E then
     * "gnp.exe" reads "exe.png"). Null passes, for the constructor to refuse as missing.
     */
    static String withoutBidiControls(String field, String value) {
        if (value != null && value.chars().anyMatch(c -> (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))) {
            throw RefusedException.invalid(field, "must not contain bidirectional controls (U+202A to U+202E, U+2066 to U+2069)");
        }
        return value;
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
