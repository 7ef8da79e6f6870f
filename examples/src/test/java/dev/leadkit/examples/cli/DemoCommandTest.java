package dev.leadkit.examples.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static dev.leadkit.examples.cli.CliRun.leadkit;
import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    private static CliRun demo;

    @BeforeAll
    static void runTheDemo() {
        demo = leadkit("demo");
    }

    @Test
    void theDemoExitsWith0AndWritesNothingToStderr() {
        assertThat(demo.exitCode()).isZero();
        assertThat(demo.err()).isEmpty();
        assertThat(demo.out()).startsWith("LeadKit demo: a morning in a sales team's lead inbox").endsWith("Done." + System.lineSeparator());
    }

    @Test
    void theWebFormLeadArrivesUnassigned() {
        assertThat(section("1.")).contains("unassigned inbox", "Egon Tester", "Gardinfirmaet ApS", "+45 33 12 34 56",
                "Web form").containsPattern("owner\\s+\\(unassigned\\)");
    }

    @Test
    void turkishAndLithuanianLeadsKeepTheirLetters() {
        assertThat(section("2.")).contains("Işıl Ağaoğlu", "İstanbul", "Ağaoğlu Tekstil A.Ş.").containsPattern("owner\\s+Ayşe Yılmaz");
        assertThat(section("3.")).contains("Šarūnas Žukauskas", "Vilnius", "sarunas@zaliagiria.lt");
    }

    @Test
    void wrongInputIsRefusedWithEveryFieldError() {
        assertThat(prose("4.")).contains("Refused with validation.failed and 3 field errors",
                "email (lead.email.invalid)", "phone (lead.phone.invalid)", "lastName (lead.field.required)",
                "Leads in the inbox: still 3.");
    }

    @Test
    void statusChangesShowLocalisedLabels() {
        assertThat(prose("5.")).contains("status New → Contacted", "status Contacted → Offer made", "Now version 3.");
        assertThat(flat(leadkit("demo", "--locale", "tr").out())).contains("status Yeni → Görüşüldü");
    }

    @Test
    void aStaleVersionIsRefusedAndTheRetrySucceeds() {
        assertThat(prose("6.")).contains("Refused with lead.version.stale",
                "based on version 3 but the stored version is 4", "reloads version 4", "Now version 5.");
    }

    @Test
    void aDeletedLeadLeavesTheListsAndComesBack() {
        assertThat(prose("7.")).contains("Leads in the inbox: 2", "marked deleted", "3 again");
    }

    @Test
    void theAdministratorsDanishLabelShowsInTheCatalogueAndInDanishOutput() {
        assertThat(prose("8.")).contains("'Tilbud givet' → 'Tilbud sendt'", "catalogue version 2");
        assertThat(section("8."))
                .containsPattern("offer_made\\s+working\\s+Offer made\\s+Tilbud sendt")
                .containsPattern("waiting\\s+working\\s+Waiting for reply");
        assertThat(flat(leadkit("demo", "--locale", "da").out())).contains("status Kontaktet → Tilbud sendt");
    }

    @Test
    void theHistoryIsPrintedFieldByFieldWithOldAndNewValues() {
        String history = section("10.");

        assertThat(history).contains("08:15  created by Ayşe Yılmaz", "10:05  updated by Lars Kristensen")
                .containsPattern("firstName\\s+-\\s+→  Işıl")
                .containsPattern("status\\s+New\\s+→  Contacted")
                .containsPattern("phone\\s+\\+90 212 555 01 23\\s+→  \\+90 212 555 01 24")
                .containsPattern("email\\s+-\\s+→  isil@agaoglutekstil.com.tr");
    }

    @Test
    void historyColumnsAreAligned() {
        String history = section("10.");
        int arrowColumn = -1;
        for (String line : history.split("\\R")) {
            int at = line.indexOf('→');
            if (at >= 0) {
                int column = line.codePointCount(0, at);
                if (arrowColumn < 0) {
                    arrowColumn = column;
                }
                assertThat(column).as(line).isEqualTo(arrowColumn);
            }
        }
        assertThat(arrowColumn).isPositive();
    }

    @Test
    void metteClaimsTheWebLeadFromTheInboxThenQualifiesIt() {
        assertThat(prose("9.")).contains("“Jeg tager den!”", "owner (unassigned) → Mette Sørensen. Now version 2.",
                "status New → Waiting for reply. Now version 3.");
        assertThat(section("9.")).containsPattern("owner\\s+Mette Sørensen");
    }

    @Test
    void aTransferKeepsViewAccessForTheFormerOwnerAndAManagerFollows() {
        assertThat(prose("11.")).contains("owner Ayşe Yılmaz → Jonas Petraitis",
                "Ayşe Yılmaz's rights now: view.", "Followers: Lars Kristensen.");
    }

    @Test
    void anAccessRequestIsApprovedByTheOwner() {
        assertThat(prose("12.")).contains("refused with access.denied (right view)", "asks the owner for view, edit",
                "Pending requests on lead-3: 1.", "Mette Sørensen's rights now: view, edit; pending requests: 0.");
    }

    @Test
    void lockedStatusesMoveLeadsByThemselvesAndTheTaskTemplateCreatesATask() {
        assertThat(prose("13.")).contains("refused with workflow.transition.invalid",
                "status New → Contacted, by itself", "status Waiting for reply → Offer made");
        assertThat(section("13."))
                .containsPattern("email\\s+Send the price list\\s+Jonas Petraitis\\s+17:10\\s+no")
                .containsPattern("13:10\\s+New\\s+→\\s+Contacted\\s+by itself");
    }

    @Test
    void aLeadIsClosedAsLostWithAReason() {
        assertThat(prose("14.")).contains("status New → Lost, reason 'Chose a competitor'");
    }

    @Test
    void aCustomDropdownAndTagsShowOnTheCard() {
        assertThat(section("15.")).containsPattern("budget\\s+€10,000–50,000")
                .containsPattern("tags\\s+fair-2026, textile");
    }

    @Test
    void theKanbanBoardShowsColumnsWithCounts() {
        assertThat(section("16.")).contains("New (0)", "Contacted (1)", "Offer made (2)", "Waiting for reply (0)")
                .containsPattern("Šarūnas Žukauskas\\s+Işıl Ağaoğlu")
                .doesNotContain("Freja Lund");
        assertThat(leadkit("demo", "--locale", "da").out()).contains("Ny (0)", "Kontaktet (1)", "Tilbud sendt (2)");
    }

    @Test
    void staleRemindersFallDueOncePerStalePeriod() {
        String reminders = prose("17.");

        assertThat(reminders).contains("Monday 2026-03-09 12:00 The host's scheduler asks which reminders are due. 2 sent:",
                "12:10 It asks again ten minutes later. None: each period reminds once.",
                "Monday 2026-03-16 12:00 Nobody has moved the leads for another week. 3 sent:",
                "to Mette Sørensen: lead-1: an offer made 13 days ago");
    }

    @Test
    void theEndListsEveryLeadAndTheEventsTheHostHeard() {
        assertThat(section("18.")).containsPattern("lead-2\\s+Işıl Ağaoğlu.*Offer made\\s+Jonas Petraitis\\s+8")
                .containsPattern("lead-1\\s+Egon Tester.*Offer made\\s+Mette Sørensen\\s+4")
                .containsPattern("lead-7\\s+Freja Lund.*Lost\\s+Mette Sørensen\\s+2");
        assertThat(prose("19.")).contains("23 events: 4 Created, 7 Updated, 6 StatusChanged, 1 Deleted, 1 Restored,"
                + " 2 OwnerChanged, 1 ActivityLogged, 1 DealLinked");
    }

    @Test
    void theDemoPrintsTheSameTextOnEveryRun() {
        assertThat(leadkit("demo").out()).isEqualTo(demo.out());
    }

    @Test
    void theReadmesDemoExcerptIsWhatTheDemoPrints() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("leadkit.readme", "../README.md")),
                StandardCharsets.UTF_8).replace("\r\n", "\n");
        var excerpt = Pattern.compile("<!-- demo excerpt -->\n```text\n(.*?)\n```\n<!-- end demo excerpt -->",
                Pattern.DOTALL).matcher(readme);

        assertThat(excerpt.find()).as("the README's demo excerpt").isTrue();
        assertThat(demo.out().replace(System.lineSeparator(), "\n")).contains(excerpt.group(1));
    }

    /** A scene's text with line breaks and alignment folded into single spaces, for reading it as prose. */
    private static String prose(String number) {
        return flat(section(number));
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** The text of one numbered scene, from its heading to the next one. */
    private static String section(String number) {
        var matcher = Pattern.compile("(?ms)^" + Pattern.quote(number) + " .*?(?=^\\d+\\. |\\z)").matcher(demo.out());
        assertThat(matcher.find()).as("scene " + number).isTrue();
        return matcher.group();
    }
}
