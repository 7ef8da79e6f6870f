package dev.leadkit.examples;

import dev.leadkit.Actor;
import dev.leadkit.LeadKit;
import dev.leadkit.access.AccessRules;
import dev.leadkit.access.Directory;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.access.Right;
import dev.leadkit.access.Role;
import dev.leadkit.access.User;
import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.dedupe.Match;
import dev.leadkit.dedupe.MergePlan;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.InProcessEventPublisher;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.event.NotificationSink;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadPatch;
import dev.leadkit.query.Filter;
import dev.leadkit.query.LeadPage;
import dev.leadkit.query.LeadQuery;
import dev.leadkit.query.Sort;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a host application embeds LeadKit, in two parts that the README shows verbatim (the regions
 * between {@code tag::} and {@code end::} comments; {@code ReadmeSnippetsTest} keeps them equal):
 *
 * <ol>
 *   <li>{@link #quickStart(PrintStream)}: the embedded defaults, a lead created, changed, and its
 *       history read field by field;</li>
 *   <li>{@link #hostPorts(PrintStream)}: the host's own users behind the {@link Directory} port, its
 *       notification channel as a {@link NotificationSink}, and an {@link EventPublisher} subscriber;</li>
 *   <li>{@link #hostRules(PrintStream)}: the host's {@link AccessRules}, and a host event on LeadKit's bus
 *       ({@code kit.events()}) that moves a lead while statuses are locked.</li>
 * </ol>
 *
 * <p>{@link JpaEmbeddingExample} shows the JPA store on a real database.
 *
 * <p>The build runs them ({@code EmbeddingExampleTest}), so the example cannot rot. Run it yourself:
 * <pre>{@code
 * java -cp examples/target/leadkit.jar dev.leadkit.examples.EmbeddingExample
 * }</pre>
 *
 * @since 0.1
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /**
     * Runs the three parts, printing to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        quickStart(System.out);
        hostPorts(System.out);
        hostRules(System.out);
        queriesAndDuplicates(System.out);
    }

    /**
     * The embedded defaults: an in-memory store, the system clock, one user.
     *
     * @param out where the history is printed
     * @return the lead after the change
     */
    public static Lead quickStart(PrintStream out) {
        // tag::quick-start[]
        InMemoryDirectory directory = Directory.inMemory()
                .user("ayse", "Ayşe Yılmaz").team("sales-tr").add();
        LeadKit kit = LeadKit.builder().directory(directory).build();   // in-memory store, system clock

        Actor ayse = Actor.of("ayse");
        Lead lead = kit.leads().create(ayse, LeadDraft.builder()
                .firstName("Işıl").lastName("Ağaoğlu")
                .company("Ağaoğlu Tekstil A.Ş.").city("İstanbul")
                .phone("+90 212 555 01 23")
                .build());
        Lead contacted = kit.leads().update(ayse, lead.id(),
                LeadPatch.builder().set(LeadField.STATUS, "contacted").build(),
                lead.version());                                           // a stale version is a ConflictException

        for (HistoryEntry entry : kit.leads().history(ayse, contacted.id())) {
            for (FieldChange change : entry.changes()) {
                out.println(entry.action() + " " + change.field() + ": "
                        + change.before().orElse("-") + " -> " + change.after().orElse("-"));
            }
        }
        // end::quick-start[]
        return contacted;
    }

    /**
     * The host's own ports: users from its user table, its mail channel, its event listener.
     *
     * @param out where the host's channels print what they receive
     * @return the lead after the change
     */
    public static Lead hostPorts(PrintStream out) {
        // tag::host-ports[]
        // Your users, from your own user table; LeadKit asks at every call and copies nothing.
        Directory directory = new StaffDirectory(List.of(
                new User("mette", "Mette Sørensen", true, Set.of(Role.USER),
                        Optional.of("sales-dk"), Optional.empty()),
                new User("webshop", "Web shop connector", true, Set.of(Role.USER),
                        Optional.empty(), Optional.empty())));

        // People hear about leads through your channels: e-mail, web push, mobile.
        NotificationSink mail = notification ->
                out.println("mail to " + notification.recipientId() + ": " + notification.kind());

        // Systems hear about changes after they committed: subscribe here, or forward to a broker.
        InProcessEventPublisher events = EventPublisher.inProcess();
        events.subscribe(event -> out.println("event " + describe(event)));

        LeadKit kit = LeadKit.builder()
                .directory(directory)
                .notifications(mail)
                .events(events)
                .build();

        Lead egon = kit.leads().create(Actor.of("webshop"), LeadDraft.builder()
                .firstName("Egon").lastName("Tester")
                .company("Gardinfirmaet ApS").phone("+45 33 12 34 56")
                .source("web_form")
                .unassigned()                                              // waits in the unassigned inbox
                .build());
        Lead mine = kit.access().claim(Actor.of("mette"), egon.id());        // "Jeg tager den!"
        Lead qualified = kit.leads().update(Actor.of("mette"), mine.id(),
                LeadPatch.builder().set(LeadField.EMAIL, "egon@gardinfirmaet.dk").build(),
                mine.version());
        // end::host-ports[]
        return qualified;
    }

    /**
     * The host's rules: who may do what ({@link AccessRules}), and the host's own events on
     * LeadKit's bus, here a deal linked in the host's ERP that moves a lead while statuses are locked.
     *
     * @param out where the lead's status is printed
     * @return the lead after the deal moved it
     */
    public static Lead hostRules(PrintStream out) {
        InMemoryDirectory directory = Directory.inMemory()
                .user("admin", "Administrator").roles(Role.ADMIN).add()
                .user("mette", "Mette Sørensen").team("sales-dk").add();
        // tag::host-rules[]
        // Who may do what: seed 000's rules by default. Here the owner's team may view, edit and tag
        // each other's leads but not delete them, and only Admins and Managers see the unassigned inbox.
        AccessRules rules = AccessRules.defaults()
                .withTeamRights(EnumSet.of(Right.VIEW, Right.EDIT, Right.TAG))
                .withInboxOpenToAll(false);
        LeadKit kit = LeadKit.builder()
                .directory(directory)
                .accessRules(rules)
                .build();
        Actor admin = Actor.of("admin");
        Actor mette = Actor.of("mette");
        kit.workflow().setLockedStatuses(admin, true);              // statuses now move only by themselves

        Lead lead = kit.leads().create(mette, LeadDraft.builder()
                .firstName("Egon").lastName("Tester").company("Gardinfirmaet ApS")
                .build());
        // Your ERP linked a deal to the lead: say so on LeadKit's event bus, and the status follows.
        kit.events().publish(new LeadEvent.DealLinked(lead.id().value(), "mette",
                kit.clock().instant(), "order-4711"));
        Lead offered = kit.leads().get(mette, lead.id());
        out.println(lead.status() + " -> " + offered.status());      // new -> offer_made
        // end::host-rules[]
        return offered;
    }

    /** Events carry ids and field keys, never values: safe to print and to log. */
    private static String describe(LeadEvent event) {
        String kind = event.getClass().getSimpleName();
        if (event instanceof LeadEvent.Updated) {
            return kind + " by " + event.actorId() + " " + ((LeadEvent.Updated) event).fields();
        }
        return kind + " by " + event.actorId();
    }

    /**
     * Lists, search and duplicates on the embedded default: a folded search, a keyset page, a
     * duplicate check with its explanation, and a merge.
     *
     * @param out where the pages and matches are printed
     * @return the surviving lead of the merge
     */
    public static Lead queriesAndDuplicates(PrintStream out) {
        InMemoryDirectory directory = Directory.inMemory()
                .user("mette", "Mette Hansen").team("sales-dk").add();
        LeadKit kit = LeadKit.builder().directory(directory).build();
        Actor mette = Actor.of("mette");
        Lead first = kit.leads().create(mette, LeadDraft.builder()
                .firstName("Søren").lastName("Kærgård").email("soren@kaergaard.dk")
                .company("Kærgård Møbler ApS").city("Århus").build());
        // tag::queries-and-duplicates[]
        // Search is case- and accent-insensitive ("soren" finds "Søren"); pages are keyset cursors.
        LeadQuery query = LeadQuery.builder()
                .where(Filter.eq("status", "new"))
                .search("soren")
                .sort(Sort.asc("lastName"))
                .pageSize(50)
                .build();
        LeadPage page = kit.queries().list(mette, query);
        out.println(page.total() + " found; next page: " + page.nextCursor().map(query::after).isPresent());

        // A second entry of the same person: the check says who it matches, how strongly and why.
        LeadDraft again = LeadDraft.builder()
                .firstName("Soeren").lastName("Kaergaard").email("SOREN@kaergaard.dk")
                .company("Kærgård Møbler").build();
        for (Match match : kit.duplicates().check(mette, again)) {
            out.println(match.otherId() + " " + match.decision() + " " + match.score()
                    + " by " + match.explanation().rule());
        }
        Lead second = kit.leads().create(mette, again);                     // the default policy warns, not blocks
        Lead survivor = kit.duplicates().merge(mette, first.id(), first.version(),
                second.id(), second.version(), MergePlan.defaults());     // the other becomes a tombstone
        // end::queries-and-duplicates[]
        return survivor;
    }

    // tag::host-directory[]
    /** A host's user table behind LeadKit's Directory port: three questions, answered from memory here. */
    record StaffDirectory(Map<String, User> staff) implements Directory {

        /** @param users the host's staff, ids unique */
        StaffDirectory(List<User> users) {
            this(users.stream().collect(Collectors.toUnmodifiableMap(User::id, Function.identity())));
        }

        @Override
        public Optional<User> user(String userId) {
            return Optional.ofNullable(staff.get(userId));
        }

        @Override
        public Set<String> teamMembers(String teamId) {
            return staff.values().stream().filter(u -> u.teamId().equals(Optional.of(teamId)))
                    .map(User::id).collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public Set<String> directReports(String managerId) {
            return staff.values().stream().filter(u -> u.managerId().equals(Optional.of(managerId)))
                    .map(User::id).collect(Collectors.toUnmodifiableSet());
        }
    }
    // end::host-directory[]
}
