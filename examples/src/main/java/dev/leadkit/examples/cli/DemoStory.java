package dev.leadkit.examples.cli;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.InvalidTransitionException;
import dev.leadkit.FieldError;
import dev.leadkit.LeadKit;
import dev.leadkit.ValidationException;
import dev.leadkit.access.AccessRequest;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.access.Right;
import dev.leadkit.access.User;
import dev.leadkit.activity.Activity;
import dev.leadkit.activity.ActivityDraft;
import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.field.CustomField;
import dev.leadkit.field.FieldOption;
import dev.leadkit.field.FieldType;
import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.lead.LeadPatch;
import dev.leadkit.workflow.Catalogue;
import dev.leadkit.workflow.CatalogueEntry;
import dev.leadkit.workflow.CatalogueKind;
import dev.leadkit.workflow.Kanban;
import dev.leadkit.workflow.StaleReminder;
import dev.leadkit.workflow.StaleRule;
import dev.leadkit.workflow.StatusCategory;
import dev.leadkit.workflow.StatusChange;
import dev.leadkit.workflow.TaskTemplate;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The script of {@code leadkit demo}: one day in a sales team's lead inbox, and the reminders a week
 * later, told through LeadKit's public API and printed for a person to read. Every scene calls the
 * services the way a host would, with an explicit actor, and prints what came back: leads, refusals
 * with their codes, the catalogue, the history field by field, rights and followers, activities,
 * the kanban board and the reminders sent.
 *
 * <pre>{@code
 * new DemoStory(out, kit, directory, clock, Actor.of("admin"), Locale.ENGLISH, heardEvents, "in-memory").tell();
 * }</pre>
 */
final class DemoStory {

    /** Text lines are wrapped to this many code points. */
    static final int WIDTH = 78;

    private static final String TEXT = "         ";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private static final Actor WEB_FORM = Actor.of(BuiltInUsers.WEB_FORM);
    private static final Actor AYSE = Actor.of(BuiltInUsers.AYSE);
    private static final Actor JONAS = Actor.of(BuiltInUsers.JONAS);
    private static final Actor METTE = Actor.of(BuiltInUsers.METTE);
    private static final Actor LARS = Actor.of(BuiltInUsers.LARS);

    private final PrintWriter out;
    private final LeadKit kit;
    private final InMemoryDirectory directory;
    private final StoryClock clock;
    private final Actor operator;
    private final Locale locale;
    private final List<LeadEvent> heard;
    private final String storeDescription;
    private int scene;

    /**
     * @param out              where the story is printed
     * @param kit              the LeadKit the story runs on, reading {@code clock} and {@code directory}
     * @param directory        the built-in users
     * @param clock            the story clock the kit reads
     * @param operator         who performs the administrator's steps ({@code --as})
     * @param locale           the language of status and source labels
     * @param heard            the events the kit's publisher delivered to the host, filled as the story runs
     * @param storeDescription what the store is, for the introduction
     */
    DemoStory(PrintWriter out, LeadKit kit, InMemoryDirectory directory, StoryClock clock, Actor operator,
              Locale locale, List<LeadEvent> heard, String storeDescription) {
        this.out = Objects.requireNonNull(out, "out");
        this.kit = Objects.requireNonNull(kit, "kit");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.operator = Objects.requireNonNull(operator, "operator");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.heard = Objects.requireNonNull(heard, "heard");
        this.storeDescription = Objects.requireNonNull(storeDescription, "storeDescription");
    }

    /** Tells the whole story. LeadKit's refusals that the story does not expect propagate. */
    void tell() {
        introduction();
        Lead egon = webFormLead();
        Lead isil = ayseEntersACall();
        Lead sarunas = jonasEntersARecommendation();
        wrongInputIsRefused();
        isil = ayseWorksHerLead(isil);
        isil = aStaleChangeIsRefused(isil);
        deletedByMistakeAndRestored(sarunas);
        theAdministratorChangesTheStatuses();
        egon = metteClaimsAndQualifiesTheWebLead(egon);
        history(isil);
        isil = ayseTransfersALeadToJonas(isil);
        metteAsksForAccess(sarunas);
        egon = lockedStatusesMoveLeadsByThemselves(sarunas, egon);
        aLeadIsClosedAsLost();
        aCustomFieldAndTags(isil);
        kanban();
        staleReminders();
        allLeads();
        whatTheHostHeard();
        out.flush();
    }

    private void introduction() {
        String title = "LeadKit demo: a morning in a sales team's lead inbox";
        out.println(title);
        out.println("=".repeat(title.length()));
        new TextTable("", "")
                .row("leadkit", VersionProvider.version())
                .row("store", storeDescription)
                .row("directory", BuiltInUsers.ids().size() + " built-in users ('leadkit users' lists them)")
                .row("day", clock.day().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + " " + clock.day() + ", times in " + clock.getZone())
                .row("acting as", operator.userId() + " (" + person(operator.userId())
                        + ") for the administrator's steps; --as USER changes it")
                .row("labels", locale.toLanguageTag() + " (status and source labels; --locale tr, lt or da changes it)")
                .print(out, "  ");
        out.println();
        out.println("The team");
        UsersCommand.print(out, directory, "  ");
    }

    private Lead webFormLead() {
        scene("A lead arrives from the web form");
        String t = time("08:02");
        Lead egon = kit.leads().create(WEB_FORM, LeadDraft.builder()
                .firstName("Egon").lastName("Tester")
                .company("Gardinfirmaet ApS")
                .phone("+45 33 12 34 56")
                .source("web_form")
                .unassigned()
                .build());
        say(t, "The web form connector posts a visitor's details. Nobody has taken the lead yet: it waits in"
                + " the unassigned inbox.");
        card(egon);
        return egon;
    }

    private Lead ayseEntersACall() {
        scene("Ayşe enters a lead from a phone call");
        String t = time("08:15");
        Lead isil = kit.leads().create(AYSE, LeadDraft.builder()
                .firstName("Işıl").lastName("Ağaoğlu")
                .company("Ağaoğlu Tekstil A.Ş.")
                .phone("+90 212 555 01 23")
                .city("İstanbul").country("Türkiye")
                .source("phone")
                .build());
        say(t, person(AYSE) + " takes a call from İstanbul and enters the lead; as its creator she owns it.");
        card(isil);
        return isil;
    }

    private Lead jonasEntersARecommendation() {
        scene("Jonas enters a recommended lead");
        String t = time("08:31");
        Lead sarunas = kit.leads().create(JONAS, LeadDraft.builder()
                .firstName("Šarūnas").lastName("Žukauskas")
                .company("UAB Žalia Giria")
                .email("Sarunas@ZaliaGiria.lt")
                .phone("+370 612 34567")
                .city("Vilnius").country("Lietuva")
                .source("reference")
                .build());
        say(t, person(JONAS) + " enters a lead a customer in Vilnius recommended. The e-mail address is"
                + " stored in lower case.");
        card(sarunas);
        return sarunas;
    }

    private void wrongInputIsRefused() {
        scene("Wrong input is refused, every problem at once");
        String t = time("08:47");
        say(t, person(METTE) + " types a lead in a hurry: no last name, 'freja(at)nordlys' as the e-mail"
                + " and 'ring i morgen' as the phone.");
        try {
            kit.leads().create(METTE, LeadDraft.builder()
                    .firstName("Freja")
                    .company("Nordlys Gardiner")
                    .email("freja(at)nordlys")
                    .phone("ring i morgen")
                    .build());
            throw new IllegalStateException("LeadKit accepted a lead without a last name and with a bad e-mail and phone");
        } catch (ValidationException refused) {
            note("Refused with " + refused.code() + " and " + refused.errors().size()
                    + " field errors; nothing was stored:");
            for (FieldError error : refused.errors()) {
                wrapped(TEXT + "  - ", TEXT + "    ", error.field() + " (" + error.code() + "): " + error.message());
            }
            note("Leads in the inbox: still " + kit.leads().count(operator) + ".");
        }
    }

    private Lead ayseWorksHerLead(Lead isil) {
        scene("Ayşe works her lead: a call, then an offer");
        String t = time("09:10");
        Lead contacted = kit.leads().update(AYSE, isil.id(), LeadPatch.builder()
                .set(LeadField.STATUS, "contacted")
                .set(LeadField.TITLE, "Satın Alma Müdürü")
                .build(), isil.version());
        say(t, person(AYSE) + " calls " + name(isil) + " back: " + whatChanged(isil, contacted)
                + ". Now version " + contacted.version() + ".");
        t = time("09:40");
        Lead offered = kit.leads().update(AYSE, contacted.id(), LeadPatch.builder()
                .set(LeadField.STATUS, "offer_made")
                .set(LeadField.DESCRIPTION, "Teklif gönderildi: 40 stor perde, Nisan teslim.")
                .build(), contacted.version());
        say(t, person(AYSE) + " sends an offer: " + whatChanged(contacted, offered)
                + ". Now version " + offered.version() + ".");
        return offered;
    }

    private Lead aStaleChangeIsRefused(Lead isil) {
        scene("Two people change the same lead: the stale change is refused");
        String t = time("10:00");
        Lead aysesCopy = kit.leads().get(AYSE, isil.id());
        Lead larsCopy = kit.leads().get(LARS, isil.id());
        say(t, person(AYSE) + " and her manager " + person(LARS) + " both open " + isil.id() + " at version "
                + aysesCopy.version() + ".");
        t = time("10:05");
        Lead larsSaved = kit.leads().update(LARS, larsCopy.id(), LeadPatch.builder()
                .set(LeadField.PHONE, "+90 212 555 01 24").build(), larsCopy.version());
        say(t, person(LARS) + " corrects the phone number and saves: " + whatChanged(larsCopy, larsSaved)
                + ". Now version " + larsSaved.version() + ".");
        t = time("10:06");
        LeadPatch addEmail = LeadPatch.builder().set(LeadField.EMAIL, "isil@agaoglutekstil.com.tr").build();
        say(t, person(AYSE) + " adds the e-mail address to her copy, version " + aysesCopy.version()
                + ", and saves.");
        try {
            kit.leads().update(AYSE, aysesCopy.id(), addEmail, aysesCopy.version());
            throw new IllegalStateException("LeadKit accepted a change based on a stale version");
        } catch (ConflictException refused) {
            note("Refused with " + refused.code() + "; nothing was changed:");
            wrapped(TEXT + "  ", refused.getMessage());
        }
        t = time("10:07");
        Lead fresh = kit.leads().get(AYSE, isil.id());
        Lead saved = kit.leads().update(AYSE, fresh.id(), addEmail, fresh.version());
        say(t, person(AYSE) + " reloads version " + fresh.version() + " and saves again: "
                + whatChanged(fresh, saved) + ". Now version " + saved.version() + ". Lars's phone number stays.");
        return saved;
    }

    private void deletedByMistakeAndRestored(Lead sarunas) {
        scene("A lead deleted by mistake, and restored");
        String t = time("10:30");
        Lead deleted = kit.leads().delete(JONAS, sarunas.id());
        say(t, person(JONAS) + " deletes " + sarunas.id() + " by mistake. Leads in the inbox: "
                + kit.leads().count(operator) + "; " + sarunas.id() + " is kept, marked deleted (version "
                + deleted.version() + ").");
        t = time("10:31");
        Lead restored = kit.leads().restore(JONAS, sarunas.id());
        say(t, person(JONAS) + " restores it. Leads in the inbox: " + kit.leads().count(operator)
                + " again (version " + restored.version() + "); its history keeps both steps.");
    }

    private void theAdministratorChangesTheStatuses() {
        scene("The administrator changes the status catalogue");
        String t = time("11:00");
        String before = kit.catalogues().get(CatalogueKind.STATUS).entry("offer_made")
                .map(e -> e.labels().get("da")).orElse("-");
        kit.catalogues().relabel(operator, CatalogueKind.STATUS, "offer_made", "da", "Tilbud sendt");
        say(t, person(operator.userId()) + " relabels the status offer_made in Danish: '" + before
                + "' → 'Tilbud sendt'. Leads keep the code; only the label changes.");
        t = time("11:01");
        Catalogue statuses = kit.catalogues().add(operator, CatalogueKind.STATUS,
                CatalogueEntry.status("waiting", StatusCategory.WORKING, Map.of(
                        "en", "Waiting for reply",
                        "tr", "Cevap bekleniyor",
                        "lt", "Laukiama atsakymo",
                        "da", "Afventer svar")));
        say(t, person(operator.userId()) + " adds the status waiting, in the working category, labelled in"
                + " four languages.");
        note("Lead statuses now (catalogue version " + statuses.version() + "):");
        out.println();
        CatalogueCommand.print(out, statuses, "  ");
    }

    private Lead metteClaimsAndQualifiesTheWebLead(Lead egon) {
        scene("Mette takes the web lead: “Jeg tager den!”");
        String t = time("11:20");
        Lead claimed = kit.access().claim(METTE, egon.id());
        say(t, name(egon) + " has waited in the unassigned inbox since 08:02. " + person(METTE)
                + " clicks “Jeg tager den!” (I'll take it!) and becomes the owner: owner " + owner(egon)
                + " → " + owner(claimed) + ". Now version " + claimed.version() + ".");
        t = time("11:25");
        Lead qualified = kit.leads().update(METTE, claimed.id(), LeadPatch.builder()
                .set(LeadField.EMAIL, "egon@gardinfirmaet.dk")
                .set(LeadField.REGISTRATION_NUMBER, "31415926")
                .set(LeadField.STATUS, "waiting")
                .build(), claimed.version());
        say(t, person(METTE) + " calls " + name(egon) + " back and waits for the CVR check: "
                + whatChanged(claimed, qualified) + ". Now version " + qualified.version() + ".");
        card(qualified);
        return qualified;
    }

    private void history(Lead lead) {
        scene("The history of " + lead.id() + " (" + name(lead) + "), field by field");
        List<HistoryEntry> entries = kit.leads().history(operator, lead.id());
        int fieldWidth = 0;
        int beforeWidth = 0;
        for (HistoryEntry entry : entries) {
            for (FieldChange change : entry.changes()) {
                fieldWidth = Math.max(fieldWidth, TextTable.length(change.field()));
                beforeWidth = Math.max(beforeWidth, TextTable.length(shown(change.field(), change.before())));
            }
        }
        for (HistoryEntry entry : entries) {
            out.println("  " + HH_MM.format(entry.at().atZone(clock.getZone())) + "  "
                    + entry.action().name().toLowerCase(Locale.ROOT) + " by " + person(entry.actorId()));
            for (FieldChange change : entry.changes()) {
                String before = shown(change.field(), change.before());
                out.println(TEXT + pad(change.field(), fieldWidth) + "  " + pad(before, beforeWidth) + "  →  "
                        + shown(change.field(), change.after()));
            }
        }
    }

    private Lead ayseTransfersALeadToJonas(Lead isil) {
        scene("Ayşe hands a lead to Jonas and keeps view access; Lars follows it");
        String t = time("12:00");
        Lead transferred = kit.access().transfer(AYSE, isil.id(), JONAS.userId(), true);
        say(t, person(AYSE) + " goes on leave and transfers " + isil.id() + " (" + name(isil) + ") to "
                + person(JONAS) + ", keeping view access: owner " + owner(isil) + " → " + owner(transferred)
                + ". Now version " + transferred.version() + ".");
        note(person(AYSE) + "'s rights now: " + rights(AYSE, isil.id()) + ". " + person(JONAS) + "'s: "
                + rights(JONAS, isil.id()) + ".");
        t = time("12:05");
        kit.access().follow(LARS, isil.id());
        say(t, person(LARS) + ", who manages both, follows the lead to hear of its changes. Followers: "
                + kit.access().followers(JONAS, isil.id()).stream().map(this::person)
                .collect(Collectors.joining(", ")) + ".");
        return kit.leads().get(JONAS, isil.id());
    }

    private void metteAsksForAccess(Lead sarunas) {
        scene("Mette asks for access to a colleague's lead, and Jonas approves");
        String t = time("12:15");
        try {
            kit.leads().get(METTE, sarunas.id());
            throw new IllegalStateException("LeadKit showed Mette a lead of another team");
        } catch (AccessDeniedException refused) {
            say(t, person(METTE) + " opens " + sarunas.id() + " (" + name(sarunas) + "), a lead of the Lithuanian"
                    + " team: refused with " + refused.code() + " (right " + refused.right().key() + ").");
        }
        t = time("12:16");
        AccessRequest asked = kit.access().requestAccess(METTE, sarunas.id(), EnumSet.of(Right.VIEW, Right.EDIT));
        say(t, person(METTE) + " asks the owner for " + keys(asked.rights()) + ". Pending requests on "
                + sarunas.id() + ": " + kit.access().pendingRequests(JONAS, sarunas.id()).size() + ".");
        t = time("12:30");
        kit.access().approve(JONAS, asked.id());
        say(t, person(JONAS) + " approves. " + person(METTE) + "'s rights now: " + rights(METTE, sarunas.id())
                + "; pending requests: " + kit.access().pendingRequests(JONAS, sarunas.id()).size() + ".");
    }

    private Lead lockedStatusesMoveLeadsByThemselves(Lead sarunas, Lead egon) {
        scene("Locked statuses: a logged call and a linked deal move the leads");
        String t = time("13:00");
        kit.workflow().setLockedStatuses(operator, true);
        kit.workflow().setTaskTemplates(operator, "contacted",
                List.of(TaskTemplate.forOwner("Send the price list", "email", Duration.ofHours(4))));
        say(t, person(operator.userId()) + " locks the statuses, as in Hanna CRM's lead settings: from now on"
                + " they move only by themselves. Entering " + status("contacted")
                + " creates the task 'Send the price list', due 4 hours later.");
        Lead current = kit.leads().get(JONAS, sarunas.id());
        try {
            kit.workflow().move(JONAS, current.id(), "contacted", current.version());
            throw new IllegalStateException("LeadKit moved a lead by hand while statuses are locked");
        } catch (InvalidTransitionException refused) {
            note(person(JONAS) + " tries to set " + status("contacted") + " by hand: refused with "
                    + refused.code() + ".");
        }
        t = time("13:10");
        kit.activities().log(JONAS, current.id(), ActivityDraft.call("Called Šarūnas about the order").build());
        Lead contacted = kit.leads().get(JONAS, current.id());
        say(t, person(JONAS) + " logs a call with " + name(current) + ": status " + status(current.status())
                + " → " + status(contacted.status()) + ", by itself. His activities on " + current.id() + ":");
        TextTable activities = new TextTable("type", "subject", "for", "due", "done");
        for (Activity activity : kit.activities().list(JONAS, current.id())) {
            activities.row(activity.type().code(), activity.subject(), person(activity.assigneeId()),
                    activity.due().map(this::hhmm).orElse("-"), activity.done() ? "yes" : "no");
        }
        out.println();
        activities.print(out, TEXT);
        out.println();
        t = time("13:30");
        kit.events().publish(new LeadEvent.DealLinked(egon.id().value(), METTE.userId(), clock.instant(), "deal-2026-017"));
        Lead offered = kit.leads().get(METTE, egon.id());
        say(t, "The host's ERP links deal-2026-017 to " + egon.id() + " (" + name(egon) + ") and says so on"
                + " LeadKit's event bus: status " + status(egon.status()) + " → " + status(offered.status()) + ".");
        note("Status history of " + current.id() + ":");
        for (StatusChange change : kit.workflow().statusHistory(JONAS, current.id())) {
            out.println(TEXT + "  " + hhmm(change.at()) + "  " + pad(change.from().map(this::status).orElse("-"), 10)
                    + " →  " + pad(status(change.to()), 10) + "  " + (change.automatic() ? "by itself" : "by " + person(change.actorId())));
        }
        return offered;
    }

    private void aLeadIsClosedAsLost() {
        scene("A lead closed as lost, with a reason");
        String t = time("14:00");
        Lead freja = kit.leads().create(METTE, LeadDraft.builder()
                .firstName("Freja").lastName("Lund")
                .company("Nordlys Gardiner")
                .email("freja@nordlys.dk")
                .source("phone")
                .build());
        say(t, person(METTE) + " enters this morning's hurried lead again, complete now: " + freja.id() + " ("
                + name(freja) + "), status " + status(freja.status()) + ".");
        t = time("14:20");
        Lead lost = kit.workflow().close(METTE, freja.id(), "lost", "competitor", freja.version());
        say(t, name(freja) + " calls: they ordered elsewhere. " + person(METTE) + " closes the lead: status "
                + status(freja.status()) + " → " + status(lost.status()) + ", reason '"
                + label(CatalogueKind.CLOSE_REASON, lost.closeReason().orElse("-")) + "'. Closing is a person's"
                + " decision, so it is allowed while statuses are locked.");
    }

    private void aCustomFieldAndTags(Lead isil) {
        scene("A custom field and tags");
        String t = time("14:30");
        kit.customFields().define(operator, CustomField.of("budget", FieldType.DROPDOWN, Map.of(
                        "en", "Budget", "tr", "Bütçe", "lt", "Biudžetas", "da", "Budget"))
                .withOptions(List.of(
                        FieldOption.of("small", Map.of("en", "under €10,000")),
                        FieldOption.of("medium", Map.of("en", "€10,000–50,000")),
                        FieldOption.of("large", Map.of("en", "over €50,000")))));
        say(t, person(operator.userId()) + " adds the custom field budget, a dropdown of three ranges.");
        t = time("14:40");
        Lead current = kit.leads().get(JONAS, isil.id());
        FieldValue budget = kit.customFields().parse("budget", "€10,000–50,000");
        Lead withBudget = kit.leads().update(JONAS, current.id(), LeadPatch.builder().custom("budget", budget).build(),
                current.version());
        Lead tagged = kit.leads().tag(JONAS, withBudget.id(), new LinkedHashSet<>(List.of("textile", "fair-2026")));
        say(t, person(JONAS) + " picks the budget range on " + isil.id() + " and tags it for the spring fair.");
        card(tagged);
    }

    private void kanban() {
        scene("The kanban board, as " + person(operator.userId()) + " sees it");
        Kanban board = kit.workflow().kanban(operator);
        List<String> headers = new ArrayList<>();
        int rows = 0;
        for (Kanban.Column column : board.columns()) {
            headers.add(column.status().label(locale) + " (" + column.count() + ")");
            rows = Math.max(rows, column.cards().size());
        }
        TextTable table = new TextTable(headers.toArray(new String[0]));
        for (int i = 0; i < rows; i++) {
            Object[] cells = new Object[headers.size()];
            for (int c = 0; c < cells.length; c++) {
                List<Lead> cards = board.columns().get(c).cards();
                cells[c] = i < cards.size() ? name(cards.get(i)) : "";
            }
            table.row(cells);
        }
        table.print(out, "  ");
        out.println();
        wrapped("  ", "Open and working statuses only; closed leads leave the board. Cards are sorted longest in"
                + " status first.");
    }

    private void staleReminders() {
        scene("A week later: stale-status reminders, one per stale period");
        String t = time("15:00");
        kit.reminders().setRules(operator, List.of(
                new StaleRule("offer_week", "offer_made", Duration.ofDays(7),
                        "{leadId}: an offer made {days} days ago, unanswered; follow up.", true),
                new StaleRule("contacted_3d", "contacted", Duration.ofDays(3),
                        "{leadId}: contacted {days} days ago and no offer yet.", true)));
        say(t, person(operator.userId()) + " sets two rules: a lead may stay 7 days in " + status("offer_made")
                + " and 3 days in " + status("contacted") + ", after that its owner is reminded, once per period.");
        LocalDate nextWeek = clock.day().plusDays(7);
        day(nextWeek);
        remindersAt(nextWeek, "12:00", "The host's scheduler asks which reminders are due.");
        remindersAt(nextWeek, "12:10", "It asks again ten minutes later.");
        LocalDate weekAfter = clock.day().plusDays(14);
        day(weekAfter);
        remindersAt(weekAfter, "12:00", "Nobody has moved the leads for another week.");
    }

    private void day(LocalDate date) {
        out.println("  " + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date);
    }

    private void remindersAt(LocalDate date, String hhmm, String what) {
        Instant at = clock.setTime(date, LocalTime.parse(hhmm));
        List<StaleReminder> sent = kit.reminders().due(at);
        say(HH_MM.format(at.atZone(clock.getZone())), what + " " + (sent.isEmpty() ? "None: each period reminds once." : sent.size() + " sent:"));
        for (StaleReminder reminder : sent) {
            wrapped(TEXT + "  - ", TEXT + "    ", "to " + person(reminder.recipientId()) + ": " + reminder.message());
        }
    }

    private void allLeads() {
        scene("All leads, as " + person(operator.userId()) + " sees them");
        TextTable table = new TextTable("lead", "name", "company", "city", "status", "owner", "version");
        for (Lead lead : kit.leads().list(operator, 0, 100)) {
            table.row(lead.id(), name(lead), lead.company().orElse(null), lead.get(LeadField.CITY).orElse(null),
                    status(lead.status()), owner(lead), lead.version());
        }
        table.print(out, "  ");
    }

    private void whatTheHostHeard() {
        scene("What the host heard");
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (LeadEvent event : heard) {
            byKind.merge(event.getClass().getSimpleName(), 1, Integer::sum);
        }
        String counts = byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        wrapped("  ", "The host's event subscriber heard " + heard.size() + " events: " + counts + ". Events carry"
                + " ids and field keys, never field values, so a host may log them or forward them to a broker."
                + " The refused changes raised none.");
        out.println();
        out.println("Done.");
    }

    // ---- printing helpers ----

    private void scene(String title) {
        scene++;
        out.println();
        out.println(scene + ". " + title);
        out.println("-".repeat(WIDTH));
    }

    private String time(String hhmm) {
        Instant at = clock.setTime(LocalTime.parse(hhmm));
        return HH_MM.format(at.atZone(clock.getZone()));
    }

    private void say(String time, String text) {
        List<String> lines = TextTable.wrap(text, WIDTH - TEXT.length());
        for (int i = 0; i < lines.size(); i++) {
            out.println((i == 0 ? "  " + time + "  " : TEXT) + lines.get(i));
        }
    }

    private void note(String text) {
        wrapped(TEXT, text);
    }

    private void wrapped(String indent, String text) {
        wrapped(indent, indent, text);
    }

    private void wrapped(String first, String rest, String text) {
        List<String> lines = TextTable.wrap(text, WIDTH - Math.max(first.length(), rest.length()));
        for (int i = 0; i < lines.size(); i++) {
            out.println((i == 0 ? first : rest) + lines.get(i));
        }
    }

    private void card(Lead lead) {
        out.println();
        out.println(TEXT + lead.id() + ", version " + lead.version() + (lead.isDeleted() ? ", deleted" : ""));
        TextTable card = new TextTable("", "");
        card.row("name", name(lead));
        for (LeadField field : new LeadField[] {LeadField.COMPANY, LeadField.TITLE, LeadField.EMAIL, LeadField.PHONE,
                LeadField.CITY, LeadField.COUNTRY, LeadField.REGISTRATION_NUMBER}) {
            lead.get(field).ifPresent(value -> card.row(field.key(), value));
        }
        card.row("status", status(lead.status()))
                .row("source", source(lead.source()))
                .row("owner", owner(lead));
        for (Map.Entry<String, FieldValue> custom : lead.custom().entrySet()) {
            card.row(custom.getKey(), shownCustom(custom.getKey(), custom.getValue()));
        }
        if (!lead.tags().isEmpty()) {
            card.row("tags", String.join(", ", new TreeSet<>(lead.tags())));
        }
        card.print(out, TEXT + "  ");
    }

    /** A change summary: catalogue fields with their labels, other fields by key only. */
    private String whatChanged(Lead before, Lead after) {
        List<String> parts = new ArrayList<>();
        for (LeadField field : LeadField.values()) {
            Optional<String> old = before.get(field);
            Optional<String> now = after.get(field);
            if (old.equals(now)) {
                continue;
            }
            if (field == LeadField.STATUS) {
                parts.add("status " + status(old.orElse("")) + " → " + status(now.orElse("")));
            } else if (old.isEmpty()) {
                parts.add(field.key() + " added");
            } else if (now.isEmpty()) {
                parts.add(field.key() + " cleared");
            } else {
                parts.add(field.key() + " changed");
            }
        }
        return parts.isEmpty() ? "nothing changed" : String.join(", ", parts);
    }

    /** A history value as a person reads it: labels for codes, names for user ids, minutes for instants. */
    private String shown(String fieldKey, Optional<String> value) {
        if (value.isEmpty()) {
            return "-";
        }
        String v = value.get();
        Optional<LeadField> field = LeadField.byKey(fieldKey);
        if (field.isEmpty()) {
            return v;
        }
        switch (field.get()) {
            case STATUS:
                return status(v);
            case SOURCE:
                return source(v);
            case OWNER:
                return person(v);
            case LEAD_DATE:
                return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(Instant.parse(v).atZone(clock.getZone()))
                        + " " + clock.getZone();
            default:
                return v;
        }
    }

    private String hhmm(Instant at) {
        return HH_MM.format(at.atZone(clock.getZone()));
    }

    /** The actor's rights on a lead, by key, in the order of {@link Right}. */
    private String rights(Actor actor, LeadId id) {
        return keys(kit.access().rights(actor, id));
    }

    private static String keys(Set<Right> rights) {
        return rights.isEmpty() ? "none" : EnumSet.copyOf(rights).stream().map(Right::key)
                .collect(Collectors.joining(", "));
    }

    private String status(String code) {
        return label(CatalogueKind.STATUS, code);
    }

    private String source(String code) {
        return label(CatalogueKind.SOURCE, code);
    }

    /** A custom value as a person reads it: a dropdown's option label, anything else as stored. */
    private String shownCustom(String key, FieldValue value) {
        CustomField field = kit.customFields().get(key);
        return field.options().stream().filter(o -> o.code().equals(value.canonical())).findFirst()
                .map(o -> o.labels().getOrDefault(locale.getLanguage(), o.labels().get("en")))
                .orElse(value.canonical());
    }

    private String label(CatalogueKind kind, String code) {
        return kit.catalogues().get(kind).entry(code).map(e -> e.label(locale)).orElse(code);
    }

    private String owner(Lead lead) {
        return lead.owner().map(this::person).orElse("(unassigned)");
    }

    private String person(Actor actor) {
        return person(actor.userId());
    }

    private String person(String userId) {
        return directory.user(userId).map(User::displayName).orElse(userId);
    }

    private static String name(Lead lead) {
        return (lead.firstName().orElse("") + " " + lead.lastName().orElse("")).strip();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - TextTable.length(text)));
    }
}
