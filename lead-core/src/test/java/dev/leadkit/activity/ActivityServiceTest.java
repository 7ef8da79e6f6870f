package dev.leadkit.activity;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.ConflictException;
import dev.leadkit.FieldError;
import dev.leadkit.ValidationException;
import dev.leadkit.access.AccessRules;
import dev.leadkit.access.Right;
import dev.leadkit.access.Role;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.event.Notification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityServiceTest {

    private final Fixture f = new Fixture();
    private final Instant due = Fixture.T0.plus(Duration.ofDays(3));

    private Activity aysesTask() {
        return f.kit.activities().schedule(f.ayse, f.aysesLead.id(), ActivityDraft.task("Send the offer").due(due)
                .reminders(ReminderOffset.DAY, ReminderOffset.HOUR, ReminderOffset.AT_DUE).build());
    }

    private static List<String> codes(Throwable e) {
        return ((ValidationException) e).errors().stream().map(FieldError::code).toList();
    }

    // ------------------------------------------------------------------ scheduling and logging

    @Test
    void aScheduledTaskIsStoredNormalisedWithItsHistoryEntryAndEvent() {
        Activity task = f.kit.activities().schedule(f.ayse, f.aysesLead.id(),
                ActivityDraft.task("  Cafe\u0301 ile görüşme  ").due(due.plusNanos(123_456_789))
                        .duration(Duration.ofMinutes(30)).reminders(ReminderOffset.DAY).build());

        assertThat(task.subject()).isEqualTo("Café ile görüşme");
        assertThat(task.due()).contains(due.plusNanos(123_456_000));
        assertThat(task.assigneeId()).isEqualTo("ayse");
        assertThat(task.done()).isFalse();
        assertThat(task.version()).isEqualTo(1);
        assertThat(f.kit.activities().get(f.ayse, task.id())).isEqualTo(task);
        assertThat(f.kit.leads().history(f.ayse, f.aysesLead.id())).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(HistoryAction.ACTIVITY_ADDED);
            assertThat(entry.changes()).extracting(FieldChange::field).containsExactly(
                    "activity:" + task.id() + ".type", "activity:" + task.id() + ".subject",
                    "activity:" + task.id() + ".due", "activity:" + task.id() + ".duration",
                    "activity:" + task.id() + ".assignee", "activity:" + task.id() + ".reminders");
            assertThat(entry.changes()).filteredOn(c -> c.field().endsWith(".reminders"))
                    .singleElement().extracting(FieldChange::after).isEqualTo(java.util.Optional.of("1d"));
        });
        assertThat(f.published(LeadEvent.ActivityLogged.class)).containsExactly(new LeadEvent.ActivityLogged(
                f.aysesLead.id().value(), "ayse", Fixture.T0, task.id(), "task", false));
        assertThat(f.notifications.delivered()).isEmpty();
    }

    @Test
    void aLoggedCallIsDoneNowAndItsEventSaysSo() {
        f.clock.advance(Duration.ofMinutes(7));
        Activity call = f.kit.activities().log(f.ayse, f.aysesLead.id(), ActivityDraft.call("Aradım, teklif istiyor").build());

        assertThat(call.done()).isTrue();
        assertThat(call.doneAt()).contains(Fixture.T0.plus(Duration.ofMinutes(7)));
        assertThat(call.overdue(Fixture.T0.plus(Duration.ofDays(400)))).isFalse();
        assertThat(f.published(LeadEvent.ActivityLogged.class)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("call");
            assertThat(e.done()).isTrue();
        });
    }

    @Test
    void overdueFollowsTheInjectedClock() {
        Activity task = aysesTask();
        assertThat(task.overdue(f.kit.clock().instant())).isFalse();

        f.clock.set(due);
        assertThat(task.overdue(f.kit.clock().instant())).as("exactly at the due time").isFalse();

        f.clock.set(due.plusNanos(1_000));
        assertThat(task.overdue(f.kit.clock().instant())).isTrue();

        Activity done = f.kit.activities().complete(f.ayse, task.id());
        assertThat(done.overdue(f.kit.clock().instant())).isFalse();
        assertThat(f.kit.activities().schedule(f.ayse, f.aysesLead.id(), ActivityDraft.task("No due time").build())
                .overdue(Instant.MAX)).isFalse();
    }

    @Test
    void hostDefinedTypesAreAcceptedOnlyWhereConfigured() {
        ActivityType visit = ActivityType.of("site-visit");
        Fixture configured = new Fixture(b -> b.activityTypes(visit));
        assertThat(configured.kit.activities().types()).containsExactlyInAnyOrder(
                ActivityType.CALL, ActivityType.MEETING, ActivityType.TASK, ActivityType.EMAIL, visit);
        Activity stored = configured.kit.activities().schedule(configured.ayse, configured.aysesLead.id(),
                ActivityDraft.builder(visit, "Showroom").build());
        assertThat(stored.type()).isEqualTo(visit);

        assertThatThrownBy(() -> f.kit.activities().schedule(f.ayse, f.aysesLead.id(),
                ActivityDraft.builder(visit, "Showroom").build()))
                .isInstanceOf(ValidationException.class).satisfies(e -> assertThat(codes(e)).containsExactly("activity.type.unknown"));
        assertThatThrownBy(() -> ActivityType.of("Site Visit")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidValuesAreAllReportedAtOnceAndNothingIsStored() {
        ActivityDraft bad = ActivityDraft.meeting("Line\u0007bell").start(due).due(due.minusSeconds(1))
                .duration(Duration.ofDays(30).plusSeconds(1)).attendees("nobody").build();
        assertThatThrownBy(() -> f.kit.activities().schedule(f.ayse, f.aysesLead.id(), bad))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(codes(e)).containsExactly("activity.subject.invalid",
                        "activity.duration.out_of_range", "activity.due.before_start", "activity.attendee.unknown"));
        assertThatThrownBy(() -> f.kit.activities().schedule(f.ayse, f.aysesLead.id(),
                ActivityDraft.task("   ").reminders(ReminderOffset.HOUR).build()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(codes(e)).containsExactly("activity.subject.required", "activity.reminders.need_due"));
        assertThatThrownBy(() -> f.kit.activities().schedule(f.ayse, f.aysesLead.id(),
                ActivityDraft.task("ş".repeat(201)).due(Instant.parse("1899-12-31T23:59:59Z")).build()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(codes(e)).containsExactly("activity.subject.too_long", "activity.due.out_of_range"));

        assertThat(f.kit.activities().list(f.ayse, f.aysesLead.id())).isEmpty();
        assertThat(f.kit.leads().history(f.ayse, f.aysesLead.id())).extracting(e -> e.action())
                .containsExactly(HistoryAction.CREATED);
        assertThat(f.events).isEmpty();
    }

    @Test
    void aSubjectOfTwoHundredEmojiFits() {
        Activity task = f.kit.activities().schedule(f.ayse, f.aysesLead.id(), ActivityDraft.task("🚀".repeat(200)).build());
        assertThat(task.subject().codePointCount(0, task.subject().length())).isEqualTo(200);
    }

    // ------------------------------------------------------------------ assigning

    @Test
    void aPlainUserCannotAssignToOthers() {
        assertThatThrownBy(() -> f.kit.activities().schedule(f.ayse, f.aysesLead.id(),
                ActivityDraft.task("Call her back").assignee("mehmet").build()))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.right()).isEqualTo(Right.ASSIGN_OTHERS);
                    assertThat(e.getMessage()).contains("assign-others").contains("MANAGER");
                });
        assertThat(f.kit.activities().list(f.ayse, f.aysesLead.id())).isEmpty();
        assertThat(f.notifications.delivered()).isEmpty();

        Activity own = f.kit.activities().schedule(f.ayse, f.aysesLead.id(),
                ActivityDraft.task("Call her back").assignee("ayse").build());
        assertThat(own.assigneeId()).isEqualTo("ayse");
    }

    @Test
    void aManagerMayAssignToOthersWhoAreNotifiedAfterCommit() {
        Activity task = f.kit.activities().schedule(f.mette, f.jonassLead.id(),
                ActivityDraft.task("Ring tilbage").due(due).assignee("jonas").build());

        assertThat(task.assigneeId()).isEqualTo("jonas");
        assertThat(task.createdBy()).isEqualTo("mette");
        assertThat(f.notified("activity.assigned")).singleElement().satisfies(n -> {
            assertThat(n.recipientId()).isEqualTo("jonas");
            assertThat(n.leadId()).contains(f.jonassLead.id().value());
            assertThat(n.params()).containsEntry("activityId", task.id()).containsEntry("by", "mette");
        });
    }

    @Test
    void theRolesThatMayAssignToOthersAreConfigurable() {
        Fixture everyone = new Fixture(b -> b.accessRules(AccessRules.defaults().withAssignOthersRoles(EnumSet.allOf(Role.class))));
        assertThat(everyone.kit.activities().schedule(everyone.ayse, everyone.aysesLead.id(),
                ActivityDraft.task("Teklif").assignee("mehmet").build()).assigneeId()).isEqualTo("mehmet");

        Fixture nobody = new Fixture(b -> b.accessRules(AccessRules.defaults().withAssignOthersRoles(Set.of())));
        assertThatThrownBy(() -> nobody.kit.activities().schedule(nobody.mette, nobody.jonassLead.id(),
                ActivityDraft.task("Ring").assignee("jonas").build()))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.ASSIGN_OTHERS));
    }

    @Test
    void theAssigneeMustBeAnActiveUserWhoCanViewTheLead() {
        assertThatThrownBy(() -> f.kit.activities().schedule(f.admin, f.aysesLead.id(),
                ActivityDraft.task("Teklif").assignee("emre").build()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(codes(e)).containsExactly("activity.assignee.cannot_view"));
        assertThatThrownBy(() -> f.kit.activities().schedule(f.admin, f.aysesLead.id(),
                ActivityDraft.task("Teklif").assignee("ghost").build()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(codes(e)).containsExactly("activity.assignee.unknown"));
        assertThat(f.kit.activities().schedule(f.admin, f.aysesLead.id(),
                ActivityDraft.task("Teklif").assignee("mehmet").build()).assigneeId()).isEqualTo("mehmet");
    }

    @Test
    void reassigningToAnotherUserNeedsAssignOthersButTakingItOneselfDoesNot() {
        Activity task = f.kit.activities().schedule(f.admin, f.aysesLead.id(),
                ActivityDraft.task("Teklif").assignee("mehmet").build());
        assertThatThrownBy(() -> f.kit.activities().update(f.ayse, task.id(),
                ActivityPatch.builder().assignee("admin").build(), task.version()))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.ASSIGN_OTHERS));

        Activity changedButStillMehmets = f.kit.activities().update(f.ayse, task.id(),
                ActivityPatch.builder().subject("Teklif v2").build(), task.version());
        assertThat(changedButStillMehmets.assigneeId()).isEqualTo("mehmet");

        Activity taken = f.kit.activities().update(f.ayse, task.id(),
                ActivityPatch.builder().assignee("ayse").build(), changedButStillMehmets.version());
        assertThat(taken.assigneeId()).isEqualTo("ayse");
    }

    // ------------------------------------------------------------------ changing, completing

    @Test
    void anUpdateRecordsChangedPropertiesAndAStaleVersionConflicts() {
        Activity task = aysesTask();
        Activity moved = f.kit.activities().update(f.ayse, task.id(), ActivityPatch.builder()
                .due(due.plusSeconds(3600)).reminders(ReminderOffset.MINUTES_15).duration(Duration.ofMinutes(20)).build(),
                task.version());

        assertThat(moved.version()).isEqualTo(2);
        assertThat(moved.due()).contains(due.plusSeconds(3600));
        assertThat(moved.reminders()).containsExactly(ReminderOffset.MINUTES_15);
        assertThat(f.kit.leads().history(f.ayse, f.aysesLead.id())).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(HistoryAction.ACTIVITY_CHANGED);
            assertThat(entry.changes()).extracting(FieldChange::field).containsExactly(
                    "activity:" + task.id() + ".due", "activity:" + task.id() + ".duration",
                    "activity:" + task.id() + ".reminders");
        });
        assertThat(f.published(LeadEvent.ActivityChanged.class)).singleElement()
                .extracting(LeadEvent.ActivityChanged::properties).isEqualTo(Set.of("due", "duration", "reminders"));

        assertThatThrownBy(() -> f.kit.activities().update(f.ayse, task.id(),
                ActivityPatch.builder().subject("Stale").build(), task.version()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("activity.version.stale"));

        Activity same = f.kit.activities().update(f.ayse, task.id(), ActivityPatch.builder().subject(" Send the offer ").build(),
                moved.version());
        assertThat(same).isEqualTo(moved);

        assertThatThrownBy(() -> f.kit.activities().update(f.ayse, task.id(), ActivityPatch.builder().clearDue().build(),
                moved.version()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(codes(e)).containsExactly("activity.reminders.need_due"));
    }

    @Test
    void completingAndReopeningAreRecordedOnce() {
        Activity task = aysesTask();
        f.clock.advance(Duration.ofHours(2));
        Activity done = f.kit.activities().complete(f.ayse, task.id());
        assertThat(done.doneAt()).contains(Fixture.T0.plus(Duration.ofHours(2)));
        assertThat(f.kit.activities().complete(f.ayse, task.id())).isEqualTo(done);

        Activity open = f.kit.activities().reopen(f.ayse, task.id());
        assertThat(open.done()).isFalse();
        assertThat(open.version()).isEqualTo(3);
        assertThat(f.kit.activities().reopen(f.ayse, task.id())).isEqualTo(open);

        assertThat(f.kit.leads().history(f.ayse, f.aysesLead.id())).extracting(e -> e.action()).containsExactly(
                HistoryAction.CREATED, HistoryAction.ACTIVITY_ADDED, HistoryAction.ACTIVITY_COMPLETED,
                HistoryAction.ACTIVITY_REOPENED);
        assertThat(f.published(LeadEvent.ActivityCompleted.class)).containsExactly(new LeadEvent.ActivityCompleted(
                f.aysesLead.id().value(), "ayse", Fixture.T0.plus(Duration.ofHours(2)), task.id(), "task"));
    }

    @Test
    void theAssigneeMayCompleteTheirTaskWithViewAloneButNotChangeIt() {
        f.kit.access().grant(f.ayse, f.aysesLead.id(), "emre", Set.of(Right.VIEW));
        Activity task = f.kit.activities().schedule(f.admin, f.aysesLead.id(), ActivityDraft.task("Teklif").assignee("emre").build());

        assertThat(f.kit.activities().complete(f.emre, task.id()).done()).isTrue();
        assertThatThrownBy(() -> f.kit.activities().update(f.emre, task.id(), ActivityPatch.builder().subject("Mine").build(), 2))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.EDIT));
        assertThatThrownBy(() -> f.kit.activities().complete(f.jonas, task.id()))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.EDIT));
    }

    @Test
    void aUserWithoutViewCannotReadActivitiesAndADeletedLeadTakesNoNewOnes() {
        Activity task = aysesTask();
        assertThatThrownBy(() -> f.kit.activities().list(f.emre, f.aysesLead.id()))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.VIEW));
        assertThatThrownBy(() -> f.kit.activities().get(f.emre, task.id()))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.VIEW));

        f.kit.leads().delete(f.ayse, f.aysesLead.id());
        assertThatThrownBy(() -> f.kit.activities().schedule(f.ayse, f.aysesLead.id(), ActivityDraft.task("Late").build()))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.right()).isEqualTo(Right.EDIT);
                    assertThat(e.getMessage()).contains("deleted");
                });
    }

    @Test
    void aLeadsActivitiesAreListedByDueOrStartThenId() {
        Activity later = f.kit.activities().schedule(f.ayse, f.aysesLead.id(), ActivityDraft.task("Later").due(due).build());
        Activity undated = f.kit.activities().schedule(f.ayse, f.aysesLead.id(), ActivityDraft.task("Some day").build());
        Activity meeting = f.kit.activities().schedule(f.ayse, f.aysesLead.id(),
                ActivityDraft.meeting("Soon").start(due.minusSeconds(60)).build());
        assertThat(f.kit.activities().list(f.mehmet, f.aysesLead.id()))
                .extracting(Activity::id).containsExactly(meeting.id(), later.id(), undated.id());
    }

    // ------------------------------------------------------------------ attendees

    @Test
    void attendeesAreInvitedAndAcceptOrDecline() {
        Activity meeting = f.kit.activities().schedule(f.ayse, f.aysesLead.id(), ActivityDraft.meeting("Demo")
                .start(due).due(due).duration(Duration.ofMinutes(45)).attendees("mehmet", "emre", "ayse").build());
        assertThat(meeting.attendees()).containsOnlyKeys("ayse", "emre", "mehmet")
                .allSatisfy((user, response) -> assertThat(response).isEqualTo(Activity.Response.PENDING));
        assertThat(f.notified("activity.invited")).extracting(Notification::recipientId).containsExactly("emre", "mehmet");

        f.kit.activities().respond(f.mehmet, meeting.id(), Activity.Response.ACCEPTED);
        Activity answered = f.kit.activities().respond(f.emre, meeting.id(), Activity.Response.DECLINED);

        assertThat(answered.attendees()).containsEntry("mehmet", Activity.Response.ACCEPTED)
                .containsEntry("emre", Activity.Response.DECLINED).containsEntry("ayse", Activity.Response.PENDING);
        assertThat(f.kit.activities().get(f.ayse, meeting.id())).isEqualTo(answered);
        assertThat(f.notified("activity.responded")).extracting(n -> n.params().get("response"))
                .containsExactly("accepted", "declined");
        assertThat(f.kit.leads().history(f.ayse, f.aysesLead.id())).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(HistoryAction.ATTENDEE_RESPONDED);
            assertThat(entry.actorId()).isEqualTo("emre");
            assertThat(entry.changes()).containsExactly(
                    FieldChange.of("activity:" + meeting.id() + ".attendee:emre", "pending", "declined"));
        });
        assertThat(f.kit.activities().respond(f.emre, meeting.id(), Activity.Response.DECLINED)).isEqualTo(answered);
    }

    @Test
    void onlyAttendeesAnswerAndOnlyWithAcceptOrDecline() {
        Activity meeting = f.kit.activities().schedule(f.ayse, f.aysesLead.id(), ActivityDraft.meeting("Demo")
                .attendees("mehmet").build());
        assertThatThrownBy(() -> f.kit.activities().respond(f.admin, meeting.id(), Activity.Response.ACCEPTED))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.getMessage()).contains("only an attendee"));
        assertThatThrownBy(() -> f.kit.activities().respond(f.mehmet, meeting.id(), Activity.Response.PENDING))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void changingTheAttendeesKeepsTheAnswersOfThoseWhoStay() {
        Activity meeting = f.kit.activities().schedule(f.ayse, f.aysesLead.id(), ActivityDraft.meeting("Demo")
                .attendees("mehmet", "emre").build());
        Activity answered = f.kit.activities().respond(f.mehmet, meeting.id(), Activity.Response.ACCEPTED);
        f.notifications.clear();

        Activity changed = f.kit.activities().update(f.ayse, meeting.id(),
                ActivityPatch.builder().attendees("mehmet", "jonas").build(), answered.version());

        assertThat(changed.attendees()).containsEntry("mehmet", Activity.Response.ACCEPTED)
                .containsEntry("jonas", Activity.Response.PENDING).doesNotContainKey("emre");
        assertThat(f.notified("activity.invited")).extracting(Notification::recipientId).containsExactly("jonas");
    }

    // ------------------------------------------------------------------ reminders

    @Test
    void remindersFireInHalfOpenWindowsForTheAssignee() {
        Activity task = f.kit.activities().schedule(f.admin, f.aysesLead.id(), ActivityDraft.task("Teklif").due(due)
                .assignee("mehmet").reminders(ReminderOffset.DAY, ReminderOffset.HOUR, ReminderOffset.AT_DUE).build());
        Instant dayBefore = due.minus(Duration.ofDays(1));
        Instant hourBefore = due.minus(Duration.ofHours(1));

        assertThat(f.kit.activities().reminders(f.admin, dayBefore, hourBefore)).singleElement().satisfies(r -> {
            assertThat(r.offset()).isEqualTo(ReminderOffset.DAY);
            assertThat(r.fireAt()).isEqualTo(dayBefore);
            assertThat(r.recipientId()).isEqualTo("mehmet");
            assertThat(r.activity()).isEqualTo(task);
        });
        assertThat(f.kit.activities().reminders(f.admin, hourBefore, due)).extracting(Reminder::offset)
                .containsExactly(ReminderOffset.HOUR);
        assertThat(f.kit.activities().reminders(f.admin, due, due)).isEmpty();
        assertThat(f.kit.activities().reminders(f.admin, due, due.plusNanos(1_000))).extracting(Reminder::offset)
                .containsExactly(ReminderOffset.AT_DUE);
        assertThat(f.kit.activities().reminders(f.admin, dayBefore.minusSeconds(1), due.plusSeconds(1)))
                .extracting(Reminder::offset).containsExactly(ReminderOffset.DAY, ReminderOffset.HOUR, ReminderOffset.AT_DUE);
        assertThatThrownBy(() -> f.kit.activities().reminders(f.admin, due, dayBefore)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void remindersAreScopedToLeadsTheActorSeesAndStopWhenDoneOrDeleted() {
        Activity aysesTask = aysesTask();
        f.kit.activities().schedule(f.jonas, f.jonassLead.id(), ActivityDraft.task("Ring").due(due)
                .reminders(ReminderOffset.AT_DUE).build());
        Instant from = due.minus(Duration.ofDays(2));
        Instant to = due.plusSeconds(1);

        assertThat(f.kit.activities().reminders(f.ayse, from, to)).extracting(r -> r.activity().id())
                .containsOnly(aysesTask.id());
        assertThat(f.kit.activities().reminders(f.mehmet, from, to)).hasSize(3);
        assertThat(f.kit.activities().reminders(f.mette, from, to)).extracting(r -> r.recipientId()).containsExactly("jonas");
        assertThat(f.kit.activities().reminders(f.emre, from, to)).isEmpty();
        assertThat(f.kit.activities().reminders(f.admin, from, to)).hasSize(4);

        f.kit.activities().complete(f.ayse, aysesTask.id());
        assertThat(f.kit.activities().reminders(f.ayse, from, to)).isEmpty();
        f.kit.activities().reopen(f.ayse, aysesTask.id());
        assertThat(f.kit.activities().reminders(f.ayse, from, to)).hasSize(3);
        f.kit.leads().delete(f.ayse, f.aysesLead.id());
        assertThat(f.kit.activities().reminders(f.admin, from, to)).hasSize(1);
    }
}
