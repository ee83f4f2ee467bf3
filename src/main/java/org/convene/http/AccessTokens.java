package org.convene.http;

import org.convene.core.Credentials;

/** Token management for the command line: the administrator's and users' tokens, made and shown once. */
public final class AccessTokens {
    private AccessTokens() {}

    /** Makes a new administrator token, retiring the previous one, and returns it. */
    public static String rotateAdmin(Credentials credentials) {
        String token = Tokens.newToken();
        credentials.replaceAdminTokenHash(Tokens.hash(token));
        return token;
    }

    /** Makes a new token for a user, retiring the previous one, and returns it. */
    public static String rotateUser(Credentials credentials, long userId) {
        return new Tokens(credentials, java.util.Optional.empty()).issue(userId);
    }
}
