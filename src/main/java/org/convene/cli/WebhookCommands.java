package org.convene.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.convene.model.Refusal;
import org.convene.view.WebhookViews;
import org.convene.webhook.Delivery;
import org.convene.webhook.DeliveryStatus;
import org.convene.webhook.Endpoint;
import org.convene.webhook.EndpointDetails;
import org.convene.webhook.EventKind;
import org.convene.webhook.Webhooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/** {@code convene webhook ...}: endpoints, their delivery log and replays (deliveries go out from {@code convene serve}). */
@Command(name = "webhook", description = "Manage webhook endpoints and their deliveries.", mixinStandardHelpOptions = true)
final class WebhookCommands {
    @ParentCommand
    ConveneCommand root;

    @Command(mixinStandardHelpOptions = true, name = "add", description = "Add an endpoint; its signing secret is shown once.")
    void add(@Parameters(paramLabel = "URL", description = "Where to POST events (http:// or https://).") String url,
             @Option(names = "--events", split = ",", paramLabel = "TYPE",
                     description = "Event types to send, such as participant.joined (default: all).") List<String> events,
             @Option(names = "--description", defaultValue = "", description = "What the endpoint is for.") String description) {
        Webhooks.WithSecret made = webhooks().create(new EndpointDetails(EndpointDetails.url(url), kinds(events), description));
        root.output().lines(List.of("Webhook " + made.endpoint().id() + " added: " + line(made.endpoint()),
                "Signing secret (shown only now): " + made.secret()), WebhookViews.WithSecretView.of(made));
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "List the endpoints.")
    void list() {
        List<Endpoint> all = webhooks().endpoints();
        root.output().lines(all.isEmpty() ? List.of("No webhooks") : all.stream().map(WebhookCommands::line).toList(),
                all.stream().map(WebhookViews.EndpointView::of).toList());
    }

    @Command(mixinStandardHelpOptions = true, name = "remove", description = "Remove an endpoint and what it has queued.")
    void remove(@Parameters(paramLabel = "WEBHOOK", converter = Converters.Id.class, description = "The endpoint's id.") long id) {
        webhooks().delete(id);
        root.output().result("Webhook " + id + " removed", Map.of("removed", id));
    }

    @Command(mixinStandardHelpOptions = true, name = "deliveries", description = "Show an endpoint's delivery log, newest first.")
    void deliveries(@Parameters(paramLabel = "WEBHOOK", converter = Converters.Id.class, description = "The endpoint's id.") long id,
                    @Option(names = "--status", description = "Only deliveries in this status: pending, retrying, delivered, failed.") String status,
                    @Option(names = "--before", paramLabel = "DELIVERY", description = "Only deliveries older than this one.") Long before,
                    @Option(names = "--limit", defaultValue = "50", description = "At most this many (1 to 1000).") int limit) {
        List<Delivery> page = webhooks().deliveries(id, status == null ? Optional.empty() : Optional.of(DeliveryStatus.of(status)),
                before == null ? OptionalLong.empty() : OptionalLong.of(before), limit);
        root.output().lines(page.isEmpty() ? List.of("No deliveries") : page.stream().map(WebhookCommands::line).toList(),
                page.stream().map(WebhookViews.DeliveryView::of).toList());
    }

    @Command(mixinStandardHelpOptions = true, name = "replay",
            description = "Send a delivery's message again (same webhook-id), or every message since a time.")
    void replay(@Parameters(paramLabel = "WEBHOOK", converter = Converters.Id.class, description = "The endpoint's id.") long id,
                @Parameters(paramLabel = "DELIVERY", arity = "0..1", description = "The delivery to send again.") Long delivery,
                @Option(names = "--since", paramLabel = "TIME",
                        description = "Instead: every message sent since this time: ISO-8601, or a distance back such as -2h.") String sinceText) {
        Instant since = null;
        if (sinceText != null) {
            try {
                since = Converters.Time.parse(sinceText, root.context.clock().instant());
            } catch (TypeConversionException e) {
                throw new ParameterException(root.spec.commandLine(),
                        "Invalid value for option '--since': " + e.getMessage());
            }
        }
        if ((delivery == null) == (since == null)) {
            throw Refusal.INVALID_INPUT.refuse("give either a DELIVERY or --since, not both or neither");
        }
        if (delivery != null) {
            Delivery made = webhooks().replay(id, delivery);
            root.output().result("Delivery " + delivery + " queued again as delivery " + made.id(), WebhookViews.DeliveryView.of(made));
        } else {
            int replayed = webhooks().replaySince(id, since);
            root.output().result(replayed + " messages queued again", new WebhookViews.ReplayedView(replayed));
        }
    }

    private Webhooks webhooks() {
        return root.context.services().webhooks();
    }

    private static Set<EventKind> kinds(List<String> names) {
        if (names == null || names.isEmpty() || names.contains("*")) return Set.of();
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        names.forEach(n -> kinds.add(EventKind.of(n)));
        return kinds;
    }

    private static String line(Endpoint e) {
        List<String> parts = new ArrayList<>(List.of("#" + e.id(), e.details().url().toString(),
                e.details().events().isEmpty() ? "all events" : e.details().events().stream().map(EventKind::wire)
                        .sorted().reduce((a, b) -> a + "," + b).orElse("")));
        if (!e.enabled()) parts.add("DISABLED" + e.disabledReason().map(r -> " (" + r + ")").orElse(""));
        if (!e.details().description().isEmpty()) parts.add("\"" + e.details().description() + "\"");
        return String.join("  ", parts);
    }

    private static String line(Delivery d) {
        return "#" + d.id() + "  " + d.status().wire() + "  " + d.type() + "  instance " + d.instanceId() + "  "
                + d.messageId() + "  attempts " + d.attempts() + (d.lastCode().isPresent() ? "  last " + d.lastCode().getAsInt() : "")
                + d.lastError().map(e -> "  (" + e + ")").orElse("") + d.nextAttemptAt().map(t -> "  next " + t).orElse("");
    }
}
