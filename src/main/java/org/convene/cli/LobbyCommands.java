package org.convene.cli;

import java.util.Map;
import org.convene.model.Actor;
import org.convene.model.AdmitAll;
import org.convene.model.Lobby;
import org.convene.model.LobbyState;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** An occurrence's lobby, as root: who waits, and letting them in or turning them away (each recorded). */
@Command(name = "lobby", description = "Who waits in an occurrence's lobby, and letting them in, as root.",
        mixinStandardHelpOptions = true)
final class LobbyCommands {
    @ParentCommand
    ConveneCommand root;

    @Command(mixinStandardHelpOptions = true, name = "show", description = "Who waits, in order, and the seats kept.")
    void show(@Parameters(paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The instance's id.") long id) {
        Lobby lobby = root.convene().lobbies().lobby(id);
        StringBuilder text = new StringBuilder(lobby.waitingCount() == 0 ? "Nobody is waiting"
                : lobby.waitingCount() + (lobby.waitingCount() == 1 ? " person waits" : " people wait"));
        for (Lobby.Waiter w : lobby.waiting()) {
            text.append(System.lineSeparator()).append(w.position()).append(". ").append(w.name()).append(" (user ")
                    .append(w.userId()).append("), since ").append(w.since());
        }
        for (Lobby.Admitted a : lobby.admitted()) {
            text.append(System.lineSeparator()).append("Admitted, not in yet: ").append(a.name()).append(" (user ")
                    .append(a.userId()).append("), seat kept until ").append(a.until());
        }
        if (lobby.free() != null) text.append(System.lineSeparator()).append(lobby.free()).append(" of ")
                .append(lobby.capacity()).append(" seats free");
        root.output().result(text.toString(), lobby);
    }

    @Command(mixinStandardHelpOptions = true, name = "admit", description = "Let a waiter in: a seat is kept for them for a minute; recorded.")
    void admit(@Parameters(index = "0", paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The instance's id.") long id,
               @Parameters(index = "1", paramLabel = "USER", converter = Converters.Id.class, description = "The waiter's user id.") long user) {
        LobbyState state = root.convene().lobbies().admit(id, user, Actor.ROOT, "cli");
        root.output().result("User " + user + " is " + state.wire(), Map.of("instanceId", id, "userId", user, "state", state.wire()));
    }

    @Command(mixinStandardHelpOptions = true, name = "deny", description = "Turn a waiter away from this occurrence; recorded.")
    void deny(@Parameters(index = "0", paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The instance's id.") long id,
              @Parameters(index = "1", paramLabel = "USER", converter = Converters.Id.class, description = "The waiter's user id.") long user) {
        LobbyState state = root.convene().lobbies().deny(id, user, Actor.ROOT, "cli");
        root.output().result("User " + user + " is " + state.wire(), Map.of("instanceId", id, "userId", user, "state", state.wire()));
    }

    @Command(mixinStandardHelpOptions = true, name = "admit-all", description = "Let everyone waiting in, in order, as far as the seats go; recorded.")
    void admitAll(@Parameters(paramLabel = "INSTANCE", converter = Converters.Id.class, description = "The instance's id.") long id) {
        AdmitAll all = root.convene().lobbies().admitAll(id, Actor.ROOT, "cli");
        root.output().result("Let " + all.admitted().size() + " in" + (all.stillWaiting() > 0
                ? "; " + all.stillWaiting() + " still waiting (no seat is free)" : ""), all);
    }
}
