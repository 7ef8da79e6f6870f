package dev.leadkit.workflow;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.FieldError;
import dev.leadkit.LeadKit;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.Right;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadPatch;
import dev.leadkit.support.TestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dev.leadkit.support.Failures.thrownBy;
import static dev.leadkit.support.TestKit.ADMIN;
import static dev.leadkit.support.TestKit.AYSE;
import static dev.leadkit.support.TestKit.FORMER;
import static dev.leadkit.support.TestKit.egon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CatalogueServiceTest {

    private static final CatalogueKind STATUS = CatalogueKind.STATUS;
    private static final CatalogueKind SOURCE = CatalogueKind.SOURCE;

    private TestKit t;
    private CatalogueService catalogues;

    @BeforeEach
    void setUp() {
        t = TestKit.create();
        catalogues = t.kit.catalogues();
    }

    private static List<String> codes(Catalogue catalogue) {
        return catalogue.entries().stream().map(CatalogueEntry::code).toList();
    }

    private static CatalogueEntry waiting() {
        return CatalogueEntry.status("waiting", StatusCategory.WORKING,
                Map.of("en", "Waiting for reply", "tr", "Cevap Bekleniyor", "da", "Afventer svar"));
    }

    private static ValidationException invalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return thrownBy(ValidationException.class, call);
    }

    @Nested
    class Defaults {

        @Test
        void thereAreSixStatusesInFourCategoriesWithNewAsDefault() {
            Catalogue statuses = catalogues.get(STATUS);

            assertThat(statuses.entries()).extracting(CatalogueEntry::code, e -> e.category().orElseThrow())
                    .containsExactly(
                            tuple("new", StatusCategory.OPEN),
                            tuple("contacted", StatusCategory.WORKING),
                            tuple("offer_made", StatusCategory.WORKING),
                            tuple("converted", StatusCategory.CONVERTED),
                            tuple("unqualified", StatusCategory.CLOSED),
                            tuple("lost", StatusCategory.CLOSED));
            assertThat(statuses.defaultCode()).isEqualTo("new");
            assertThat(statuses.entries()).allMatch(CatalogueEntry::active);
        }

        @Test
        void thereAreSixSourcesWithoutCategoryWithReferenceAsDefault() {
            Catalogue sources = catalogues.get(SOURCE);

            assertThat(codes(sources)).containsExactly("reference", "phone", "email", "website", "web_form", "import");
            assertThat(sources.defaultCode()).isEqualTo("reference");
            assertThat(sources.entries()).allSatisfy(e -> assertThat(e.category()).isEmpty());
        }

        @Test
        void everyDefaultEntryIsLabelledInEnglishTurkishLithuanianAndDanish() {
            for (CatalogueKind kind : CatalogueKind.values()) {
                assertThat(catalogues.get(kind).entries()).allSatisfy(e -> assertThat(e.labels())
                        .containsOnlyKeys("en", "tr", "lt", "da").allSatisfy((tag, label) -> assertThat(label).isNotBlank()));
            }
            CatalogueEntry offer = catalogues.get(STATUS).entry("offer_made").orElseThrow();
            assertThat(offer.label(Locale.ENGLISH)).isEqualTo("Offer made");
            assertThat(offer.label(Locale.forLanguageTag("tr-TR"))).isEqualTo("Teklif verildi");
            assertThat(offer.label(Locale.forLanguageTag("lt"))).isEqualTo("Pasiūlymas pateiktas");
            assertThat(offer.label(Locale.forLanguageTag("da-DK"))).isEqualTo("Tilbud givet");
            assertThat(offer.label(Locale.FRENCH)).as("falls back to English").isEqualTo("Offer made");
        }
    }

    @Nested
    class Add {

        @Test
        void anAddedStatusComesLastAndCanBeChosenForANewLead() {
            Catalogue changed = catalogues.add(ADMIN, STATUS, waiting());

            assertThat(codes(changed)).endsWith("waiting").hasSize(7);
            assertThat(changed.entry("waiting").orElseThrow().label(Locale.forLanguageTag("tr")))
                    .isEqualTo("Cevap Bekleniyor");
            assertThat(t.kit.leads().create(AYSE, egon().status("waiting").build()).status()).isEqualTo("waiting");
        }

        @Test
        void labelsAreNormalisedLikeEveryOtherText() {
            Catalogue changed = catalogues.add(ADMIN, SOURCE,
                    CatalogueEntry.source("fair", Map.of("da", "  Ma\u030Arked ", "en", "Fair")));

            assertThat(changed.entry("fair").orElseThrow().labels()).containsEntry("da", "Mårked");
        }

        @Test
        void aTakenCodeIsRefused() {
            ValidationException e = invalid(() -> catalogues.add(ADMIN, STATUS,
                    CatalogueEntry.status("lost", StatusCategory.CLOSED, Map.of("en", "Lost again"))));

            assertThat(e.errors()).extracting(FieldError::code).containsExactly("catalogue.code.taken");
            assertThat(codes(catalogues.get(STATUS))).hasSize(6);
        }

        @Test
        void aStatusNeedsACategoryAndASourceHasNone() {
            assertThat(invalid(() -> catalogues.add(ADMIN, STATUS, CatalogueEntry.source("fair", Map.of("en", "Fair"))))
                    .errors()).extracting(FieldError::code).containsExactly("catalogue.category.invalid");
            assertThat(invalid(() -> catalogues.add(ADMIN, SOURCE, waiting()))
                    .errors()).extracting(FieldError::code).containsExactly("catalogue.category.invalid");
        }
    }

    @Nested
    class Relabel {

        @Test
        void relabellingChangesOneLanguageAndKeepsTheCodeAndTheOtherLabels() {
            Lead lead = t.kit.leads().create(AYSE, egon().status("contacted").build());

            Catalogue changed = catalogues.relabel(ADMIN, STATUS, "contacted", "da", "Ringet op");

            CatalogueEntry contacted = changed.entry("contacted").orElseThrow();
            assertThat(contacted.labels()).containsEntry("da", "Ringet op").containsEntry("en", "Contacted")
                    .containsEntry("tr", "Görüşüldü").containsEntry("lt", "Buvo kontaktuota");
            assertThat(t.kit.leads().get(AYSE, lead.id()).status()).isEqualTo("contacted");
        }

        @Test
        void aLabelInANewLanguageIsAdded() {
            Catalogue changed = catalogues.relabel(ADMIN, SOURCE, "phone", "pt-BR", "Telefone");

            assertThat(changed.entry("phone").orElseThrow().label(Locale.forLanguageTag("pt-BR"))).isEqualTo("Telefone");
        }

        @Test
        void relabellingAnUnknownCodeIsNotFound() {
            assertThatThrownBy(() -> catalogues.relabel(ADMIN, STATUS, "waiting", "en", "Waiting"))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class Reorder {

        @Test
        void aPermutationOfTheCodesBecomesTheDisplayOrder() {
            List<String> order = List.of("import", "web_form", "website", "email", "phone", "reference");

            assertThat(codes(catalogues.reorder(ADMIN, SOURCE, order))).isEqualTo(order);
            assertThat(codes(catalogues.get(SOURCE))).isEqualTo(order);
        }

        @Test
        void anOrderThatIsNoPermutationIsRefusedAndChangesNothing() {
            List<List<String>> wrong = List.of(
                    List.of("new", "contacted", "offer_made", "converted", "unqualified"),
                    List.of("new", "contacted", "offer_made", "converted", "unqualified", "lost", "lost"),
                    List.of("new", "new", "offer_made", "converted", "unqualified", "lost"),
                    List.of("new", "contacted", "offer_made", "converted", "unqualified", "waiting"),
                    List.of());
            for (List<String> order : wrong) {
                assertThat(invalid(() -> catalogues.reorder(ADMIN, STATUS, order)).errors())
                        .as("%s", order).extracting(FieldError::field, FieldError::code)
                        .containsExactly(tuple("codes", "catalogue.order.invalid"));
            }
            assertThat(catalogues.get(STATUS)).isEqualTo(Catalogue.defaults(STATUS));
        }
    }

    @Nested
    class Deactivate {

        @Test
        void theDefaultCannotBeDeactivated() {
            assertThatThrownBy(() -> catalogues.deactivate(ADMIN, STATUS, "new"))
                    .isInstanceOf(ConflictException.class)
                    .extracting(e -> ((ConflictException) e).code()).isEqualTo("catalogue.entry.is_default");
            assertThat(catalogues.get(STATUS).entry("new").orElseThrow().active()).isTrue();
        }

        @Test
        void aDeactivatedStatusIsRefusedForNewLeadsButKeptOnExistingOnes() {
            Lead existing = t.kit.leads().create(AYSE, egon().status("offer_made").build());

            catalogues.deactivate(ADMIN, STATUS, "offer_made");

            assertThat(catalogues.get(STATUS).activeEntries()).extracting(CatalogueEntry::code)
                    .doesNotContain("offer_made");
            assertThatThrownBy(() -> t.kit.leads().create(AYSE, egon().status("offer_made").build()))
                    .isInstanceOf(ValidationException.class);
            assertThat(t.kit.leads().get(AYSE, existing.id()).status()).isEqualTo("offer_made");
        }

        @Test
        void aLeadWithADeactivatedStatusCanStillBeEditedWithoutTouchingTheStatus() {
            Lead existing = t.kit.leads().create(AYSE, egon().status("offer_made").source("import").build());
            catalogues.deactivate(ADMIN, STATUS, "offer_made");
            catalogues.deactivate(ADMIN, SOURCE, "import");

            Lead edited = t.kit.leads().update(AYSE, existing.id(), LeadPatch.builder()
                    .set(LeadField.CITY, "Vilnius").set(LeadField.STATUS, "offer_made").build(), existing.version());

            assertThat(edited.get(LeadField.CITY)).contains("Vilnius");
            assertThat(edited.status()).isEqualTo("offer_made");
            assertThat(edited.source()).isEqualTo("import");
        }

        @Test
        void aLeadCannotBeMovedOntoADeactivatedStatus() {
            Lead lead = t.kit.leads().create(AYSE, egon().build());
            catalogues.deactivate(ADMIN, STATUS, "lost");

            ValidationException e = invalid(() -> t.kit.leads().update(AYSE, lead.id(),
                    LeadPatch.builder().set(LeadField.STATUS, "lost").build(), lead.version()));

            assertThat(e.errors()).extracting(FieldError::code).containsExactly("lead.status.inactive");
        }

        @Test
        void anActivatedEntryCanBeChosenAgain() {
            catalogues.deactivate(ADMIN, SOURCE, "import");

            catalogues.activate(ADMIN, SOURCE, "import");

            assertThat(t.kit.leads().create(AYSE, egon().source("import").build()).source()).isEqualTo("import");
        }
    }

    @Nested
    class Default {

        @Test
        void newLeadsGetTheNewDefault() {
            catalogues.setDefault(ADMIN, STATUS, "contacted");
            catalogues.setDefault(ADMIN, SOURCE, "web_form");

            Lead lead = t.kit.leads().create(AYSE, egon().build());

            assertThat(lead.status()).isEqualTo("contacted");
            assertThat(lead.source()).isEqualTo("web_form");
        }

        @Test
        void aDeactivatedEntryCannotBecomeTheDefault() {
            catalogues.deactivate(ADMIN, STATUS, "lost");

            assertThatThrownBy(() -> catalogues.setDefault(ADMIN, STATUS, "lost"))
                    .isInstanceOf(ConflictException.class)
                    .extracting(e -> ((ConflictException) e).code()).isEqualTo("catalogue.entry.inactive");
            assertThat(catalogues.get(STATUS).defaultCode()).isEqualTo("new");
        }

        @Test
        void theOldDefaultCanBeDeactivatedOnceAnotherIsChosen() {
            catalogues.setDefault(ADMIN, STATUS, "contacted");

            assertThat(catalogues.deactivate(ADMIN, STATUS, "new").entry("new").orElseThrow().active()).isFalse();
        }
    }

    @Nested
    class Delete {

        @Test
        void anUnusedEntryCanBeDeleted() {
            Catalogue changed = catalogues.delete(ADMIN, SOURCE, "import");

            assertThat(codes(changed)).doesNotContain("import").hasSize(5);
            assertThatThrownBy(() -> t.kit.leads().create(AYSE, egon().source("import").build()))
                    .isInstanceOf(ValidationException.class);
        }

        @Test
        void anEntryHeldByLeadsCannotBeDeletedAndTheErrorNamesHowMany() {
            t.kit.leads().create(AYSE, egon().status("contacted").build());
            t.kit.leads().create(AYSE, egon().status("contacted").build());

            ConflictException e = thrownBy(ConflictException.class, () -> catalogues.delete(ADMIN, STATUS, "contacted"));

            assertThat(e.code()).isEqualTo("catalogue.entry.in_use");
            assertThat(e.getMessage()).contains("held by 2 leads");
            assertThat(catalogues.get(STATUS).entry("contacted")).isPresent();
        }

        @Test
        void aDeletedLeadStillCountsAsUsingTheEntry() {
            Lead lead = t.kit.leads().create(AYSE, egon().source("phone").build());
            t.kit.leads().delete(AYSE, lead.id());

            ConflictException e = thrownBy(ConflictException.class, () -> catalogues.delete(ADMIN, SOURCE, "phone"));

            assertThat(e.code()).isEqualTo("catalogue.entry.in_use");
            assertThat(e.getMessage()).contains("held by 1 lead");
        }

        @Test
        void theDefaultCannotBeDeleted() {
            assertThatThrownBy(() -> catalogues.delete(ADMIN, SOURCE, "reference"))
                    .isInstanceOf(ConflictException.class)
                    .extracting(e -> ((ConflictException) e).code()).isEqualTo("catalogue.entry.is_default");
        }

        @Test
        void deletingAnUnknownCodeIsNotFound() {
            assertThatThrownBy(() -> catalogues.delete(ADMIN, SOURCE, "fax"))
                    .isInstanceOf(NotFoundException.class)
                    .extracting(e -> ((NotFoundException) e).code()).isEqualTo("source.not_found");
        }
    }

    @Nested
    class Access {

        private List<Function<Actor, Catalogue>> everyChange() {
            List<Function<Actor, Catalogue>> changes = new ArrayList<>();
            changes.add(a -> catalogues.add(a, STATUS, waiting()));
            changes.add(a -> catalogues.relabel(a, STATUS, "new", "en", "Fresh"));
            changes.add(a -> catalogues.reorder(a, SOURCE,
                    List.of("import", "web_form", "website", "email", "phone", "reference")));
            changes.add(a -> catalogues.deactivate(a, SOURCE, "import"));
            changes.add(a -> catalogues.activate(a, SOURCE, "import"));
            changes.add(a -> catalogues.setDefault(a, STATUS, "contacted"));
            changes.add(a -> catalogues.delete(a, SOURCE, "import"));
            return changes;
        }

        @Test
        void onlyAnAdminMayChangeACatalogue() {
            for (Function<Actor, Catalogue> change : everyChange()) {
                for (Actor notAdmin : List.of(AYSE, FORMER, Actor.of("stranger"))) {
                    AccessDeniedException e = thrownBy(AccessDeniedException.class, () -> change.apply(notAdmin));
                    assertThat(e.right()).isEqualTo(Right.MANAGE_SETTINGS);
                    assertThat(e.getMessage()).contains("manage-settings");
                }
            }
            assertThat(catalogues.get(STATUS)).isEqualTo(Catalogue.defaults(STATUS));
            assertThat(catalogues.get(SOURCE)).isEqualTo(Catalogue.defaults(SOURCE));
        }

        @Test
        void anAdminMayMakeEveryChange() {
            for (Function<Actor, Catalogue> change : everyChange()) {
                assertThat(change.apply(ADMIN)).isNotNull();
            }
            assertThat(catalogues.get(STATUS).defaultCode()).isEqualTo("contacted");
            assertThat(catalogues.get(SOURCE).entry("import")).isEmpty();
        }
    }

    @Test
    void changesSurviveANewLeadKitOnTheSameStore() {
        catalogues.add(ADMIN, STATUS, waiting());
        catalogues.relabel(ADMIN, STATUS, "new", "lt", "Naujas klientas");
        catalogues.reorder(ADMIN, SOURCE, List.of("import", "web_form", "website", "email", "phone", "reference"));
        catalogues.deactivate(ADMIN, SOURCE, "import");
        catalogues.setDefault(ADMIN, STATUS, "waiting");
        catalogues.delete(ADMIN, STATUS, "unqualified");

        LeadKit reopened = t.reopened();

        Catalogue statuses = reopened.catalogues().get(STATUS);
        Catalogue sources = reopened.catalogues().get(SOURCE);
        assertThat(statuses).isEqualTo(catalogues.get(STATUS));
        assertThat(codes(statuses)).containsExactly("new", "contacted", "offer_made", "converted", "lost", "waiting");
        assertThat(statuses.defaultCode()).isEqualTo("waiting");
        assertThat(statuses.entry("new").orElseThrow().labels()).containsEntry("lt", "Naujas klientas");
        assertThat(codes(sources)).startsWith("import", "web_form");
        assertThat(sources.entry("import").orElseThrow().active()).isFalse();
        assertThat(reopened.leads().create(AYSE, egon().build()).status()).isEqualTo("waiting");
    }

    @Test
    void eachChangeRaisesTheCatalogueVersion() {
        assertThat(catalogues.get(STATUS).version()).isZero();

        catalogues.relabel(ADMIN, STATUS, "new", "en", "Fresh");
        catalogues.relabel(ADMIN, STATUS, "new", "en", "New");

        assertThat(catalogues.get(STATUS).version()).isEqualTo(2);
    }

    @Nested
    class Labels {

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "Ne\u0007w", "New\nline", "Ne\u0000w", "Bad\uD800"})
        void aLabelThatIsEmptyOrHasControlCharactersIsRefused(String label) {
            assertThat(invalid(() -> catalogues.relabel(ADMIN, STATUS, "new", "en", label)).errors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("labels.en", "catalogue.label.invalid"));
            assertThat(invalid(() -> catalogues.add(ADMIN, SOURCE, CatalogueEntry.source("fair", Map.of("da", label))))
                    .errors()).extracting(FieldError::code).containsExactly("catalogue.label.invalid");
            assertThat(catalogues.get(STATUS)).isEqualTo(Catalogue.defaults(STATUS));
            assertThat(catalogues.get(SOURCE)).isEqualTo(Catalogue.defaults(SOURCE));
        }

        @Test
        void aLabelOf100CodePointsIsAcceptedAnd101AreRefused() {
            String hundred = "Ø🚀".repeat(50);

            assertThat(catalogues.relabel(ADMIN, STATUS, "new", "da", hundred).entry("new").orElseThrow()
                    .labels()).containsEntry("da", hundred);
            assertThat(invalid(() -> catalogues.relabel(ADMIN, STATUS, "new", "da", hundred + "x")).errors())
                    .extracting(FieldError::code).containsExactly("catalogue.label.invalid");
        }

        @ParameterizedTest
        @ValueSource(strings = {"EN", "english", "e", "", "da_DK", "tr-", "1a", "en-TOOLONGSUBTAG"})
        void aLabelUnderSomethingThatIsNoLanguageTagIsRefused(String tag) {
            assertThat(invalid(() -> catalogues.relabel(ADMIN, STATUS, "new", tag, "Ny")).errors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("labels", "catalogue.language.invalid"));
            assertThat(invalid(() -> catalogues.add(ADMIN, SOURCE, CatalogueEntry.source("fair", Map.of(tag, "Fair"))))
                    .errors()).extracting(FieldError::code).containsExactly("catalogue.language.invalid");
        }

        @Test
        void everyLabelProblemOfANewEntryIsReportedAtOnce() {
            ValidationException e = invalid(() -> catalogues.add(ADMIN, STATUS, CatalogueEntry.status("lost",
                    StatusCategory.CLOSED, Map.of("EN", "Lost", "da", "", "tr", "Kayıp"))));

            assertThat(e.errors()).extracting(FieldError::code).containsExactlyInAnyOrder(
                    "catalogue.code.taken", "catalogue.language.invalid", "catalogue.label.invalid");
        }
    }

    @Test
    void theCatalogueOfAStoreThatWasNeverChangedIsTheDefault() {
        assertThat(catalogues.get(STATUS)).isEqualTo(Catalogue.defaults(STATUS));
        Optional<Catalogue> stored = t.store.inTransaction(tx -> tx.catalogues().find(STATUS));
        assertThat(stored).isEmpty();
    }
}
