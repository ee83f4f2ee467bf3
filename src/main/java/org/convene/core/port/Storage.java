package org.convene.core.port;

/**
 * Where Convene keeps its state, as the ports of its capabilities: a storage adapter hands out one
 * part for each, and each part implements its port itself.
 */
public interface Storage {

    UserStore users();

    /** A person's traces, read for their export and erased on request. */
    PersonalRecords personal();

    /** Token hashes of the users and of the administrator. */
    Credentials credentials();

    /** People of the identity provider, console sessions and sign-ins under way. */
    SignInStore signIns();

    /** Local accounts: invitations, passwords and links to set a new one. */
    AccountStore accounts();

    MeetingCatalog meetings();

    /** Whom each meeting is open to: what the access rules decide on. */
    Audiences audiences();

    Roster roster();

    /** Bans, and what else a meeting's hosts do that outlasts one instance. */
    Moderation moderation();

    /** Each occurrence's lobby, where people wait until a host lets them in. */
    LobbyStore lobby();

    /** Guest links of occurrences, and the guests they make. */
    GuestStore guests();

    ChatLog chat();

    EventHistory history();

    AttendanceLog attendance();

    /** The live feeds as written (see {@link LiveFeeds#committed()} for what streams read). */
    LiveFeeds feeds();

    /** Allowances every node shares, such as each user's chat allowance. */
    Allowances allowances();

    Maintenance maintenance();
}
