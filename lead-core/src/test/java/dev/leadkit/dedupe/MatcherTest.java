package dev.leadkit.dedupe;

import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatcherTest {

    private final Matcher matcher = Matcher.of(MatchRules.defaults());

    private static MatchRecord.Builder rec(String id) {
        return MatchRecord.builder(id);
    }

    @Test
    void theSameEmailWrittenOtherwiseIsADuplicateOnItsOwn() {
        Match m = matcher.compare(rec("1").set(MatchField.EMAIL, "Ann.Lee@gmail.com").build(),
                rec("2").set(MatchField.EMAIL, "annlee+crm@googlemail.com").build());

        assertThat(m.decision()).isEqualTo(Decision.DUPLICATE);
        assertThat(m.explanation().fields()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo(MatchField.EMAIL);
            assertThat(f.comparator()).isEqualTo("exact");
            assertThat(f.similarity()).isEqualTo(1.0);
        });
        assertThat(m.explanation().rule()).contains("duplicate").contains("EMAIL exact");
    }

    @Test
    void theSamePhoneInAnotherFormatOrTheSameRegistrationNumberIsStrong() {
        assertThat(matcher.compare(rec("1").set(MatchField.PHONE, "+45 20 30 40 50").build(),
                rec("2").set(MatchField.PHONE, "20304050").build()).decision()).isEqualTo(Decision.DUPLICATE);
        assertThat(matcher.compare(rec("1").set(MatchField.REGISTRATION_NUMBER, "DK 1234 5678").set(MatchField.COMPANY, "Nordisk Vind A/S").build(),
                rec("2").set(MatchField.REGISTRATION_NUMBER, "DK12345678").set(MatchField.COMPANY, "Nordisk Vind ApS").build())
                .decision()).isEqualTo(Decision.DUPLICATE);
    }

    @Test
    void aMissingValueIsNeitherAgreementNorDisagreement() {
        MatchRecord full = rec("1").set(MatchField.FIRST_NAME, "Ann").set(MatchField.LAST_NAME, "Lund")
                .set(MatchField.EMAIL, "ann@lund.dk").build();
        MatchRecord sparse = rec("2").set(MatchField.FIRST_NAME, "Ann").set(MatchField.LAST_NAME, "Lund").build();
        MatchRecord other = rec("3").set(MatchField.FIRST_NAME, "Ann").set(MatchField.LAST_NAME, "Lund")
                .set(MatchField.EMAIL, "someone@else.dk").build();

        Match withMissing = matcher.compare(full, sparse);
        Match withDifferent = matcher.compare(full, other);

        assertThat(withMissing.explanation().fields()).extracting(FieldScore::field)
                .containsExactly(MatchField.FIRST_NAME, MatchField.LAST_NAME);
        assertThat(withMissing.score()).isGreaterThan(withDifferent.score());
    }

    @Test
    void namesAloneAreAtMostAPossibleDuplicate() {
        Match m = matcher.compare(rec("1").set(MatchField.FIRST_NAME, "Jens").set(MatchField.LAST_NAME, "Jensen").build(),
                rec("2").set(MatchField.FIRST_NAME, "Jens").set(MatchField.LAST_NAME, "Jensen").build());

        assertThat(m.decision()).isEqualTo(Decision.POSSIBLE_DUPLICATE);
    }

    @Test
    void namesWithAddressOrBirthDateAreADuplicateDespiteTyposNicknamesAndTransliteration() {
        MatchRecord a = rec("1").set(MatchField.FIRST_NAME, "William").set(MatchField.LAST_NAME, "Sørensen")
                .set(MatchField.STREET, "Nørregade 12").set(MatchField.POSTCODE, "2100").set(MatchField.CITY, "København Ø").build();
        MatchRecord b = rec("2").set(MatchField.FIRST_NAME, "Bill").set(MatchField.LAST_NAME, "Soerensen")
                .set(MatchField.STREET, "Norregade 12").set(MatchField.POSTCODE, "DK-2100").set(MatchField.CITY, "Kobenhavn O").build();

        Match m = matcher.compare(a, b);

        assertThat(m.decision()).isEqualTo(Decision.DUPLICATE);
        assertThat(m.explanation().fields()).anySatisfy(f -> {
            assertThat(f.field()).isEqualTo(MatchField.FIRST_NAME);
            assertThat(f.comparator()).isEqualTo("nickname");
        });
    }

    @Test
    void swappedGivenNameAndSurnameStillMatch() {
        MatchRecord a = rec("1").set(MatchField.FIRST_NAME, "Mehmet").set(MatchField.LAST_NAME, "Yılmaz")
                .set(MatchField.BIRTH_DATE, "1980-03-12").set(MatchField.POSTCODE, "34000").build();
        MatchRecord b = rec("2").set(MatchField.FIRST_NAME, "Yilmaz").set(MatchField.LAST_NAME, "Mehmet")
                .set(MatchField.BIRTH_DATE, "12.03.1980").set(MatchField.POSTCODE, "34000").build();

        Match m = matcher.compare(a, b);

        assertThat(m.decision()).isEqualTo(Decision.DUPLICATE);
        assertThat(m.explanation().fields()).extracting(FieldScore::comparator).contains("swapped");
    }

    @Test
    void colleaguesAtTheSameCompanyAndAddressAreNotDuplicates() {
        MatchRecord a = rec("1").set(MatchField.FIRST_NAME, "Ann").set(MatchField.LAST_NAME, "Lund")
                .set(MatchField.COMPANY, "Nordisk Vind A/S").set(MatchField.STREET, "Havnegade 4")
                .set(MatchField.POSTCODE, "8000").set(MatchField.WEBSITE, "nordiskvind.dk")
                .set(MatchField.REGISTRATION_NUMBER, "12345678").build();
        MatchRecord b = rec("2").set(MatchField.FIRST_NAME, "Peter").set(MatchField.LAST_NAME, "Holm")
                .set(MatchField.COMPANY, "Nordisk Vind A/S").set(MatchField.STREET, "Havnegade 4")
                .set(MatchField.POSTCODE, "8000").set(MatchField.WEBSITE, "nordiskvind.dk")
                .set(MatchField.REGISTRATION_NUMBER, "12345678").build();

        Match m = matcher.compare(a, b);

        assertThat(m.decision()).isEqualTo(Decision.DISTINCT);
        assertThat(m.explanation().fields()).filteredOn(f -> f.field() == MatchField.COMPANY).singleElement()
                .satisfies(f -> assertThat(f.comparator()).contains("not counted: names disagree"));
    }

    @Test
    void relativesAtTheSameAddressAreNotDuplicates() {
        MatchRecord a = rec("1").set(MatchField.FIRST_NAME, "jack").set(MatchField.LAST_NAME, "smith")
                .set(MatchField.HOUSE_NUMBER, "12").set(MatchField.STREET, "george street").set(MatchField.CITY, "bondi")
                .set(MatchField.POSTCODE, "2026").set(MatchField.BIRTH_DATE, "19700101").build();
        MatchRecord b = rec("2").set(MatchField.FIRST_NAME, "emily").set(MatchField.LAST_NAME, "smith")
                .set(MatchField.HOUSE_NUMBER, "12").set(MatchField.STREET, "george st").set(MatchField.CITY, "bondi")
                .set(MatchField.POSTCODE, "2026").set(MatchField.BIRTH_DATE, "19990505").build();

        assertThat(matcher.compare(a, b).decision()).isEqualTo(Decision.DISTINCT);
    }

    @Test
    void companiesWithoutPersonsMatchOnNameAndPhoneAcrossLegalForms() {
        Match m = matcher.compare(rec("1").set(MatchField.COMPANY, "Zafer Enerji A.Ş.").set(MatchField.PHONE, "+90 212 555 0101").build(),
                rec("2").set(MatchField.COMPANY, "Zafer Enerji Ltd. Şti.").set(MatchField.PHONE, "0090 212 5550101").build());

        assertThat(m.decision()).isEqualTo(Decision.DUPLICATE);
    }

    @Test
    void aRecordAgainstItselfScoresOne() {
        MatchRecord a = rec("1").set(MatchField.LAST_NAME, "Lund").build();

        Match m = matcher.compare(a, a);

        assertThat(m.score()).isEqualTo(1.0);
        assertThat(m.decision()).isEqualTo(Decision.DUPLICATE);
        assertThat(m.explanation().rule()).isEqualTo("the same record");
    }

    @Test
    void thresholdsAndWeightsAreConfigurable() {
        MatchRecord a = rec("1").set(MatchField.FIRST_NAME, "Jens").set(MatchField.LAST_NAME, "Jensen").build();
        MatchRecord b = rec("2").set(MatchField.FIRST_NAME, "Jens").set(MatchField.LAST_NAME, "Jensen").build();
        Matcher strictNames = Matcher.of(MatchRules.builder().weights(MatchField.LAST_NAME, 12, -6).build());

        assertThat(strictNames.compare(a, b).decision()).isEqualTo(Decision.DUPLICATE);
        assertThatThrownBy(() -> MatchRules.builder().possibleThreshold(0.9).duplicateThreshold(0.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("possible-duplicate threshold");
        assertThatThrownBy(() -> MatchRules.builder().weights(MatchField.EMAIL, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rankKeepsMatchesAbovePossibleBestFirstWithoutItselfAndDeclaredDistinctPairs() {
        MatchRecord me = rec("me").set(MatchField.EMAIL, "ann@lund.dk").set(MatchField.FIRST_NAME, "Ann").set(MatchField.LAST_NAME, "Lund").build();
        List<MatchRecord> candidates = List.of(me,
                rec("weak").set(MatchField.FIRST_NAME, "Ann").set(MatchField.LAST_NAME, "Lund").build(),
                rec("strong").set(MatchField.EMAIL, "ANN@lund.dk").set(MatchField.FIRST_NAME, "Ann").build(),
                rec("other").set(MatchField.FIRST_NAME, "Bo").set(MatchField.LAST_NAME, "Holm").build(),
                rec("declined").set(MatchField.EMAIL, "ann@lund.dk").build());

        List<Match> ranked = matcher.rank(me, candidates, (a, b) -> b.equals("declined"));

        assertThat(ranked).extracting(Match::otherId).containsExactly("strong", "weak");
        assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
    }

    @Test
    void blockingKeysAreSeveralSoOneTypoDoesNotHideAPair() {
        MatchRecord a = rec("1").set(MatchField.FIRST_NAME, "Ann").set(MatchField.LAST_NAME, "Lund")
                .set(MatchField.POSTCODE, "2100").set(MatchField.EMAIL, "ann@lund.dk").build();
        MatchRecord typo = rec("2").set(MatchField.FIRST_NAME, "Ann").set(MatchField.LAST_NAME, "Lnud")
                .set(MatchField.POSTCODE, "2100").build();

        List<String> keys = matcher.blockingKeys(a);

        assertThat(keys.size()).isGreaterThanOrEqualTo(4);
        assertThat(keys).anyMatch(k -> k.startsWith("e:"));
        assertThat(keys).containsAnyElementsOf(matcher.blockingKeys(typo));
    }

    @Test
    void aLeadBecomesARecordUnderItsId() {
        Lead lead = Lead.of(LeadId.of("L1"), 1, Map.of(LeadField.FIRST_NAME, "Ann", LeadField.LAST_NAME, "Lund",
                        LeadField.EMAIL, "ann@lund.dk", LeadField.COMPANY, "Lund ApS", LeadField.STATUS, "new",
                        LeadField.SOURCE, "web", LeadField.LEAD_DATE, "2026-01-01T00:00:00Z"),
                "u1", Instant.EPOCH, Instant.EPOCH, false);

        MatchRecord r = MatchRecord.from(lead);

        assertThat(r.id()).isEqualTo("L1");
        assertThat(r.values()).containsEntry(MatchField.EMAIL, "ann@lund.dk").containsEntry(MatchField.COMPANY, "Lund ApS")
                .doesNotContainKey(MatchField.PHONE);
        assertThat(r.toString()).doesNotContain("Ann");
    }
}
