package dev.leadkit.access;

import dev.leadkit.Actor;
import dev.leadkit.IdGenerator;
import dev.leadkit.LeadKit;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.event.CollectingNotificationSink;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.InProcessEventPublisher;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.event.Notification;
import dev.leadkit.event.NotificationSink;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadPatch;
import dev.leadkit.lead.LeadService;
import dev.leadkit.store.Store;
import dev.leadkit.store.memory.InMemoryStore;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Test fixture: a small sales organisation as seed 000 describes it, and a deterministic LeadKit
 * (fixed clock, sequential ids, collecting notification sink, recorded events) on top of it.
 *
 * <ul>
 *   <li>Istanbul team: Ayşe (who owns the leads in most tests), Kemal, Zeynep</li>
 *   <li>Vilnius team: Jonas, Rasa</li>
 *   <li>Copenhagen team: Mette</li>
 *   <li>an Admin without a team</li>
 * </ul>
 */
final class Office {

    static final Actor AYSE = Actor.of("ayse");
    static final Actor KEMAL = Actor.of("kemal");
    static final Actor ZEYNEP = Actor.of("zeynep");
    static final Actor JONAS = Actor.of("jonas");
    static final Actor RASA = Actor.of("rasa");
    static final Actor METTE = Actor.of("mette");
    static final Actor ADMIN = Actor.of("admin");

    static final Instant START = Instant.parse("2025-03-03T09:00:00Z");

    /** Every right on one lead: seed 000's eight owner rights plus follow. */
    static final Set<Right> OWNER_RIGHTS = Set.of(Right.VIEW, Right.EDIT, Right.DELETE, Right.CONVERT, Right.TAG,
            Right.CLOSE, Right.GRANT, Right.TRANSFER, Right.FOLLOW);

    /** What seed 000 gives users of the owner's team (view, edit, delete, tag) plus follow (P8). */
    static final Set<Right> TEAM_RIGHTS = Set.of(Right.VIEW, Right.EDIT, Right.DELETE, Right.TAG, Right.FOLLOW);

    final InMemoryDirectory directory;
    final MutableClock clock = new MutableClock(START);
    final CollectingNotificationSink notifications = NotificationSink.collecting();
    final List<LeadEvent> events = new CopyOnWriteArrayList<>();
    final LeadKit kit;

    private Office(InMemoryDirectory directory, AccessRules rules, Store store) {
        this.directory = directory;
        InProcessEventPublisher publisher = EventPublisher.inProcess();
        publisher.subscribe(events::add);
        this.kit = LeadKit.builder()
                .store(store)
                .directory(directory)
                .accessRules(rules)
                .clock(clock)
                .ids(IdGenerator.sequential("id-"))
                .events(publisher)
                .notifications(notifications)
                .build();
    }

    /** Seed 000's organisation and rules. */
    static Office seed000() {
        return with(AccessRules.defaults(), UnaryOperator.identity());
    }

    /** Seed 000's organisation under other rules. */
    static Office withRules(AccessRules rules) {
        return with(rules, UnaryOperator.identity());
    }

    /** Seed 000's organisation plus more users, under the given rules. */
    static Office with(AccessRules rules, UnaryOperator<InMemoryDirectory> moreUsers) {
        return with(rules, moreUsers, new InMemoryStore());
    }

    static Office with(AccessRules rules, UnaryOperator<InMemoryDirectory> moreUsers, Store store) {
        InMemoryDirectory directory = Directory.inMemory()
                .user("ayse", "Ayşe Yılmaz").team("istanbul").add()
                .user("kemal", "Kemal Demir").team("istanbul").add()
                .user("zeynep", "Zeynep Kaya").team("istanbul").add()
                .user("jonas", "Jonas Petraitis").team("vilnius").add()
                .user("rasa", "Rasa Kazlauskienė").team("vilnius").add()
                .user("mette", "Mette Hansen").team("copenhagen").add()
                .user("admin", "Administrator").roles(Role.ADMIN).add();
        return new Office(moreUsers.apply(directory), rules, store);
    }

    LeadService leads() {
        return kit.leads();
    }

    AccessService access() {
        return kit.access();
    }

    /** A lead the given user created, and so owns (P0). */
    Lead leadOwnedBy(Actor owner) {
        return leads().create(owner, LeadDraft.builder().firstName("Egon").lastName("Tester")
                .company("Gardinfirmaet ApS").build());
    }

    /** A lead in the unassigned inbox, created by the Admin. */
    Lead unassignedLead() {
        return leads().create(ADMIN, LeadDraft.builder().firstName("Vaida").lastName("Jankauskaitė").unassigned().build());
    }

    /** The lead as stored now, read by the Admin. */
    Lead current(Lead lead) {
        return leads().get(ADMIN, lead.id());
    }

    /** Closes the current version of the lead with a reason, as the given actor (W7). */
    Lead close(Actor actor, Lead lead, String closedStatus) {
        return kit.workflow().close(actor, lead.id(), closedStatus, "no_budget", current(lead).version());
    }

    /**
     * Puts the lead into the converted status directly in the store: the state a conversion (K8)
     * leaves behind, which no patch or move may reach.
     */
    Lead markConverted(Lead lead) {
        return kit.store().inTransaction(tx -> {
            Lead stored = tx.leads().find(lead.id()).orElseThrow();
            Lead converted = stored.withStatus("converted", java.util.Optional.empty(), clock.instant());
            tx.leads().update(converted);
            return converted;
        });
    }

    /** Sets one field on the current version of the lead, as the given actor. */
    Lead edit(Actor actor, Lead lead, LeadField field, String value) {
        return leads().update(actor, lead.id(), LeadPatch.builder().set(field, value).build(), current(lead).version());
    }

    Set<Right> rightsOf(Actor actor, Lead lead) {
        return access().rights(actor, lead.id());
    }

    /** The lead's grants and followers as stored. */
    LeadAccess sharing(Lead lead) {
        return kit.store().inTransaction(tx -> tx.access().find(lead.id().value()));
    }

    List<HistoryEntry> history(Lead lead) {
        return leads().history(ADMIN, lead.id());
    }

    List<HistoryAction> historyActions(Lead lead) {
        return history(lead).stream().map(HistoryEntry::action).toList();
    }

    HistoryEntry lastHistoryEntry(Lead lead) {
        List<HistoryEntry> entries = history(lead);
        return entries.get(entries.size() - 1);
    }

    List<Notification> notificationsTo(Actor recipient) {
        return notifications.delivered().stream().filter(n -> n.recipientId().equals(recipient.userId())).toList();
    }

    List<String> notificationKindsTo(Actor recipient) {
        return notificationsTo(recipient).stream().map(Notification::kind).toList();
    }
}
