package org.convene.model;

/**
 * What an administrator gives to create or change a user; the e-mail is kept trimmed and lower-cased.
 */
public record UserDetails(String name, int age, String gender, String email) {
    public static final int MAX_NAME = 200;

    public UserDetails {
        name = Check.text("name", name, MAX_NAME, false).strip();
        if (age < 0 || age > 150) throw RefusedException.invalid("age", "must be between 0 and 150, was " + age);
        gender = Check.text("gender", gender == null ? "" : gender, 50, true).strip();
        email = Check.email("email", email);
    }
}
