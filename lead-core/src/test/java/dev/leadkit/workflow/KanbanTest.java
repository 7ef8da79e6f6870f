package dev.leadkit.workflow;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.FieldError;
import dev.leadkit.ValidationException;
import dev.leadkit.access.Right;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.lead.LeadPatch;
import dev.leadkit.store.LeadSort;
import dev.leadkit.support.TestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.leadkit.support.Failures.thrownBy;
import static dev.leadkit.support.TestKit.ADMIN;
import static dev.leadkit.support.TestKit.AYSE;
import static dev.leadkit.support.TestKit.FORMER;
import static dev.leadkit.support.TestKit.JONAS;
import static dev.leadkit.support.TestKit.egon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The kanban board (requirement W8, seed 002): a column per status in catalogue order, counts,
 * a per-column limit, four sort orders with ties broken by id, scoped to what the actor may view.
 */
class KanbanTest {

    /** A user of another team: sees only her own leads, those granted to her and the inbox. */
    private static final Actor LINA = Actor.of("lina");

    private TestKit t;
    private WorkflowService workflow;

    @BeforeEach
    void setUp() {
        t = TestKit.create();
        t.directory.user("lina", "Lina Kazlauskienė").team("support").add();
        workflow = t.kit.workflow();
    }

    private Lead leadOf(Actor owner) {
        return t.kit.leads().create(owner, egon().build());
    }

    private Lead moved(Lead lead, String status) {
        return workflow.move(ADMIN, lead.id(), status, lead.version());
    }

    private static List<String> columns(Kanban board) {
        return board.columns().stream().map(c -> c.status().code()).toList();
    }

    private static Kanban.Column column(Kanban board, String status) {
        return board.columns().stream().filter(c -> c.status().code().equals(status)).findFirst().orElseThrow();
    }

    private static List<String> cards(Kanban board, String status) {
        return column(board, status).cards().stream().map(l -> l.id().value()).toList();
    }

    private static Map<String, Long> counts(Kanban board) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        board.columns().forEach(c -> counts.put(c.status().code(), c.count()));
        return counts;
    }

    @Nested
    class Columns {

        @Test
        void thereIsAColumnPerActiveOpenOrWorkingStatusInCatalogueOrder() {
            Kanban board = workflow.kanban(AYSE, 20, LeadSort.LONGEST_IN_STATUS, false);

            assertThat(columns(board)).containsExactly("new", "contacted", "offer_made");
            assertThat(column(board, "contacted").status().label(Locale.forLanguageTag("lt"))).isEqualTo("Buvo kontaktuota");
            assertThat(column(board, "offer_made").status().label(Locale.forLanguageTag("lt")))
                    .isEqualTo("Pasiūlymas pateiktas");
        }

        @Test
        void closedAndConvertedStatusesGetColumnsOnlyWhenAskedFor() {
            Kanban board = workflow.kanban(AYSE, 20, LeadSort.LONGEST_IN_STATUS, true);

            assertThat(columns(board)).containsExactly("new", "contacted", "offer_made", "converted", "unqualified", "lost");
        }

        @Test
        void columnsFollowTheCatalogueAddedReorderedAndDeactivatedStatusesIncluded() {
            CatalogueService catalogues = t.kit.catalogues();
            catalogues.add(ADMIN, CatalogueKind.STATUS,
                    CatalogueEntry.status("waiting", StatusCategory.WORKING, Map.of("en", "Waiting for reply")));
            catalogues.reorder(ADMIN, CatalogueKind.STATUS,
                    List.of("new", "waiting", "offer_made", "contacted", "converted", "lost", "unqualified"));
            catalogues.deactivate(ADMIN, CatalogueKind.STATUS, "offer_made");

            assertThat(columns(workflow.kanban(AYSE, 20, LeadSort.LONGEST_IN_STATUS, false)))
                    .containsExactly("new", "waiting", "contacted");
            assertThat(columns(workflow.kanban(AYSE, 20, LeadSort.LONGEST_IN_STATUS, true)))
                    .containsExactly("new", "waiting", "contacted", "converted", "lost", "unqualified");
        }
    }

    @Nested
    class CountsAndLimits {

        @Test
        void eachColumnCountsItsLeadsDeletedOnesExcluded() {
            for (int i = 0; i < 3; i++) {
                leadOf(AYSE);
            }
            moved(leadOf(AYSE), "contacted");
            moved(leadOf(JONAS), "contacted");
            Lead lost = leadOf(AYSE);
            workflow.close(AYSE, lost.id(), "lost", "no_response", lost.version());
            t.kit.leads().delete(AYSE, leadOf(AYSE).id());

            Kanban open = workflow.kanban(AYSE, 20, LeadSort.LONGEST_IN_STATUS, false);
            Kanban all = workflow.kanban(AYSE, 20, LeadSort.LONGEST_IN_STATUS, true);

            assertThat(counts(open)).containsExactly(Map.entry("new", 3L), Map.entry("contacted", 2L),
                    Map.entry("offer_made", 0L));
            assertThat(counts(all)).containsExactly(Map.entry("new", 3L), Map.entry("contacted", 2L),
                    Map.entry("offer_made", 0L), Map.entry("converted", 0L), Map.entry("unqualified", 0L),
                    Map.entry("lost", 1L));
            assertThat(column(open, "offer_made").cards()).isEmpty();
            assertThat(cards(all, "lost")).containsExactly(lost.id().value());
            assertThat(open.columns()).allSatisfy(c -> assertThat(c.cards()).hasSize((int) c.count()));
        }

        @Test
        void aColumnShowsAtMostThePerColumnLimitButCountsEveryLead() {
            for (int i = 0; i < 5; i++) {
                leadOf(AYSE);
            }

            assertThat(column(workflow.kanban(AYSE, 2, LeadSort.OLDEST_FIRST, false), "new"))
                    .satisfies(c -> {
                        assertThat(c.count()).isEqualTo(5);
                        assertThat(c.cards()).extracting(l -> l.id().value()).containsExactly("lead-1", "lead-2");
                    });
            assertThat(cards(workflow.kanban(AYSE, 1, LeadSort.OLDEST_FIRST, false), "new")).containsExactly("lead-1");
            assertThat(cards(workflow.kanban(AYSE, 100, LeadSort.OLDEST_FIRST, false), "new")).hasSize(5);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE})
        void aPerColumnLimitOutsideOneToAHundredIsRefused(int limit) {
            ValidationException e = thrownBy(ValidationException.class,
                    () -> workflow.kanban(AYSE, limit, LeadSort.NEWEST_FIRST, false));

            assertThat(e.errors()).extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("perColumn", "kanban.limit.invalid"));
            assertThat(e.errors().get(0).message()).contains("1", "100");
        }
    }

    /**
     * One column, five leads: lead-1 and lead-2 created together at T0, lead-3 at T0+1h, lead-4 and
     * lead-5 together at T0+2h; at T0+3h lead-1 leaves "new" and comes back; at T0+4h lead-3 is edited.
     */
    @Nested
    class SortOrders {

        @BeforeEach
        void fiveLeadsWithTies() {
            Lead first = leadOf(AYSE);
            leadOf(AYSE);
            t.clock.advance(Duration.ofHours(1));
            Lead third = leadOf(AYSE);
            t.clock.advance(Duration.ofHours(1));
            leadOf(AYSE);
            leadOf(AYSE);
            t.clock.advance(Duration.ofHours(1));
            moved(moved(first, "contacted"), "new");
            t.clock.advance(Duration.ofHours(1));
            t.kit.leads().update(AYSE, third.id(), LeadPatch.builder().set(LeadField.COMPANY, "Gardinfirmaet ApS").build(),
                    third.version());
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({
                "LONGEST_IN_STATUS, lead-2 lead-3 lead-4 lead-5 lead-1",
                "NEWEST_FIRST,      lead-5 lead-4 lead-3 lead-2 lead-1",
                "OLDEST_FIRST,      lead-1 lead-2 lead-3 lead-4 lead-5",
                "RECENTLY_UPDATED,  lead-3 lead-1 lead-5 lead-4 lead-2"})
        void cardsFollowTheSortWithTiesBrokenById(LeadSort sort, String expected) {
            assertThat(cards(workflow.kanban(AYSE, 20, sort, false), "new")).containsExactlyElementsOf(
                    Arrays.asList(expected.split(" ")));
        }

        @Test
        void theLimitCutsTheSortedColumn() {
            assertThat(cards(workflow.kanban(AYSE, 2, LeadSort.NEWEST_FIRST, false), "new")).containsExactly("lead-5", "lead-4");
            assertThat(cards(workflow.kanban(AYSE, 2, LeadSort.LONGEST_IN_STATUS, false), "new"))
                    .containsExactly("lead-2", "lead-3");
        }
    }

    @Nested
    class Visibility {

        @BeforeEach
        void leadsOfTwoTeams() {
            leadOf(AYSE);
            leadOf(AYSE);
            moved(leadOf(JONAS), "contacted");
            leadOf(LINA);
            moved(leadOf(LINA), "offer_made");
        }

        @Test
        void aUserOfAnotherTeamSeesNeitherCountsNorCardsOfLeadsTheyCannotView() {
            Kanban board = workflow.kanban(LINA, 20, LeadSort.OLDEST_FIRST, false);

            assertThat(counts(board)).containsExactly(Map.entry("new", 1L), Map.entry("contacted", 0L),
                    Map.entry("offer_made", 1L));
            assertThat(board.columns()).flatExtracting(Kanban.Column::cards).extracting(l -> l.id().value())
                    .containsExactly("lead-4", "lead-5");
        }

        @Test
        void aUserSeesTheLeadsOfTheirTeam() {
            Kanban board = workflow.kanban(AYSE, 20, LeadSort.OLDEST_FIRST, false);

            assertThat(counts(board)).containsExactly(Map.entry("new", 2L), Map.entry("contacted", 1L),
                    Map.entry("offer_made", 0L));
            assertThat(cards(board, "new")).containsExactly("lead-1", "lead-2");
            assertThat(cards(board, "contacted")).containsExactly("lead-3");
        }

        @Test
        void anAdminSeesEveryLead() {
            Kanban board = workflow.kanban(ADMIN, 20, LeadSort.OLDEST_FIRST, false);

            assertThat(counts(board)).containsExactly(Map.entry("new", 3L), Map.entry("contacted", 1L),
                    Map.entry("offer_made", 1L));
            assertThat(cards(board, "new")).containsExactly("lead-1", "lead-2", "lead-4");
        }

        @Test
        void aLeadGrantedToTheUserJoinsTheirBoard() {
            t.kit.access().grant(AYSE, LeadId.of("lead-1"), "lina",
                    Set.of(Right.VIEW));

            Kanban board = workflow.kanban(LINA, 20, LeadSort.OLDEST_FIRST, false);

            assertThat(column(board, "new").count()).isEqualTo(2);
            assertThat(cards(board, "new")).containsExactly("lead-1", "lead-4");
        }

        @Test
        void unassignedLeadsAreOnEveryBoardWhileTheInboxIsOpenToAll() {
            t.kit.leads().create(AYSE, egon().unassigned().build());

            assertThat(column(workflow.kanban(LINA, 20, LeadSort.OLDEST_FIRST, false), "new").count()).isEqualTo(2);
            assertThat(column(workflow.kanban(AYSE, 20, LeadSort.OLDEST_FIRST, false), "new").count()).isEqualTo(3);
        }

        @Test
        void anInactiveUserGetsNoBoard() {
            assertThat(thrownBy(AccessDeniedException.class, () -> workflow.kanban(FORMER, 20, LeadSort.OLDEST_FIRST, false))
                    .right()).isEqualTo(Right.VIEW);
        }
    }

    @Nested
    class Defaults {

        @Test
        void withoutStoredDefaultsTheBoardShowsTwentyCardsLongestInStatusFirstAndNoClosedColumns() {
            for (int i = 0; i < 21; i++) {
                leadOf(AYSE);
                t.clock.advance(Duration.ofMinutes(1));
            }

            Kanban board = workflow.kanban(AYSE);

            assertThat(board).isEqualTo(workflow.kanban(AYSE, 20, LeadSort.LONGEST_IN_STATUS, false));
            assertThat(column(board, "new").count()).isEqualTo(21);
            assertThat(cards(board, "new")).hasSize(20).startsWith("lead-1", "lead-2").endsWith("lead-20");
        }

        @Test
        void storedDefaultsShapeTheBoardAndSurviveANewLeadKit() {
            for (int i = 0; i < 3; i++) {
                leadOf(AYSE);
                t.clock.advance(Duration.ofMinutes(1));
            }

            workflow.setKanbanDefaults(ADMIN, 2, LeadSort.NEWEST_FIRST, true);

            Kanban board = workflow.kanban(AYSE);
            assertThat(board).isEqualTo(workflow.kanban(AYSE, 2, LeadSort.NEWEST_FIRST, true));
            assertThat(columns(board)).hasSize(6);
            assertThat(cards(board, "new")).containsExactly("lead-3", "lead-2");
            assertThat(t.reopened().workflow().kanban(AYSE)).isEqualTo(board);
        }

        @Test
        void onlyAnAdminMaySetTheDefaultsAndAnInvalidLimitIsRefused() {
            assertThat(thrownBy(AccessDeniedException.class,
                    () -> workflow.setKanbanDefaults(AYSE, 5, LeadSort.OLDEST_FIRST, false)).right())
                    .isEqualTo(Right.MANAGE_SETTINGS);
            for (int limit : new int[] {0, 101}) {
                assertThat(thrownBy(ValidationException.class,
                        () -> workflow.setKanbanDefaults(ADMIN, limit, LeadSort.OLDEST_FIRST, true)).errors())
                        .extracting(FieldError::code).containsExactly("kanban.limit.invalid");
            }
            leadOf(AYSE);

            assertThat(workflow.kanban(AYSE)).isEqualTo(workflow.kanban(AYSE, 20, LeadSort.LONGEST_IN_STATUS, false));
        }
    }
}
