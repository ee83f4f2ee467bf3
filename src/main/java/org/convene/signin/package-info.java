/**
 * The organisation's identity provider over OpenID Connect, with the nimbus SDK: its discovery document and signing
 * keys ({@code Discovery}), its access tokens checked as bearer tokens, and the console's sign-in by
 * the authorization code flow with PKCE ({@code OidcLogin}); {@link org.convene.signin.OidcProvider}
 * hands the core a check and a login.
 */
package org.convene.signin;
