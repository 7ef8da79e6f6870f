package dev.leadkit.lead;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.leadkit.ConflictException;
import dev.leadkit.ValidationException;
import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.support.TestKit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.leadkit.support.Failures.thrownBy;
import static dev.leadkit.support.TestKit.ADMIN;
import static dev.leadkit.support.TestKit.AYSE;
import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the lead service over generated valid input. */
class LeadProperties {

    private static final Instant NOW = Instant.parse(TestKit.START).truncatedTo(java.time.temporal.ChronoUnit.MICROS);

    private static final Set<LeadField> REQUIRED = EnumSet.of(LeadField.FIRST_NAME, LeadField.LAST_NAME);
    private static final Set<LeadField> ALWAYS_SET = EnumSet.of(LeadField.STATUS, LeadField.SOURCE, LeadField.LEAD_DATE);

    /** Who owns a generated lead. */
    enum Owner { CREATOR, JONAS, NONE }

    /** A generated draft: raw values and the owner choice. */
    record Draft(Map<LeadField, String> raw, Owner owner) {
        LeadDraft build() {
            LeadDraft.Builder b = LeadDraft.builder();
            raw.forEach(b::set);
            switch (owner) {
                case JONAS:
                    b.owner("jonas");
                    break;
                case NONE:
                    b.unassigned();
                    break;
                case CREATOR:
                default:
                    break;
            }
            return b.build();
        }

        @Override
        public String toString() {
            return "Draft" + raw + " owner=" + owner;
        }
    }

    /** One step of a lead's life: a patch, or a delete followed by a restore. */
    record Step(Map<LeadField, Optional<String>> changes, boolean deleteAndRestore) {
        LeadPatch patch() {
            LeadPatch.Builder b = LeadPatch.builder();
            changes.forEach((field, value) -> value.ifPresentOrElse(v -> b.set(field, v), () -> b.clear(field)));
            return b.build();
        }
    }

    @Provide
    Arbitrary<Draft> drafts() {
        List<Arbitrary<Map.Entry<LeadField, String>>> fields = new ArrayList<>();
        for (LeadField field : LeadValues.settableFields()) {
            Arbitrary<Map.Entry<LeadField, String>> value = LeadValues.validValue(field, NOW).map(v -> Map.entry(field, v));
            fields.add(REQUIRED.contains(field) ? value : value.injectNull(0.5));
        }
        Arbitrary<Map<LeadField, String>> raw = Combinators.combine(fields).as(entries -> {
            Map<LeadField, String> map = new EnumMap<>(LeadField.class);
            entries.stream().filter(e -> e != null).forEach(e -> map.put(e.getKey(), e.getValue()));
            return map;
        });
        return Combinators.combine(raw, Arbitraries.of(Owner.class)).as(Draft::new);
    }

    @Provide
    Arbitrary<Step> steps() {
        // Status moves follow the workflow's table and have properties of their own (WorkflowProperties).
        List<LeadField> patchable = LeadValues.settableFields().stream().filter(f -> f != LeadField.STATUS).toList();
        Arbitrary<Map.Entry<LeadField, Optional<String>>> change = Arbitraries.of(patchable)
                .flatMap(field -> {
                    Arbitrary<Optional<String>> set = LeadValues.validValue(field, NOW).map(Optional::of);
                    boolean clearable = !REQUIRED.contains(field) && !ALWAYS_SET.contains(field);
                    Arbitrary<Optional<String>> value = clearable
                            ? Arbitraries.oneOf(set, Arbitraries.just(Optional.<String>empty())) : set;
                    return value.map(v -> Map.entry(field, v));
                });
        Arbitrary<Step> patch = change.list().ofMinSize(1).ofMaxSize(4).map(entries -> {
            Map<LeadField, Optional<String>> map = new EnumMap<>(LeadField.class);
            entries.forEach(e -> map.put(e.getKey(), e.getValue()));
            return new Step(map, false);
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, patch),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Step(Map.of(), true))));
    }

    @Provide
    Arbitrary<List<Step>> lives() {
        return steps().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Step>> shortLives() {
        return steps().list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<Long> versions() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-2, 12), Arbitraries.longs());
    }

    /** (a) A valid draft is stored as exactly its normalised values, and reads back unchanged. */
    @Property(tries = 200)
    void aValidDraftRoundTripsAsItsNormalisedValues(@ForAll("drafts") Draft draft) {
        TestKit t = TestKit.create();

        Lead created = t.kit.leads().create(AYSE, draft.build());

        Map<LeadField, String> expected = new EnumMap<>(LeadField.class);
        Statistics.label("normalisation changed a value").collect(draft.raw().entrySet().stream()
                .anyMatch(e -> !LeadValues.stored(e.getKey(), e.getValue()).equals(e.getValue())));
        Statistics.label("normalisation changed a value").coverage(c -> c.check(true).percentage(p -> p > 30));
        draft.raw().forEach((field, raw) -> {
            String stored = LeadValues.stored(field, raw);
            if (!stored.isEmpty()) {
                expected.put(field, stored);
            }
        });
        expected.putIfAbsent(LeadField.STATUS, "new");
        expected.putIfAbsent(LeadField.SOURCE, "reference");
        expected.putIfAbsent(LeadField.LEAD_DATE, NOW.toString());
        if (draft.owner() == Owner.CREATOR) {
            expected.put(LeadField.OWNER, "ayse");
        } else if (draft.owner() == Owner.JONAS) {
            expected.put(LeadField.OWNER, "jonas");
        }
        assertThat(created.values()).isEqualTo(expected);
        assertThat(t.kit.leads().get(AYSE, created.id())).isEqualTo(created);
        if (created.externalId().isPresent()) {
            assertThat(t.kit.leads().findByExternalId(AYSE, created.externalId().get())).contains(created);
        }
    }

    /** (b) Replaying the history from the first entry yields exactly the lead's current values. */
    @Property(tries = 200)
    void replayingTheHistoryYieldsTheCurrentValues(@ForAll("drafts") Draft draft,
                                                   @ForAll("lives") List<Step> steps) {
        TestKit t = TestKit.create();
        LeadService leads = t.kit.leads();
        // History, not access, is under test: the Admin may edit any lead, converted ones included once unlocked.
        t.kit.access().setConvertLock(ADMIN, false);
        Lead lead = leads.create(AYSE, draft.build());

        for (Step step : steps) {
            if (step.deleteAndRestore()) {
                leads.delete(ADMIN, lead.id());
                lead = leads.restore(ADMIN, lead.id());
            } else {
                lead = leads.update(ADMIN, lead.id(), step.patch(), lead.version());
            }
        }

        List<HistoryEntry> history = leads.history(ADMIN, lead.id());
        Map<LeadField, String> replayed = new EnumMap<>(LeadField.class);
        for (HistoryEntry entry : history) {
            for (FieldChange change : entry.changes()) {
                Optional<LeadField> field = LeadField.byKey(change.field());
                if (field.isEmpty()) {
                    assertThat(change.field()).isEqualTo("deleted");
                    assertThat(entry.action()).isIn(HistoryAction.DELETED, HistoryAction.RESTORED);
                    continue;
                }
                assertThat(change.before()).as("before of %s in entry %s", change.field(), entry.sequence())
                        .isEqualTo(Optional.ofNullable(replayed.get(field.get())));
                assertThat(change.after()).as("a change changes something").isNotEqualTo(change.before());
                change.after().ifPresentOrElse(v -> replayed.put(field.get(), v), () -> replayed.remove(field.get()));
            }
        }
        assertThat(replayed).isEqualTo(lead.values());
        assertThat(leads.get(ADMIN, lead.id())).isEqualTo(lead);
        assertThat(history).hasSize((int) lead.version());
        assertThat(history.get(0).action()).isEqualTo(HistoryAction.CREATED);
    }

    /** (c) An update carrying any version but the current one changes nothing. */
    @Property(tries = 200)
    void anUpdateOnAStaleVersionNeverChangesTheLead(@ForAll("drafts") Draft draft,
                                                    @ForAll("shortLives") List<Step> before,
                                                    @ForAll("steps") Step attempt,
                                                    @ForAll("versions") long version) {
        TestKit t = TestKit.create();
        LeadService leads = t.kit.leads();
        t.kit.access().setConvertLock(ADMIN, false);
        Lead lead = leads.create(AYSE, draft.build());
        for (Step step : before) {
            lead = step.deleteAndRestore() ? lead : leads.update(ADMIN, lead.id(), step.patch(), lead.version());
        }
        Assume.that(version != lead.version());
        Lead current = lead;
        int historyLength = leads.history(ADMIN, lead.id()).size();
        t.published.clear();

        LeadPatch patch = attempt.deleteAndRestore() ? LeadPatch.builder().build() : attempt.patch();
        ConflictException e = thrownBy(ConflictException.class, () -> leads.update(ADMIN, current.id(), patch, version));

        assertThat(e.code()).isEqualTo("lead.version.stale");
        assertThat(leads.get(ADMIN, current.id())).isEqualTo(current);
        assertThat(leads.history(ADMIN, current.id())).hasSize(historyLength);
        assertThat(t.published).isEmpty();
    }

    /**
     * For numbers written with a leading '+', our acceptance agrees with libphonenumber's "possible
     * number" on random digit strings (the documented rule: 3 to 17 digits, a real country code).
     */
    @Property(tries = 200)
    void anInternationalNumberIsAcceptedExactlyWhenLibphonenumberCallsItPossible(
            @ForAll("internationalNumbers") String phone) {
        boolean possible;
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            possible = util.isPossibleNumber(util.parse(phone, "ZZ"));
        } catch (NumberParseException e) {
            possible = false;
        }
        TestKit t = TestKit.create();
        boolean accepted;
        try {
            accepted = t.kit.leads().create(AYSE, TestKit.egon().phone(phone).build()).phone().isPresent();
        } catch (ValidationException e) {
            accepted = false;
        }

        assertThat(accepted).as("accepted (libphonenumber: possible=%s)", possible).isEqualTo(possible);
        Statistics.label("possible").collect(possible);
        Statistics.label("possible").coverage(c -> {
            c.check(true).count(n -> n >= 20);
            c.check(false).count(n -> n >= 20);
        });
    }

    @Provide
    Arbitrary<String> internationalNumbers() {
        Arbitrary<String> countryCode = Arbitraries.of("1", "7", "20", "44", "45", "49", "86", "90", "354", "370",
                "371", "372", "380", "800", "999", "0", "42", "2");
        Arbitrary<String> group = LeadValues.digits(1, 5);
        return Combinators.combine(countryCode, group.list().ofMinSize(1).ofMaxSize(5), Arbitraries.of(" ", "-", ""))
                .as((cc, groups, sep) -> "+" + cc + " " + String.join(sep, groups));
    }
}
