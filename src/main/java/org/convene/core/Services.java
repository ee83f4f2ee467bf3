package org.convene.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.convene.audit.AuditTrail;
import org.convene.core.port.Storage;
import org.convene.series.Recurrences;
import org.convene.webhook.Webhooks;

/**
 * The application as adapters see it: the operations, the access rules, the tokens, the chat
 * allowance, the recheck of open streams, the webhooks' administration, the sealed audit trail and people's data on request, built once and passed to the HTTP server and the
 * command line.
 */
public record Services(Convene convene, Access access, Tokens tokens, SignInLimit signIn, ChatRateLimit chatLimit,
                       StreamAdmission streams, Webhooks webhooks, Recurrences recurrences, Calendars calendars,
                       AuditTrail audit, PersonalData personal, SignIns signIns, Accounts accounts) {

    /**
     * The services on a store, on {@code clock}: tokens remembered for
     * {@code tokenCache}, a configured administrator token if any, {@code chatPerMinute} messages a
     * user, {@code signInFailuresPerMinute} failed sign-ins an address.
     */
    public static Services on(
            Storage store, Clock clock, Optional<String> configuredAdminToken, Duration tokenCache, int chatPerMinute,
            int signInFailuresPerMinute, Webhooks webhooks, Recurrences recurrences, AuditTrail audit) {
        return on(store, clock, configuredAdminToken, tokenCache, chatPerMinute, signInFailuresPerMinute, webhooks,
                recurrences, audit, Optional.empty(), SignIns.SignInPolicy.defaults(), Optional.empty());
    }

    /**
     * The services as {@link #on} makes them, with the identity provider's access tokens checked by {@code provider}
     * (none: no provider is configured), sign-ins going by {@code policy}, and local accounts' links sent by
     * {@code mail} where given.
     */
    public static Services on(
            Storage store, Clock clock, Optional<String> configuredAdminToken, Duration tokenCache, int chatPerMinute,
            int signInFailuresPerMinute, Webhooks webhooks, Recurrences recurrences, AuditTrail audit,
            Optional<AccessTokenCheck> provider, SignIns.SignInPolicy policy, Optional<Accounts.Mail> mail) {
        SignIns signIns = new SignIns(store.signIns(), provider, policy, clock);
        Tokens tokens = new Tokens(store.credentials(), signIns, configuredAdminToken, clock, tokenCache);
        Access access = new Access(store.audiences());
        Convene convene = new Convene(store, clock);
        return new Services(convene, access, tokens,
                new SignInLimit(tokens, signInFailuresPerMinute, clock), new ChatRateLimit(chatPerMinute, clock, store.allowances()),
                new StreamAdmission(tokens, access), webhooks, recurrences, new Calendars(convene, recurrences), audit,
                new PersonalData(convene, store.personal(), audit, clock), signIns,
                new Accounts(store.accounts(), store.meetings(), access, provider.isEmpty(), mail, clock));
    }
}
