package org.convene.model;

/**
 * A person as the organisation's identity provider vouches for them: its {@code issuer} and the {@code subject} it
 * names them by (the person, never their e-mail), the e-mail it gives and whether it says the address is verified
 * (what audiences may match), the name it gives, and the Convene role its role claim maps to.
 */
public record ProviderIdentity(String issuer, String subject, String email, boolean emailVerified, String name,
                               GlobalRole role) {
    public ProviderIdentity {
        if (issuer == null || issuer.isBlank()) throw RefusedException.invalid("iss", "must be given");
        if (subject == null || subject.isBlank()) throw RefusedException.invalid("sub", "must be given");
        if (subject.length() > 255) throw RefusedException.invalid("sub", "must be at most 255 characters");
        if (role == null || role == GlobalRole.GUEST) throw RefusedException.invalid("role", "must be admin, organizer or member");
        email = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        name = name == null ? "" : Check.abbreviate(name.strip());
    }
}
