package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.convene.audit.AuditEntry;
import org.convene.audit.AuditLine;
import org.convene.audit.AuditSealer;
import org.convene.audit.AuditTrail;
import org.convene.audit.AuditVerifier;
import org.convene.audit.SealKey;
import org.convene.core.PersonalData;
import org.convene.model.Acting;
import org.convene.model.Actor;
import org.convene.model.AttendanceReport;
import org.convene.model.ChatMessage;
import org.convene.model.GlobalRole;
import org.convene.model.MeetingDetails;
import org.convene.model.Refusal;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person's data on a real Redis: the export holds what every slot keeps about them, and an erasure takes their texts
 * and details out everywhere while counts, durations and the sealed audit chains (which still verify) stay. The world:
 * in jane's meeting John and Jane talk in an active instance; John co-hosts another of her meetings and is banned
 * from a third, neither of which he ever joined.
 */
abstract class PersonalDataContract extends StoreContract {
    static final SealKey KEY = SealKey.generate();
    AuditTrail trail;
    PersonalData personal;
    long talk;
    long instance;
    long cohosted;
    long banned;

    @BeforeEach
    void johnTalksCohostsAndIsBanned() {
        trail = new AuditTrail(store.audit(), KEY);
        personal = new PersonalData(convene, store.personal(), trail, clock);
        convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r-1");
        talk = convene.createMeeting(new MeetingDetails("Talk", "", true, List.of()), jane.id()).id();
        instance = convene.createInstance(talk, new TimeWindow(clock.instant().minus(minutes(1)), clock.instant().plus(hours(1)))).id();
        convene.join(john.id(), instance);
        convene.join(jane.id(), instance);
        convene.post(john.id(), instance, "hello from John");
        convene.post(jane.id(), instance, "hello John");
        convene.post(john.id(), instance, "my number is 555-0100");
        clock.advance(minutes(5));
        cohosted = convene.createMeeting(new MeetingDetails("Planning", "", true, List.of()), jane.id()).id();
        convene.hosting().appoint(cohosted, john.id(), Actor.ROOT, "r-2");
        banned = convene.createMeeting(new MeetingDetails("Quiet", "", true, List.of()), jane.id()).id();
        convene.bans().ban(banned, john.id(), null, "noise", Actor.ROOT, "r-3");
    }

    AuditSealer sealer() {
        return trail.sealer(clock, java.time.Duration.ofSeconds(2));
    }

    List<AuditLine> export() {
        List<AuditLine> lines = new ArrayList<>();
        trail.export(Instant.EPOCH, clock.instant().plus(hours(1)), lines::add);
        return lines;
    }

    AuditVerifier.Verdict verify(List<AuditLine> lines) {
        return AuditVerifier.verify(lines, SealKey.publicKey(KEY.publicBase64()));
    }

    AuditLine.Sealed created(List<AuditLine> lines, long userId) {
        return lines.stream().filter(l -> l instanceof AuditLine.Sealed s && "user_created".equals(s.entry().fields().get("action"))
                && ("user:" + userId).equals(s.entry().fields().get("target"))).map(l -> (AuditLine.Sealed) l).findFirst().orElseThrow();
    }

    PersonalData.Erasure eraseJohn() {
        return personal.erase(john.id(), "asked to be forgotten (ticket 7)", OptionalLong.empty(), Acting.ROOT);
    }

    @Test
    void erasingSomeoneWhoOnlyWaitedInALobbyRenamesTheWaitInTheReport() {
        long quiet = convene.createMeeting(new MeetingDetails("Closed door", "", false, List.of()), jane.id()).id();
        convene.hosting().changeOptions(quiet, new org.convene.core.Hosting.OptionChanges(null, null, null,
                org.convene.model.MeetingOptions.LobbyPolicy.OUTSIDERS), Actor.ROOT, "r-l");
        long door = convene.createInstance(quiet, new TimeWindow(clock.instant().minus(minutes(1)),
                clock.instant().plus(hours(1)))).id();
        convene.enter(john.id(), door);

        eraseJohn();

        assertThat(convene.attendance(door).waited()).extracting(w -> w.name()).containsExactly("Erased user #" + john.id());
    }

    @Test
    void anExportHoldsTheProfileMessagesCohostingBansAndTheRecordsNamingThePerson() {
        sealer().tick();

        PersonalData.Export export = personal.export(john.id());

        assertThat(export.user().details().email()).isEqualTo(john.details().email());
        assertThat(export.cohosted()).containsExactly(cohosted);
        assertThat(export.meetings()).anySatisfy(t -> {
            assertThat(t.meetingId()).isEqualTo(talk);
            assertThat(t.messages()).extracting(ChatMessage::text).containsExactly("hello from John", "my number is 555-0100");
        });
        assertThat(export.meetings()).anySatisfy(t -> {
            assertThat(t.meetingId()).isEqualTo(banned);
            assertThat(t.ban()).hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo("noise"));
        });
        assertThat(export.attendance()).extracting(r -> r.instance().id()).containsExactly(instance);
        assertThat(export.events()).isNotEmpty();
        assertThat(export.audit()).extracting(e -> e.fields().get("action"))
                .contains("user_created", "cohost_appointed", "participant_banned");
        assertThat(export.audit()).filteredOn(e -> "user_created".equals(e.fields().get("action")))
                .singleElement().satisfies(e -> assertThat(e.fields()).containsEntry("p.name", john.details().name()));
    }

    @Test
    void anErasureRemovesTheirTextsAndNameButKeepsOthersTextsCountsAndDurations() {
        AttendanceReport before = convene.attendance(instance);

        PersonalData.Erasure done = eraseJohn();

        assertThat(done.erasedNow()).isTrue();
        assertThat(done.messages()).isEqualTo(2);
        assertThat(convene.chat(instance, 0, 10)).extracting(ChatMessage::id, ChatMessage::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "[removed]"), org.assertj.core.groups.Tuple.tuple(2L, "hello John"),
                        org.assertj.core.groups.Tuple.tuple(3L, "[removed]"));
        AttendanceReport after = convene.attendance(instance);
        assertThat(after.attendees()).filteredOn(r -> r.attendee().userId() == john.id()).singleElement().satisfies(r -> {
            assertThat(r.attendee().name()).isEqualTo("Erased user #" + john.id());
            // Erasing deletes them, which takes them out of the instance: their time inside ends there and stays.
            assertThat(r.attendee().segments()).singleElement().satisfies(s -> {
                assertThat(s.joinedAt()).isEqualTo(before.attendees().stream().filter(b -> b.attendee().userId() == john.id())
                        .findFirst().orElseThrow().attendee().segments().get(0).joinedAt());
                assertThat(s.leftAt()).isEqualTo(clock.instant());
                assertThat(s.endedBy()).isEqualTo(org.convene.model.SegmentEnd.REMOVED);
            });
        });
        assertThat(convene.userExists(john.id())).isFalse();
    }

    @Test
    void anErasedPersonsSealedRecordsStillVerifyWithoutTheirDetails() {
        sealer().tick();

        eraseJohn();
        sealer().tick();

        List<AuditLine> lines = export();
        assertThat(verify(lines).intact()).as(verify(lines).problem()).isTrue();
        AuditLine.Sealed johns = created(lines, john.id());
        assertThat(johns.entry().fields()).doesNotContainKeys("p.name", "p.email", "p.age", "p.gender");
        assertThat(johns.seal().digests()).containsKeys("p.name", "p.email");
        assertThat(johns.salt()).isEmpty();
        assertThat(store.audit().salt(john.id(), false)).isEmpty();
    }

    @Test
    void aPersonalFieldEditedInAnExportIsNamed() {
        sealer().tick();
        List<AuditLine> lines = new ArrayList<>(export());
        AuditLine.Sealed janes = created(lines, jane.id());
        var fields = new java.util.TreeMap<>(janes.entry().fields());
        fields.put("p.name", "Someone Else");

        lines.set(lines.indexOf(janes), new AuditLine.Sealed(janes.line(), new AuditEntry(janes.entry().chain(),
                janes.entry().seq(), fields), janes.seal(), janes.salt()));

        assertThat(verify(lines).problem()).endsWith("its personal field p.name does not match its digest (edited)");
    }

    @Test
    void aRecordAboutAPersonErasedBeforeItsSealIsBlankedByTheSealer() {
        convene.updateUser(john.id(), new UserDetails("Johnny", john.details().age(), john.details().gender(),
                john.details().email()), OptionalLong.empty());

        eraseJohn();
        sealer().tick();

        List<AuditEntry> johns = trail.naming(john.id());
        assertThat(johns).filteredOn(e -> e.subject().orElse(0) == john.id() && !e.personal().isEmpty())
                .isNotEmpty().allSatisfy(e -> assertThat(e.erased()).isTrue());
        assertThat(verify(export()).intact()).isTrue();
    }

    @Test
    void erasingAgainChangesNothingAndRecordsNothingNew() {
        eraseJohn();
        int records = store.audit().after("users", 0, 1_000).size();

        PersonalData.Erasure again = eraseJohn();

        assertThat(again.erasedNow()).isFalse();
        assertThat(store.audit().after("users", 0, 1_000)).hasSize(records);
    }

    @Test
    void anOwnerIsErasedOnlyWithSomeoneToHandTheirMeetingsTo() {
        assertRefused(() -> personal.erase(jane.id(), "leaving", OptionalLong.empty(), Acting.ROOT), Refusal.OWNS_MEETINGS,
                "User " + jane.id() + " owns meetings " + talk + ", " + cohosted + ", " + banned
                        + ": hand them over first, or delete with handTo naming an organizer or administrator to hand them to");
        User admin = convene.createUser(new UserDetails("Ada", 40, "f", "ada@example.com"));
        convene.roles().change(admin.id(), GlobalRole.ADMIN, Actor.ROOT, "r");

        personal.erase(jane.id(), "leaving", OptionalLong.of(admin.id()), Acting.ROOT);

        assertThat(convene.meeting(talk).owner()).hasValue(admin.id());
    }

    @Test
    void anErasureWithoutAReasonIsRefusedAndChangesNothing() {
        assertRefused(() -> personal.erase(john.id(), " ", OptionalLong.empty(), Acting.ROOT), Refusal.INVALID_INPUT,
                "reason is required: say why the person is erased");
        assertThat(convene.userExists(john.id())).isTrue();
    }
}
