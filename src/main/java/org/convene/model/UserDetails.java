package org.convene.model;

/**
 * What an administrator gives to create or change a user; the e-mail is kept trimmed and lower-cased, the age is
 * null where nobody gave one (as most people are asked only for a name and an e-mail).
 * The constructor holds what every stored user satisfies; {@link #name(String)} and {@link #email(String)}
 * add the rules for what a client gives now, which users stored before them may break.
 */
public record UserDetails(String name, Integer age, String gender, String email) {
    public static final int MAX_NAME = 200;

    public UserDetails {
        name = Check.text("name", name, MAX_NAME, false).strip();
        if (age != null && (age < 0 || age > 150)) throw RefusedException.invalid("age", "must be between 0 and 150, was " + age);
        gender = Check.text("gender", gender == null ? "" : gender, 50, true).strip();
        email = Check.email("email", email);
    }

    /** The name as a client gives it: no bidirectional controls, which would make it read as another. */
    public static String name(String given) {
        return Check.withoutBidiControls("name", given);
    }

    /** The e-mail as a client gives it: letters, digits and {@code . _ % + -} before the @, no markup characters. */
    public static String email(String given) {
        return Check.givenEmail("email", given);
    }
}
