package dev.leadkit.lead;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.FieldError;
import dev.leadkit.LeadKit;
import dev.leadkit.LeadKitException;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.Right;
import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.store.Store;
import dev.leadkit.store.TransactionalWork;
import dev.leadkit.store.memory.InMemoryStore;
import dev.leadkit.support.TestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static dev.leadkit.support.TestKit.ADMIN;
import static dev.leadkit.support.TestKit.AYSE;
import static dev.leadkit.support.TestKit.FORMER;
import static dev.leadkit.support.TestKit.JONAS;
import static dev.leadkit.support.TestKit.STRANGER;
import static dev.leadkit.support.TestKit.egon;
import static dev.leadkit.support.Failures.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class LeadServiceTest {

    private TestKit t;
    private LeadService leads;

    @BeforeEach
    void setUp() {
        t = TestKit.create();
        leads = t.kit.leads();
    }

    private static LeadPatch set(LeadField field, String value) {
        return LeadPatch.builder().set(field, value).build();
    }

    private static ValidationException validationFailure(ThrowingCallable call) {
        return thrownBy(ValidationException.class, call);
    }

    private static String codeOf(Throwable e) {
        return ((LeadKitException) e).code();
    }

    @Nested
    class Create {

        @Test
        void aNewLeadGetsTheDefaultStatusSourceLeadDateAndTheCreatorAsOwner() {
            Lead lead = leads.create(AYSE, egon().build());

            assertThat(lead.status()).isEqualTo("new");
            assertThat(lead.source()).isEqualTo("reference");
            assertThat(lead.leadDate()).isEqualTo(t.now());
            assertThat(lead.owner()).contains("ayse");
            assertThat(lead.createdBy()).isEqualTo("ayse");
            assertThat(lead.createdAt()).isEqualTo(t.now());
            assertThat(lead.updatedAt()).isEqualTo(t.now());
            assertThat(lead.version()).isEqualTo(1);
            assertThat(lead.isDeleted()).isFalse();
        }

        @Test
        void timestampsKeepMicrosecondsSoAStoredLeadReadsBackEqual() {
            Lead lead = leads.create(AYSE, egon().build());

            assertThat(lead.createdAt()).isEqualTo(Instant.parse("2026-03-02T10:15:30.123456Z"));
            assertThat(leads.get(AYSE, lead.id())).isEqualTo(lead);
        }

        @Test
        void aDraftMayNameAnotherActiveUserAsOwner() {
            Lead lead = leads.create(AYSE, egon().owner("jonas").build());

            assertThat(lead.owner()).contains("jonas");
            assertThat(lead.createdBy()).isEqualTo("ayse");
        }

        @Test
        void anUnassignedDraftLeavesTheOwnerEmpty() {
            Lead lead = leads.create(AYSE, egon().unassigned().build());

            assertThat(lead.owner()).isEmpty();
            assertThat(leads.get(AYSE, lead.id()).owner()).isEmpty();
        }

        @Test
        void anOwnerUnknownToTheDirectoryIsRejected() {
            ValidationException e = validationFailure(() -> leads.create(AYSE, egon().owner("nobody").build()));

            assertThat(e.errors()).extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("owner", "lead.owner.unknown"));
            assertThat(leads.count(AYSE)).isZero();
        }

        @Test
        void anInactiveOwnerIsRejected() {
            ValidationException e = validationFailure(() -> leads.create(AYSE, egon().owner("former").build()));

            assertThat(e.errors()).extracting(FieldError::code).containsExactly("lead.owner.unknown");
        }

        @Test
        void aDraftMayChooseAnActiveStatusSourceAndAPastLeadDate() {
            Instant yesterday = t.now().minus(Duration.ofDays(1));

            Lead lead = leads.create(AYSE, egon().status("contacted").source("web_form").leadDate(yesterday).build());

            assertThat(lead.status()).isEqualTo("contacted");
            assertThat(lead.source()).isEqualTo("web_form");
            assertThat(lead.leadDate()).isEqualTo(yesterday);
        }

        @Test
        void theValuesOfALeadCannotBeChangedBehindTheServicesBack() {
            Lead lead = leads.create(AYSE, egon().build());

            assertThatThrownBy(() -> lead.values().put(LeadField.CITY, "Riga"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void idsComeFromTheInjectedGenerator() {
            Lead first = leads.create(AYSE, egon().build());
            Lead second = leads.create(AYSE, egon().build());

            assertThat(first.id()).isEqualTo(LeadId.of("lead-1"));
            assertThat(second.id()).isEqualTo(LeadId.of("lead-2"));
        }
    }

    @Nested
    class Normalisation {

        @Test
        void decomposedLettersAreStoredComposed() {
            // Typed with combining marks (NFD). "ø" has no canonical decomposition, so the decomposed
            // letters are ö (Sören), å (Kierkegård), ğ (Ağaoğlu), ž and ė (Žėkas).
            LeadDraft draft = LeadDraft.builder().firstName("So\u0308ren").lastName("Kierkega\u030Ard")
                    .company("Ag\u0306aog\u0306lu Ltd").city("Z\u030Ce\u0307kas").build();

            Lead lead = leads.create(AYSE, draft);

            assertThat(lead.firstName()).contains("S\u00F6ren");
            assertThat(lead.lastName()).contains("Kierkeg\u00E5rd");
            assertThat(lead.company()).contains("A\u011Fao\u011Flu Ltd");
            assertThat(lead.get(LeadField.CITY)).contains("\u017D\u0117kas");
        }

        @Test
        void surroundingBlanksAreTrimmedAndBlankValuesAreDropped() {
            Lead lead = leads.create(AYSE, LeadDraft.builder().firstName("  Søren ").lastName(" Ærø\u2003")
                    .title("   ").build());

            assertThat(lead.firstName()).contains("Søren");
            assertThat(lead.lastName()).contains("Ærø");
            assertThat(lead.get(LeadField.TITLE)).isEmpty();
            assertThat(lead.values()).doesNotContainKey(LeadField.TITLE);
        }

        @Test
        void emailIsStoredLowerCase() {
            Lead lead = leads.create(AYSE, egon().email(" Egon.Tester@Gardinfirmaet.DK ").build());

            assertThat(lead.email()).contains("egon.tester@gardinfirmaet.dk");
        }

        @Test
        void lineBreaksInTheDescriptionBecomeLineFeeds() {
            Lead lead = leads.create(AYSE, egon().description("Ring tilbage\r\nefter kl. 14\rtak\n\tSøren").build());

            assertThat(lead.get(LeadField.DESCRIPTION)).contains("Ring tilbage\nefter kl. 14\ntak\n\tSøren");
        }
    }

    @Nested
    class Reading {

        @Test
        void getReturnsTheStoredLead() {
            Lead created = leads.create(AYSE, egon().email("egon@gardinfirmaet.dk").build());

            assertThat(leads.get(JONAS, created.id())).isEqualTo(created);
        }

        @Test
        void getOfAnUnknownIdIsNotFound() {
            assertThatThrownBy(() -> leads.get(AYSE, LeadId.of("missing")))
                    .isInstanceOf(NotFoundException.class)
                    .extracting(LeadServiceTest::codeOf).isEqualTo("lead.not_found");
        }

        @Test
        void aLeadIsFoundByItsExternalIdAlsoWhenTheQueryHasBlanks() {
            Lead created = leads.create(AYSE, egon().externalId("crm-42").build());

            assertThat(leads.findByExternalId(AYSE, "crm-42")).contains(created);
            assertThat(leads.findByExternalId(AYSE, " crm-42 ")).contains(created);
            assertThat(leads.findByExternalId(AYSE, "CRM-42")).isEmpty();
            assertThat(leads.findByExternalId(AYSE, "crm-43")).isEmpty();
            assertThat(leads.findByExternalId(AYSE, "  ")).isEmpty();
        }

        @Test
        void listShowsNewestFirstAndCountCountsLeadsThatAreNotDeleted() {
            Lead first = leads.create(AYSE, egon().build());
            t.clock.advance(Duration.ofMinutes(1));
            Lead second = leads.create(AYSE, egon().build());

            assertThat(leads.list(AYSE, 0, 10)).containsExactly(second, first);
            assertThat(leads.list(AYSE, 1, 10)).containsExactly(first);
            assertThat(leads.count(AYSE)).isEqualTo(2);
        }
    }

    @Nested
    class Update {

        private Lead lead;

        @BeforeEach
        void aStoredLead() {
            lead = leads.create(AYSE, egon().email("egon@gardinfirmaet.dk").phone("+45 33 12 34 56").build());
            t.clock.advance(Duration.ofHours(1));
        }

        @Test
        void aPatchSetsAndClearsFieldsAndKeepsTheRest() {
            LeadPatch patch = LeadPatch.builder().set(LeadField.COMPANY, "Gardinfirmaet ApS")
                    .clear(LeadField.PHONE).build();

            Lead updated = leads.update(AYSE, lead.id(), patch, lead.version());

            assertThat(updated.version()).isEqualTo(2);
            assertThat(updated.company()).contains("Gardinfirmaet ApS");
            assertThat(updated.phone()).isEmpty();
            assertThat(updated.email()).isEqualTo(lead.email());
            assertThat(updated.firstName()).contains("Egon");
            assertThat(updated.updatedAt()).isEqualTo(t.now());
            assertThat(updated.createdAt()).isEqualTo(lead.createdAt());
            assertThat(leads.get(AYSE, lead.id())).isEqualTo(updated);
        }

        @Test
        void settingAFieldToBlanksClearsIt() {
            Lead updated = leads.update(AYSE, lead.id(), set(LeadField.PHONE, "   "), lead.version());

            assertThat(updated.phone()).isEmpty();
        }

        @Test
        void aPatchThatChangesNothingKeepsTheVersionAndWritesNoHistory() {
            LeadPatch sameValues = LeadPatch.builder().set(LeadField.FIRST_NAME, " Egon ")
                    .set(LeadField.EMAIL, "EGON@gardinfirmaet.dk").clear(LeadField.COMPANY).build();

            Lead result = leads.update(AYSE, lead.id(), sameValues, lead.version());
            Lead emptyPatch = leads.update(AYSE, lead.id(), LeadPatch.builder().build(), lead.version());

            assertThat(result).isEqualTo(lead);
            assertThat(emptyPatch).isEqualTo(lead);
            assertThat(leads.history(AYSE, lead.id())).hasSize(1);
            assertThat(t.published).hasSize(1);
        }

        @Test
        void clearingARequiredFieldIsRejectedAndChangesNothing() {
            ValidationException e = validationFailure(() -> leads.update(AYSE, lead.id(),
                    LeadPatch.builder().clear(LeadField.LAST_NAME).set(LeadField.CITY, "Odense").build(),
                    lead.version()));

            assertThat(e.errors()).extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("lastName", "lead.field.required"));
            assertThat(leads.get(AYSE, lead.id())).isEqualTo(lead);
        }

        @Test
        void statusSourceAndLeadDateCannotBeCleared() {
            ValidationException e = validationFailure(() -> leads.update(AYSE, lead.id(), LeadPatch.builder()
                    .clear(LeadField.STATUS).clear(LeadField.SOURCE).set(LeadField.LEAD_DATE, " ").build(), lead.version()));

            assertThat(e.errors()).extracting(FieldError::field)
                    .containsExactlyInAnyOrder("status", "source", "leadDate");
            assertThat(e.errors()).extracting(FieldError::code).containsOnly("lead.field.required");
        }

        @Test
        void anUpdateBasedOnAStaleVersionConflictsAndChangesNothing() {
            Lead current = leads.update(JONAS, lead.id(), set(LeadField.CITY, "Kaunas"), lead.version());
            t.published.clear();

            assertThatThrownBy(() -> leads.update(AYSE, lead.id(), set(LeadField.CITY, "Aarhus"), lead.version()))
                    .isInstanceOf(ConflictException.class)
                    .extracting(LeadServiceTest::codeOf).isEqualTo("lead.version.stale");
            assertThat(leads.get(AYSE, lead.id())).isEqualTo(current);
            assertThat(leads.history(AYSE, lead.id())).hasSize(2);
            assertThat(t.published).isEmpty();
        }

        @Test
        void anUpdateOfADeletedLeadConflicts() {
            Lead deleted = leads.delete(AYSE, lead.id());

            assertThatThrownBy(() -> leads.update(AYSE, lead.id(), set(LeadField.CITY, "Aarhus"), deleted.version()))
                    .isInstanceOf(ConflictException.class)
                    .extracting(LeadServiceTest::codeOf).isEqualTo("lead.deleted");
            assertThat(leads.get(AYSE, lead.id())).isEqualTo(deleted);
        }

        @Test
        void anUpdateOfAnUnknownLeadIsNotFound() {
            assertThatThrownBy(() -> leads.update(AYSE, LeadId.of("missing"), set(LeadField.CITY, "Riga"), 1))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void anInvalidNewValueIsRejectedWithItsField() {
            ValidationException e = validationFailure(() -> leads.update(AYSE, lead.id(),
                    set(LeadField.EMAIL, "egon@"), lead.version()));

            assertThat(e.errors()).extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("email", "lead.email.invalid"));
            assertThat(leads.get(AYSE, lead.id())).isEqualTo(lead);
        }

        @Test
        void theOwnerCannotBeChangedByAPatch() {
            assertThatThrownBy(() -> LeadPatch.builder().set(LeadField.OWNER, "jonas"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class SoftDelete {

        @Test
        void aDeletedLeadLeavesListAndCountButCanStillBeRead() {
            Lead kept = leads.create(AYSE, egon().build());
            Lead lead = leads.create(AYSE, egon().build());

            Lead deleted = leads.delete(AYSE, lead.id());

            assertThat(deleted.isDeleted()).isTrue();
            assertThat(deleted.version()).isEqualTo(lead.version() + 1);
            assertThat(leads.list(AYSE, 0, 10)).containsExactly(kept);
            assertThat(leads.count(AYSE)).isEqualTo(1);
            assertThat(leads.listIncludingDeleted(AYSE, 0, 10)).contains(deleted, kept);
            assertThat(leads.get(AYSE, lead.id())).isEqualTo(deleted);
            assertThat(leads.history(AYSE, lead.id())).extracting(HistoryEntry::action)
                    .containsExactly(HistoryAction.CREATED, HistoryAction.DELETED);
        }

        @Test
        void aRestoredLeadIsBackInTheListWithItsValuesAndHistory() {
            Lead lead = leads.create(AYSE, egon().email("egon@gardinfirmaet.dk").build());
            leads.delete(AYSE, lead.id());

            Lead restored = leads.restore(AYSE, lead.id());

            assertThat(restored.isDeleted()).isFalse();
            assertThat(restored.values()).isEqualTo(lead.values());
            assertThat(leads.list(AYSE, 0, 10)).containsExactly(restored);
            assertThat(leads.count(AYSE)).isEqualTo(1);
            assertThat(leads.history(AYSE, lead.id())).extracting(HistoryEntry::action)
                    .containsExactly(HistoryAction.CREATED, HistoryAction.DELETED, HistoryAction.RESTORED);
        }

        @Test
        void deletingADeletedLeadOrRestoringALiveOneChangesNothing() {
            Lead lead = leads.create(AYSE, egon().build());
            Lead unchanged = leads.restore(AYSE, lead.id());
            Lead deleted = leads.delete(AYSE, lead.id());
            Lead again = leads.delete(AYSE, lead.id());

            assertThat(unchanged).isEqualTo(lead);
            assertThat(again).isEqualTo(deleted);
            assertThat(leads.history(AYSE, lead.id())).hasSize(2);
            assertThat(t.published).hasSize(2);
        }
    }

    @Nested
    class History {

        @Test
        void theCreatedEntryListsEveryInitialValueWithAnEmptyBefore() {
            Lead lead = leads.create(AYSE, egon().email("egon@gardinfirmaet.dk").build());

            HistoryEntry created = leads.history(AYSE, lead.id()).get(0);

            assertThat(created.action()).isEqualTo(HistoryAction.CREATED);
            assertThat(created.actorId()).isEqualTo("ayse");
            assertThat(created.at()).isEqualTo(t.now());
            assertThat(created.leadId()).isEqualTo(lead.id().value());
            assertThat(created.changes()).allSatisfy(c -> assertThat(c.before()).isEmpty());
            assertThat(created.changes()).extracting(FieldChange::field).containsExactly(
                    "firstName", "lastName", "email", "source", "status", "leadDate", "owner");
            for (FieldChange change : created.changes()) {
                LeadField field = LeadField.byKey(change.field()).orElseThrow();
                assertThat(change.after()).as(change.field()).isEqualTo(lead.get(field));
            }
        }

        @Test
        void anUpdatedEntryListsOnlyTheChangedFieldsWithOldAndNewValues() {
            Lead lead = leads.create(AYSE, egon().email("egon@gardinfirmaet.dk").city("Odense").build());
            t.clock.advance(Duration.ofMinutes(5));

            leads.update(JONAS, lead.id(), LeadPatch.builder().set(LeadField.CITY, "Aarhus")
                    .clear(LeadField.EMAIL).set(LeadField.LAST_NAME, "Tester").set(LeadField.TITLE, "Indkøber").build(),
                    lead.version());

            HistoryEntry updated = leads.history(AYSE, lead.id()).get(1);
            assertThat(updated.action()).isEqualTo(HistoryAction.UPDATED);
            assertThat(updated.actorId()).isEqualTo("jonas");
            assertThat(updated.at()).isEqualTo(t.now());
            assertThat(updated.changes()).containsExactly(
                    FieldChange.of("email", "egon@gardinfirmaet.dk", null),
                    FieldChange.of("title", null, "Indkøber"),
                    FieldChange.of("city", "Odense", "Aarhus"));
        }

        @Test
        void deleteAndRestoreAreRecordedWithActorAndTime() {
            Lead lead = leads.create(AYSE, egon().build());
            Instant deletedAt = t.clock.advance(Duration.ofMinutes(1));
            leads.delete(JONAS, lead.id());
            Instant restoredAt = t.clock.advance(Duration.ofMinutes(1));
            leads.restore(ADMIN, lead.id());

            List<HistoryEntry> history = leads.history(AYSE, lead.id());

            assertThat(history).extracting(HistoryEntry::action, HistoryEntry::actorId).containsExactly(
                    tuple(HistoryAction.CREATED, "ayse"),
                    tuple(HistoryAction.DELETED, "jonas"),
                    tuple(HistoryAction.RESTORED, "admin"));
            assertThat(history.get(1).at()).isEqualTo(deletedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            assertThat(history.get(2).at()).isEqualTo(restoredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            assertThat(history.get(1).changes()).containsExactly(FieldChange.of("deleted", "false", "true"));
            assertThat(history.get(2).changes()).containsExactly(FieldChange.of("deleted", "true", "false"));
        }

        @Test
        void sequencesIncreaseInTheOrderThingsHappened() {
            Lead lead = leads.create(AYSE, egon().build());
            Lead other = leads.create(AYSE, egon().build());
            Lead v2 = leads.update(AYSE, lead.id(), set(LeadField.CITY, "Vilnius"), 1);
            leads.update(AYSE, other.id(), set(LeadField.CITY, "Kaunas"), 1);
            leads.update(AYSE, lead.id(), set(LeadField.CITY, "Klaipėda"), v2.version());
            leads.delete(AYSE, lead.id());

            List<Long> sequences = leads.history(AYSE, lead.id()).stream().map(HistoryEntry::sequence).toList();

            assertThat(sequences).hasSize(4).isSorted().doesNotHaveDuplicates();
            assertThat(sequences.get(0)).isPositive();
            assertThat(leads.history(AYSE, other.id()).get(1).sequence())
                    .isBetween(sequences.get(1), sequences.get(2));
        }

        @Test
        void historyOfAnUnknownLeadIsNotFound() {
            assertThatThrownBy(() -> leads.history(AYSE, LeadId.of("missing"))).isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class ExternalIds {

        @Test
        void aSecondLeadWithATakenExternalIdIsRefused() {
            leads.create(AYSE, egon().externalId("crm-1").build());

            assertThatThrownBy(() -> leads.create(JONAS, egon().externalId(" crm-1 ").build()))
                    .isInstanceOf(ConflictException.class)
                    .extracting(LeadServiceTest::codeOf).isEqualTo("lead.external_id.taken");
            assertThat(leads.count(AYSE)).isEqualTo(1);
        }

        @Test
        void aDeletedLeadStillHoldsItsExternalId() {
            Lead lead = leads.create(AYSE, egon().externalId("crm-1").build());
            leads.delete(AYSE, lead.id());

            assertThatThrownBy(() -> leads.create(JONAS, egon().externalId("crm-1").build()))
                    .isInstanceOf(ConflictException.class)
                    .extracting(LeadServiceTest::codeOf).isEqualTo("lead.external_id.taken");
        }

        @Test
        void anUpdateToAnExternalIdHeldByAnotherLeadIsRefusedAndChangesNothing() {
            leads.create(AYSE, egon().externalId("crm-1").build());
            Lead other = leads.create(AYSE, egon().externalId("crm-2").build());

            assertThatThrownBy(() -> leads.update(AYSE, other.id(), set(LeadField.EXTERNAL_ID, "crm-1"), other.version()))
                    .isInstanceOf(ConflictException.class)
                    .extracting(LeadServiceTest::codeOf).isEqualTo("lead.external_id.taken");
            assertThat(leads.get(AYSE, other.id())).isEqualTo(other);
            assertThat(leads.history(AYSE, other.id())).hasSize(1);
        }

        @Test
        void aFreedExternalIdCanBeTakenByAnotherLead() {
            Lead first = leads.create(AYSE, egon().externalId("crm-1").build());
            leads.update(AYSE, first.id(), set(LeadField.EXTERNAL_ID, "crm-1-old"), first.version());

            Lead second = leads.create(AYSE, egon().externalId("crm-1").build());

            assertThat(leads.findByExternalId(AYSE, "crm-1")).contains(second);
        }
    }

    @Nested
    class RequiredFields {

        @Test
        void firstAndLastNameAreRequiredByDefault() {
            assertThat(leads.requiredFields()).containsExactlyInAnyOrder(LeadField.FIRST_NAME, LeadField.LAST_NAME);

            ValidationException e = validationFailure(() -> leads.create(AYSE, LeadDraft.builder().build()));

            assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                    tuple("firstName", "lead.field.required"),
                    tuple("lastName", "lead.field.required"));
        }

        @Test
        void anAdminCanMakeTheEmailMandatory() {
            leads.setRequiredFields(ADMIN, EnumSet.of(LeadField.FIRST_NAME, LeadField.LAST_NAME, LeadField.EMAIL));

            ValidationException e = validationFailure(() -> leads.create(AYSE, egon().build()));

            assertThat(e.errors()).extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("email", "lead.field.required"));
            assertThat(leads.create(AYSE, egon().email("egon@gardinfirmaet.dk").build()).email()).isPresent();
        }

        @Test
        void theRequiredFieldsReplaceTheDefaults() {
            leads.setRequiredFields(ADMIN, EnumSet.of(LeadField.COMPANY));

            Lead companyOnly = leads.create(AYSE, LeadDraft.builder().company("Gardinfirmaet ApS").build());

            assertThat(companyOnly.lastName()).isEmpty();
            assertThat(leads.requiredFields()).containsExactly(LeadField.COMPANY);
        }

        @Test
        void noFieldIsRequiredWhenAnAdminRequiresNone() {
            leads.setRequiredFields(ADMIN, Set.of());

            assertThat(leads.create(AYSE, LeadDraft.builder().build()).values())
                    .containsOnlyKeys(LeadField.STATUS, LeadField.SOURCE, LeadField.LEAD_DATE, LeadField.OWNER);
        }

        @Test
        void theRequiredFieldsSurviveANewLeadKitOnTheSameStore() {
            leads.setRequiredFields(ADMIN, EnumSet.of(LeadField.FIRST_NAME, LeadField.LAST_NAME, LeadField.EMAIL));

            LeadKit reopened = t.reopened();

            assertThat(reopened.leads().requiredFields()).contains(LeadField.EMAIL);
            assertThatThrownBy(() -> reopened.leads().create(AYSE, egon().build()))
                    .isInstanceOf(ValidationException.class);
        }

        @Test
        void aLeadCreatedBeforeAFieldBecameRequiredCanStillBeEditedElsewhere() {
            Lead old = leads.create(AYSE, egon().build());
            leads.setRequiredFields(ADMIN, EnumSet.of(LeadField.FIRST_NAME, LeadField.LAST_NAME, LeadField.EMAIL));

            Lead edited = leads.update(AYSE, old.id(), set(LeadField.CITY, "Aalborg"), old.version());

            assertThat(edited.get(LeadField.CITY)).contains("Aalborg");
            assertThatThrownBy(() -> leads.update(AYSE, old.id(), set(LeadField.EMAIL, " "), edited.version()))
                    .isInstanceOf(ValidationException.class);
        }

        @Test
        void aUserWhoIsNotAnAdminCannotChangeTheRequiredFields() {
            AccessDeniedException e = thrownBy(AccessDeniedException.class,
                    () -> leads.setRequiredFields(AYSE, EnumSet.of(LeadField.EMAIL)));

            assertThat(e.right()).isEqualTo(Right.MANAGE_SETTINGS);
            assertThat(e.code()).isEqualTo("access.denied");
            assertThat(e.getMessage()).contains("manage-settings");
            assertThat(e.actorId()).isEqualTo("ayse");
            assertThat(leads.requiredFields()).doesNotContain(LeadField.EMAIL);
        }

        @Test
        void fieldsThatAlwaysHaveAValueCannotBeMadeRequired() {
            for (LeadField always : List.of(LeadField.STATUS, LeadField.SOURCE, LeadField.LEAD_DATE, LeadField.OWNER)) {
                ValidationException e = validationFailure(() ->
                        leads.setRequiredFields(ADMIN, EnumSet.of(LeadField.EMAIL, always)));

                assertThat(e.errors()).as(always.key()).extracting(FieldError::code)
                        .containsExactly("settings.required_field.not_allowed");
            }
            assertThat(leads.requiredFields()).containsExactlyInAnyOrder(LeadField.FIRST_NAME, LeadField.LAST_NAME);
        }
    }

    @Nested
    class Access {

        private Lead lead;

        @BeforeEach
        void aStoredLead() {
            lead = leads.create(AYSE, egon().build());
        }

        private List<Function<Actor, Object>> everyCall() {
            List<Function<Actor, Object>> calls = new ArrayList<>();
            calls.add(a -> leads.create(a, egon().build()));
            calls.add(a -> leads.get(a, lead.id()));
            calls.add(a -> leads.findByExternalId(a, "crm-1"));
            calls.add(a -> leads.update(a, lead.id(), set(LeadField.CITY, "Riga"), lead.version()));
            calls.add(a -> leads.delete(a, lead.id()));
            calls.add(a -> leads.restore(a, lead.id()));
            calls.add(a -> leads.list(a, 0, 10));
            calls.add(a -> leads.listIncludingDeleted(a, 0, 10));
            calls.add(a -> leads.count(a));
            calls.add(a -> leads.history(a, lead.id()));
            return calls;
        }

        @Test
        void anActorUnknownToTheDirectoryIsRefusedEverything() {
            for (Function<Actor, Object> call : everyCall()) {
                assertThatThrownBy(() -> call.apply(STRANGER)).isInstanceOf(AccessDeniedException.class)
                        .hasMessageContaining("not known");
            }
            assertThat(leads.get(AYSE, lead.id())).isEqualTo(lead);
            assertThat(leads.count(AYSE)).isEqualTo(1);
        }

        @Test
        void anInactiveActorIsRefusedEverything() {
            for (Function<Actor, Object> call : everyCall()) {
                assertThatThrownBy(() -> call.apply(FORMER)).isInstanceOf(AccessDeniedException.class)
                        .hasMessageContaining("inactive");
            }
            assertThat(leads.get(AYSE, lead.id())).isEqualTo(lead);
        }

        @Test
        void aUserDeactivatedInTheDirectoryIsRefusedFromTheNextCallOn() {
            t.directory.setActive("jonas", false);

            AccessDeniedException e = thrownBy(AccessDeniedException.class,
                    () -> leads.update(JONAS, lead.id(), set(LeadField.CITY, "Riga"), lead.version()));

            assertThat(e.right()).isEqualTo(Right.EDIT);
            assertThat(e.leadId()).contains(lead.id().value());
            assertThat(leads.get(AYSE, lead.id())).isEqualTo(lead);
        }
    }

    @Nested
    class Events {

        @Test
        void createUpdateDeleteAndRestorePublishOneEventEach() {
            Lead lead = leads.create(AYSE, egon().city("Odense").build());
            Instant at = t.now();
            Lead v2 = leads.update(JONAS, lead.id(), LeadPatch.builder().set(LeadField.CITY, "Aarhus")
                    .set(LeadField.EMAIL, "egon@gardinfirmaet.dk").set(LeadField.FIRST_NAME, "Egon").build(), 1);
            leads.delete(AYSE, lead.id());
            leads.restore(ADMIN, lead.id());

            String id = lead.id().value();
            assertThat(t.published).containsExactly(
                    new LeadEvent.Created(id, "ayse", at),
                    new LeadEvent.Updated(id, "jonas", at, Set.of("city", "email")),
                    new LeadEvent.Deleted(id, "ayse", at),
                    new LeadEvent.Restored(id, "admin", at));
            assertThat(v2.version()).isEqualTo(2);
        }

        @Test
        void eventsArePublishedAfterTheChangeCommitted() {
            // Reads what is committed, and never throws: an event raised too early would show an empty read.
            List<Optional<Lead>> seenBySubscriber = new ArrayList<>();
            t.events.subscribe(event -> seenBySubscriber.add(
                    t.store.inTransaction(tx -> tx.leads().find(LeadId.of(event.leadId())))));

            Lead lead = leads.create(AYSE, egon().build());
            Lead v2 = leads.update(AYSE, lead.id(), set(LeadField.CITY, "Vilnius"), 1);

            assertThat(seenBySubscriber).containsExactly(Optional.of(lead), Optional.of(v2));
        }

        @Test
        void nothingIsPublishedWhenTheCallFails() {
            Lead lead = leads.create(AYSE, egon().externalId("crm-1").build());
            t.published.clear();

            assertThatThrownBy(() -> leads.create(AYSE, LeadDraft.builder().build()))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> leads.create(AYSE, egon().externalId("crm-1").build()))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> leads.update(AYSE, lead.id(), set(LeadField.CITY, "Riga"), 7))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> leads.delete(STRANGER, lead.id()))
                    .isInstanceOf(AccessDeniedException.class);

            assertThat(t.published).isEmpty();
        }

        @Test
        void nothingIsPublishedOrStoredWhenTheStoreFailsToCommit() {
            InMemoryStore memory = new InMemoryStore();
            TestKit failing = TestKit.on(new FailingCommitStore(memory));

            assertThatThrownBy(() -> failing.kit.leads().create(AYSE, egon().build()))
                    .isInstanceOf(LeadKitException.class).hasMessageContaining("commit failed");

            assertThat(failing.published).isEmpty();
            assertThat(TestKit.on(memory).kit.leads().count(AYSE)).isZero();
        }

        @Test
        void aThrowingSubscriberBreaksNeitherTheCallNorTheOtherSubscribers() {
            List<LeadEvent> later = new ArrayList<>();
            t.events.subscribe(event -> {
                throw new IllegalStateException("subscriber broke");
            });
            t.events.subscribe(later::add);

            Lead lead = leads.create(AYSE, egon().build());
            Lead v2 = leads.update(AYSE, lead.id(), set(LeadField.CITY, "Riga"), 1);

            assertThat(leads.get(AYSE, lead.id())).isEqualTo(v2);
            assertThat(later).hasSize(2);
        }

        @Test
        void aThrowingPublisherDoesNotBreakTheCall() {
            TestKit broken = TestKit.publishingTo(event -> {
                throw new IllegalStateException("broker down");
            });

            assertThatCode(() -> {
                Lead lead = broken.kit.leads().create(AYSE, egon().build());
                broken.kit.leads().update(AYSE, lead.id(), set(LeadField.CITY, "Riga"), 1);
                broken.kit.leads().delete(AYSE, lead.id());
                broken.kit.leads().restore(AYSE, lead.id());
            }).doesNotThrowAnyException();
            assertThat(broken.kit.leads().count(AYSE)).isEqualTo(1);
        }
    }

    @Nested
    class PersonalData {

        private static final String FIRST = "Şükrü";
        private static final String LAST = "Ağaoğlu";
        private static final String EMAIL = "sukru.agaoglu@ornek.com.tr";
        private static final String PHONE = "+90 212 555 12 34";

        @Test
        void aLeadsToStringNamesNoFieldValues() {
            Lead lead = leads.create(AYSE, LeadDraft.builder().firstName(FIRST).lastName(LAST).email(EMAIL)
                    .phone(PHONE).company("Ağaoğlu Tekstil").build());

            assertThat(lead.toString()).contains(lead.id().value())
                    .doesNotContain(FIRST, LAST, EMAIL, PHONE, "Tekstil");
            assertThat(leads.history(AYSE, lead.id()).toString()).doesNotContain(FIRST, LAST, EMAIL, PHONE);
        }

        @Test
        void exceptionMessagesNameNoRejectedValues() {
            Lead lead = leads.create(AYSE, LeadDraft.builder().firstName(FIRST).lastName(LAST).email(EMAIL)
                    .externalId("ext-" + LAST).build());
            List<Throwable> failures = new ArrayList<>();
            failures.add(validationFailure(() -> leads.create(AYSE, LeadDraft.builder().firstName(FIRST)
                    .lastName(LAST + "\u0000").email(EMAIL + "@").phone(PHONE + " x" + FIRST)
                    .set(LeadField.WEBSITE, "ftp://" + LAST).build())));
            failures.add(thrownBy(ConflictException.class, () -> leads.create(AYSE,
                    LeadDraft.builder().firstName(FIRST).lastName(LAST).externalId("ext-" + LAST).build())));
            failures.add(thrownBy(ConflictException.class, () -> leads.update(AYSE, lead.id(),
                    set(LeadField.EMAIL, "x" + EMAIL), 99)));
            failures.add(validationFailure(() -> leads.update(AYSE, lead.id(),
                    set(LeadField.EMAIL, EMAIL.replace("@", " ")), lead.version())));

            assertThat(failures).doesNotContainNull().allSatisfy(e -> assertThat(e.getMessage())
                    .isNotBlank().doesNotContain(FIRST, LAST, EMAIL, PHONE, "ornek"));
            assertThat(((ValidationException) failures.get(0)).errors()).extracting(FieldError::field)
                    .containsExactlyInAnyOrder("lastName", "email", "phone", "website");
        }
    }

    /** A store whose commit fails after the work ran: the work's writes must vanish. */
    private static final class FailingCommitStore implements Store {
        private final Store delegate;

        FailingCommitStore(Store delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(TransactionalWork<T> work) {
            return delegate.inTransaction(tx -> {
                T result = work.run(tx);
                boolean wroteLeads = result instanceof Lead || result instanceof java.util.List
                        && !((java.util.List<?>) result).isEmpty() && ((java.util.List<?>) result).get(0) instanceof Lead;
                if (wroteLeads) {
                    throw new LeadKitException("store.unavailable", "commit failed: the database went away");
                }
                return result;
            });
        }
    }
}
