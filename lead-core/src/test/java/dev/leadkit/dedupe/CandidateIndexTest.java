package dev.leadkit.dedupe;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateIndexTest {

    private final CandidateIndex index = CandidateIndex.inMemory(Matcher.of(MatchRules.defaults()));

    private static MatchRecord person(String id, String first, String last, String email) {
        MatchRecord.Builder b = MatchRecord.builder(id).set(MatchField.FIRST_NAME, first).set(MatchField.LAST_NAME, last);
        return b.set(MatchField.EMAIL, email).build();
    }

    private static MatchRecord inAarhus(MatchRecord r) {
        java.util.Map<MatchField, String> values = new java.util.EnumMap<>(MatchField.class);
        values.putAll(r.values());
        values.put(MatchField.CITY, "Aarhus");
        return MatchRecord.of(r.id(), values);
    }

    @Test
    void aCheckFindsTheIndexedDuplicateBestFirstAndNotTheRecordItself() {
        index.put(person("1", "Ann", "Lund", "ann@lund.dk"));
        // The same name and city, no e-mail: a weaker match (a name alone would not be one).
        index.put(MatchRecord.builder("2").set(MatchField.FIRST_NAME, "Anne").set(MatchField.LAST_NAME, "Lund")
                .set(MatchField.CITY, "Aarhus").build());
        index.put(person("3", "Bo", "Holm", "bo@holm.dk"));
        index.put(person("4", "Anne", "Lund", null));

        List<Match> found = index.matches(inAarhus(person("1", "Ann", "Lund", "ANN@lund.dk")));

        assertThat(found).extracting(Match::otherId).containsExactly("2");
        List<Match> fresh = index.matches(inAarhus(person("new", "Ann", "Lund", "ann@lund.dk")));
        assertThat(fresh).extracting(Match::otherId).containsExactly("1", "2");
        assertThat(fresh.get(0).decision()).isEqualTo(Decision.DUPLICATE);
        assertThat(fresh.get(0).explanation().fields()).isNotEmpty();
    }

    @Test
    void anUpdateReplacesTheKeysOfTheRecord() {
        index.put(person("1", "Ann", "Lund", "ann@lund.dk"));

        index.put(person("1", "Peter", "Holm", "peter@holm.dk"));

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.matches(person("x", "Ann", "Lund", "ann@lund.dk"))).isEmpty();
        assertThat(index.matches(person("x", "Peter", "Holm", "peter@holm.dk"))).extracting(Match::otherId).containsExactly("1");
    }

    @Test
    void aRemovedOrMergedAwayRecordIsNoLongerFound() {
        index.put(person("1", "Ann", "Lund", "ann@lund.dk"));
        index.put(person("2", "Ann", "Lund", "ann@lund.dk"));

        assertThat(index.remove("2")).isTrue();
        assertThat(index.remove("2")).isFalse();

        assertThat(index.matches(person("x", "Ann", "Lund", "ann@lund.dk"))).extracting(Match::otherId).containsExactly("1");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void pairsDeclaredNotDuplicatesAreLeftOut() {
        index.put(person("1", "Ann", "Lund", "ann@lund.dk"));
        index.put(person("2", "Ann", "Lund", "ann@lund.dk"));

        List<Match> found = index.matches(person("1", "Ann", "Lund", "ann@lund.dk"), (a, b) -> a.equals("1") && b.equals("2"));

        assertThat(found).isEmpty();
    }

    @Test
    void aKeySharedByTooManyRecordsYieldsNoCandidatesButOtherKeysStillDo() {
        CandidateIndex capped = CandidateIndex.inMemory(Matcher.of(MatchRules.defaults()), 3);
        for (int i = 0; i < 10; i++) {
            capped.put(MatchRecord.builder("c" + i).set(MatchField.COMPANY, "Nordisk Vind A/S")
                    .set(MatchField.PHONE, "+45 2030 40" + (10 + i)).build());
        }

        List<Match> byPhone = capped.matches(MatchRecord.builder("x").set(MatchField.COMPANY, "Nordisk Vind")
                .set(MatchField.PHONE, "20304015").build());

        assertThat(byPhone).extracting(Match::otherId).containsExactly("c5");
    }

    @Test
    void checksRunSafelyWhileRecordsArePutAndRemoved() throws Exception {
        for (int i = 0; i < 2_000; i++) {
            index.put(person("p" + i, "Ann" + (i % 50), "Lund" + (i % 100), "ann" + i + "@lund.dk"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    String id = "t" + thread + "-" + i;
                    index.put(person(id, "Ann1", "Lund1", id + "@lund.dk"));
                    assertThat(index.matches(person("q", "Ann1", "Lund1", id + "@lund.dk")))
                            .extracting(Match::otherId).contains(id);
                    index.remove(id);
                }
            }));
        }
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(index.size()).isEqualTo(2_000);
    }
}
