package org.convene.model;

/**
 * A person as the organisation's identity provider vouches for them: its {@code issuer} and the {@code subject} it
 * names them by (the person, never their e-mail), the e-mail it gives and whether it says the address is verified
 * (what audiences may match), the name it gives, and the Convene role its role claim maps to; whether the token spoke
 * of the e-mail and of the role at all (an access token may leave them out, which then changes nothing).
 */
public record ProviderIdentity(String issuer, String subject, String email, boolean emailVerified, String name,
                               GlobalRole role, boolean saysEmail, boolean saysRole) {
    /** A person as an ID token names them: all it says counts. */
    public ProviderIdentity(String issuer, String subject, String email, boolean emailVerified, String name, GlobalRole role) {
        this(issuer, subject, email, emailVerified, name, role, true, true);
    }

    public ProviderIdentity {
        if (issuer == null || issuer.isBlank()) throw RefusedException.invalid("iss", "must be given");
        if (subject == null || subject.isBlank()) throw RefusedException.invalid("sub", "must be given");
        if (subject.length() > 255) throw RefusedException.invalid("sub", "must be at most 255 characters");
        if (role == null || role == GlobalRole.GUEST) throw RefusedException.invalid("role", "must be admin, organizer or member");
        email = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        // An address no rule of Convene's takes, or one of the addresses it keeps for placeholders, is no address.
        if (!email.isEmpty() && (email.endsWith(".invalid") || !Check.isEmail(email))) {
            email = "";
            emailVerified = false;
        }
        name = name == null ? "" : Check.abbreviate(name.strip());
    }
}
