package dev.leadkit.dedupe;

import dev.leadkit.dedupe.synthetic.SyntheticData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateScanTest {

    private final Matcher matcher = Matcher.of(MatchRules.defaults());

    private static MatchRecord person(String id, String first, String last, String email, String phone) {
        return MatchRecord.builder(id).set(MatchField.FIRST_NAME, first).set(MatchField.LAST_NAME, last)
                .set(MatchField.EMAIL, email).set(MatchField.PHONE, phone).build();
    }

    @Test
    void duplicatesFormClustersWithTheirScoredPairsAndDistinctRecordsStayAlone() {
        List<MatchRecord> records = List.of(
                person("1", "Ann", "Lund", "ann@lund.dk", null),
                person("2", "Bo", "Holm", "bo@holm.dk", "+45 20304050"),
                person("3", "Anne", "Lund", "ANN@lund.dk", null),
                person("4", "Bo", "Holm", null, "20 30 40 50"),
                person("5", "Eva", "Dahl", "eva@dahl.dk", null));

        ScanResult result = DuplicateScan.builder(matcher).threads(2).build().run(records);

        assertThat(result.clusters()).extracting(Cluster::ids).containsExactly(List.of("1", "3"), List.of("2", "4"));
        assertThat(result.clusters()).allSatisfy(c -> {
            assertThat(c.decision()).isEqualTo(Decision.DUPLICATE);
            assertThat(c.pairs()).singleElement().satisfies(m -> assertThat(m.explanation().fields()).isNotEmpty());
        });
        assertThat(result.summary().records()).isEqualTo(5);
        assertThat(result.summary().clusters()).isEqualTo(2);
        assertThat(result.summary().duplicateClusters()).isEqualTo(2);
    }

    @Test
    void aPairSharingManyKeysIsComparedOnce() {
        MatchRecord a = MatchRecord.builder("a").set(MatchField.FIRST_NAME, "Ann").set(MatchField.LAST_NAME, "Lund")
                .set(MatchField.EMAIL, "ann@lund.dk").set(MatchField.PHONE, "20304050").set(MatchField.POSTCODE, "2100")
                .set(MatchField.COMPANY, "Lund ApS").set(MatchField.BIRTH_DATE, "1980-01-02").build();
        MatchRecord b = MatchRecord.of("b", a.values());

        ScanSummary summary = DuplicateScan.builder(matcher).build().run(List.of(a, b)).summary();

        assertThat(matcher.blockingKeys(a).size()).isGreaterThan(5);
        assertThat(summary.pairsCompared()).isEqualTo(1);
        assertThat(summary.pairsMatched()).isEqualTo(1);
    }

    private static MatchRecord inAarhus(MatchRecord r) {
        java.util.Map<MatchField, String> values = new java.util.EnumMap<>(MatchField.class);
        values.putAll(r.values());
        values.put(MatchField.CITY, "Aarhus");
        return MatchRecord.of(r.id(), values);
    }

    @Test
    void theChainingGuardKeepsAPossibleLinkFromJoiningTwoClusters() {
        // a–b and c–d are duplicates by e-mail; across the pairs they share only name and city:
        // a possible link at best.
        List<MatchRecord> records = List.of(
                inAarhus(person("a", "Ann", "Lund", "ann@lund.dk", null)),
                inAarhus(person("b", "Ann", "Lund", "ann@lund.dk", "+45 11111111")),
                inAarhus(person("c", "Ann", "Lund", "other@lund.dk", "+45 22222222")),
                inAarhus(person("d", "Ann", "Lund", "other@lund.dk", null)));

        ScanResult result = DuplicateScan.builder(matcher).build().run(records);

        assertThat(result.clusters()).extracting(Cluster::ids).containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThat(result.summary().splitLinks()).isPositive();
    }

    @Test
    void aClusterNeverGrowsPastTheMaximumSize() {
        List<MatchRecord> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(person("r" + i, "Ann", "Lund", "ann@lund.dk", null));
        }

        ScanResult result = DuplicateScan.builder(matcher).maxClusterSize(5).build().run(records);

        assertThat(result.clusters()).allSatisfy(c -> assertThat(c.ids()).hasSizeLessThanOrEqualTo(5));
        assertThat(result.clusters().stream().mapToInt(c -> c.ids().size()).sum()).isEqualTo(12);
    }

    @Test
    void anOversizedBlockIsComparedWithinAWindowAndCounted() {
        List<MatchRecord> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            records.add(MatchRecord.builder("r" + i).set(MatchField.COMPANY, "Acme Ltd")
                    .set(MatchField.FIRST_NAME, "Person" + i).set(MatchField.LAST_NAME, "Name" + (char) ('a' + i % 26) + i).build());
        }
        records.add(MatchRecord.builder("dup").set(MatchField.COMPANY, "Acme Ltd").set(MatchField.FIRST_NAME, "Person7")
                .set(MatchField.LAST_NAME, "Nameh7").build());

        ScanSummary small = DuplicateScan.builder(matcher).maxBlockSize(10).window(3).build().run(records).summary();
        ScanSummary full = DuplicateScan.builder(matcher).maxBlockSize(100).build().run(records).summary();

        assertThat(small.oversizedBlocks()).isPositive();
        assertThat(small.pairsCompared()).isLessThan(full.pairsCompared());
        assertThat(full.oversizedBlocks()).isZero();
    }

    @Test
    void theDefaultsCompareBlocksOfUpToFiftyInFullAndLargerOnesInAWindowOfFive() {
        List<MatchRecord> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            records.add(MatchRecord.builder("r" + i).set(MatchField.COMPANY, "Acme Ltd")
                    .set(MatchField.EMAIL, "person" + i + "@example.com").build());
        }

        ScanSummary fifty = DuplicateScan.builder(matcher).build().run(records.subList(0, 50)).summary();
        ScanSummary sixty = DuplicateScan.builder(matcher).build().run(records).summary();

        assertThat(fifty.oversizedBlocks()).isZero();
        assertThat(fifty.pairsCompared()).isEqualTo(50 * 49 / 2);
        assertThat(sixty.oversizedBlocks()).isPositive();
        // Each record with the next five: 55 * 5 + 4 + 3 + 2 + 1, each pair once however many keys it shares.
        assertThat(sixty.pairsCompared()).isEqualTo(55 * 5 + 10);
    }

    @Test
    void theClustersAndTheirPairsAreTheSameWhateverTheNumberOfThreads() {
        List<MatchRecord> records = SyntheticData.generate(SyntheticData.Profile.LEADS, 3_000,
                SyntheticData.Severity.HEAVY, 7).records();

        List<Cluster> one = DuplicateScan.builder(matcher).threads(1).build().run(records).clusters();
        List<Cluster> two = DuplicateScan.builder(matcher).threads(2).build().run(records).clusters();
        List<Cluster> three = DuplicateScan.builder(matcher).threads(3).build().run(records).clusters();

        assertThat(two).isNotEmpty().isEqualTo(one);
        assertThat(three).isEqualTo(one);
    }

    @Test
    void progressIsReportedThroughEveryPhase() {
        List<ScanProgress> reports = new CopyOnWriteArrayList<>();
        List<MatchRecord> records = List.of(person("1", "Ann", "Lund", "ann@lund.dk", null),
                person("2", "Ann", "Lund", "ann@lund.dk", null));

        DuplicateScan.builder(matcher).listener(reports::add).build().run(records);

        assertThat(reports).extracting(ScanProgress::phase).contains(ScanProgress.Phase.READING,
                ScanProgress.Phase.BLOCKING, ScanProgress.Phase.COMPARING, ScanProgress.Phase.CLUSTERING,
                ScanProgress.Phase.DONE);
        ScanProgress last = reports.get(reports.size() - 1);
        assertThat(last.phase()).isEqualTo(ScanProgress.Phase.DONE);
        assertThat(last.recordsRead()).isEqualTo(2);
        assertThat(last.pairsCompared()).isEqualTo(1);
    }

    @Test
    void clustersStreamToTheConsumerInTheOrderOfTheirFirstMember() {
        List<MatchRecord> records = List.of(person("x", "Bo", "Holm", "bo@holm.dk", null),
                person("y", "Ann", "Lund", "ann@lund.dk", null), person("z", "Bo", "Holm", "bo@holm.dk", null),
                person("w", "Ann", "Lund", "ann@lund.dk", null));
        List<Cluster> streamed = new ArrayList<>();

        ScanSummary s = DuplicateScan.builder(matcher).build().run(records.iterator(), streamed::add);

        assertThat(streamed).extracting(c -> c.ids().get(0)).containsExactly("x", "y");
        assertThat(s.clusters()).isEqualTo(2);
    }

    private static MatchRecord sparse(String id, String first, String last) {
        return MatchRecord.builder(id).set(MatchField.FIRST_NAME, first).set(MatchField.LAST_NAME, last)
                .set(MatchField.COUNTRY, "DK").build();
    }

    @Test
    void aCommonFullNameAloneIsNotAPossibleDuplicateInAScanWhileARareOneIs() {
        List<MatchRecord> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add(sparse("common-" + i, "Ann", "Jensen"));
        }
        records.add(sparse("rare-1", "Xenia", "Quistgaard"));
        records.add(sparse("rare-2", "Xenia", "Quistgaard"));
        // Two of the namesakes share an e-mail address as well: still duplicates.
        records.add(person("mail-1", "Ann", "Jensen", "ann.j@lund.dk", null));
        records.add(person("mail-2", "Ann", "Jensen", "ann.j@lund.dk", null));

        // Without the evidence floor (which keeps any name alone below the possible threshold), so
        // that the common-name weight is seen on its own.
        Matcher namesCount = Matcher.of(MatchRules.defaults().toBuilder().evidenceFloor(false).build());
        ScanResult result = DuplicateScan.builder(namesCount).threads(2).build().run(records);

        // Compared one by one (no counting), any two namesakes are a possible duplicate.
        assertThat(namesCount.compare(records.get(0), records.get(1)).decision()).isEqualTo(Decision.POSSIBLE_DUPLICATE);
        // With the evidence floor, neither a common nor a rare name alone makes a possible duplicate.
        assertThat(matcher.compare(records.get(0), records.get(1)).decision()).isEqualTo(Decision.DISTINCT);
        assertThat(DuplicateScan.builder(matcher).threads(2).build().run(records).clusters()).extracting(Cluster::ids)
                .containsExactly(List.of("mail-1", "mail-2"));
        assertThat(result.clusters()).extracting(Cluster::ids)
                .containsExactlyInAnyOrder(List.of("rare-1", "rare-2"), List.of("mail-1", "mail-2"));
        assertThat(result.clusters()).filteredOn(c -> c.ids().contains("mail-1")).singleElement()
                .satisfies(c -> {
                    assertThat(c.decision()).isEqualTo(Decision.DUPLICATE);
                    assertThat(c.pairs().get(0).explanation().fields()).anySatisfy(f ->
                            assertThat(f.comparator()).startsWith("common name (302 records)"));
                });
        assertThat(result.summary().pairsCompared()).isGreaterThan(300);
    }
}
