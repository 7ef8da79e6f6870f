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
import static org.assertj.core.api.Assertions.within;

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
                .set(MatchField.CITY, "Aarhus").set(MatchField.EMAIL, "ann@lund.dk").build();
        MatchRecord sparse = rec("2").set(MatchField.FIRST_NAME, "Ann").set(MatchField.LAST_NAME, "Lund")
                .set(MatchField.CITY, "Aarhus").build();
        MatchRecord other = rec("3").set(MatchField.FIRST_NAME, "Ann").set(MatchField.LAST_NAME, "Lund")
                .set(MatchField.CITY, "Aarhus").set(MatchField.EMAIL, "someone@else.dk").build();

        Match withMissing = matcher.compare(full, sparse);
        Match withDifferent = matcher.compare(full, other);

        assertThat(withMissing.explanation().fields()).extracting(FieldScore::field)
                .containsExactly(MatchField.FIRST_NAME, MatchField.LAST_NAME, MatchField.CITY);
        assertThat(withMissing.score()).isGreaterThan(withDifferent.score());
    }

    @Test
    void namesAloneAreNotAPossibleDuplicateAndTheExplanationSaysWhy() {
        MatchRecord a = rec("1").set(MatchField.FIRST_NAME, "Jens").set(MatchField.LAST_NAME, "Jensen")
                .set(MatchField.COUNTRY, "DK").build();
        MatchRecord b = rec("2").set(MatchField.FIRST_NAME, "Jens").set(MatchField.LAST_NAME, "Jensen")
                .set(MatchField.COUNTRY, "Denmark").build();

        Match m = matcher.compare(a, b);

        MatchRules rules = MatchRules.defaults();
        assertThat(rules.evidenceFloor()).isTrue();
        assertThat(m.decision()).isEqualTo(Decision.DISTINCT);
        assertThat(m.score()).isCloseTo(rules.possibleThreshold() - 0.05, within(1e-9));
        assertThat(m.explanation().fields()).filteredOn(f -> f.field() == MatchField.FULL_NAME).singleElement()
                .satisfies(f -> {
                    assertThat(f.comparator()).startsWith("evidence floor: names alone");
                    assertThat(f.weight()).isNegative();
                });
        assertThat(m.explanation().fields().stream().mapToDouble(FieldScore::weight).sum())
                .isCloseTo(m.explanation().totalWeight(), within(1e-9));
        assertThat(m.explanation().rule()).contains("evidence floor: names alone");
        assertThat(matcher.compare(b, a).score()).isEqualTo(m.score());
    }

    @Test
    void withoutTheEvidenceFloorNamesAloneAreAPossibleDuplicate() {
        MatchRecord a = rec("1").set(MatchField.FIRST_NAME, "Jens").set(MatchField.LAST_NAME, "Jensen").build();
        MatchRecord b = rec("2").set(MatchField.FIRST_NAME, "Jens").set(MatchField.LAST_NAME, "Jensen").build();
        MatchRules noFloor = MatchRules.defaults().toBuilder().evidenceFloor(false).build();

        Match m = Matcher.of(noFloor).compare(a, b);

        assertThat(noFloor.evidenceFloor()).isFalse();
        assertThat(noFloor.toBuilder().build().evidenceFloor()).isFalse();
        assertThat(m.decision()).isEqualTo(Decision.POSSIBLE_DUPLICATE);
        assertThat(m.explanation().fields()).extracting(FieldScore::field).doesNotContain(MatchField.FULL_NAME);
        assertThat(m.explanation().rule()).doesNotContain("evidence floor");
    }

    @Test
    void anyOtherAgreeingAttributeLiftsTheEvidenceFloorButCountryDoesNot() {
        MatchRecord.Builder jens = rec("1").set(MatchField.FIRST_NAME, "Jens").set(MatchField.LAST_NAME, "Jensen");
        MatchRecord.Builder jens2 = rec("2").set(MatchField.FIRST_NAME, "Jens").set(MatchField.LAST_NAME, "Jensen");

        Match withCity = matcher.compare(jens.set(MatchField.CITY, "Odense").build(), jens2.set(MatchField.CITY, "Odense").build());
        Match withCountry = matcher.compare(rec("1").set(MatchField.FIRST_NAME, "Jens").set(MatchField.LAST_NAME, "Jensen")
                        .set(MatchField.COUNTRY, "DK").set(MatchField.REGION, "Fyn").build(),
                rec("2").set(MatchField.FIRST_NAME, "Jens").set(MatchField.LAST_NAME, "Jensen")
                        .set(MatchField.COUNTRY, "DK").set(MatchField.REGION, "Fyn").build());

        assertThat(withCity.decision()).isNotEqualTo(Decision.DISTINCT);
        assertThat(withCity.explanation().fields()).extracting(FieldScore::field).doesNotContain(MatchField.FULL_NAME);
        assertThat(withCountry.decision()).isEqualTo(Decision.DISTINCT);
        assertThat(withCountry.explanation().fields()).extracting(FieldScore::field).contains(MatchField.FULL_NAME);
    }

    @Test
    void eMailsThatDifferInTheMailboxNumberOnlyDisagree() {
        MatchRecord a = rec("1").set(MatchField.FIRST_NAME, "John").set(MatchField.LAST_NAME, "Smith")
                .set(MatchField.EMAIL, "john.smith1@example.com").build();
        MatchRecord b = rec("2").set(MatchField.FIRST_NAME, "John").set(MatchField.LAST_NAME, "Smith")
                .set(MatchField.EMAIL, "john.smith2@example.com").build();
        MatchRecord typo = rec("3").set(MatchField.FIRST_NAME, "John").set(MatchField.LAST_NAME, "Smith")
                .set(MatchField.EMAIL, "john.smiht1@example.com").build();

        Match numbered = matcher.compare(a, b);
        Match typed = matcher.compare(a, typo);

        assertThat(numbered.decision()).isEqualTo(Decision.DISTINCT);
        assertThat(numbered.explanation().fields()).filteredOn(f -> f.field() == MatchField.EMAIL).singleElement()
                .satisfies(f -> {
                    assertThat(f.comparator()).isEqualTo("mailbox-number");
                    assertThat(f.weight()).isEqualTo(MatchRules.defaults().disagreeWeight(MatchField.EMAIL));
                });
        assertThat(typed.decision()).isEqualTo(Decision.DUPLICATE);
        assertThat(typed.explanation().fields()).filteredOn(f -> f.field() == MatchField.EMAIL).singleElement()
                .satisfies(f -> assertThat(f.comparator()).isEqualTo("edit-distance"));
    }

    @Test
    void theMailboxNumberIsADigitReplacedAddedOrSwapped() {
        assertThat(Matcher.mailboxNumber("ann1@x.dk", "ann2@x.dk")).isTrue();
        assertThat(Matcher.mailboxNumber("ann@x.dk", "ann7@x.dk")).isTrue();
        assertThat(Matcher.mailboxNumber("ann17@x.dk", "ann1@x.dk")).isTrue();
        assertThat(Matcher.mailboxNumber("ann27@x.dk", "ann72@x.dk")).isTrue();
        assertThat(Matcher.mailboxNumber("ann@x.dk", "anm@x.dk")).isFalse();
        assertThat(Matcher.mailboxNumber("ann1@x.dk", "annl@x.dk")).isFalse();
        assertThat(Matcher.mailboxNumber("ann1@x.dk", "ann1@x.dk")).isFalse();
        assertThat(Matcher.mailboxNumber("ann12@x.dk", "ann34@x.dk")).isFalse();
    }

    @Test
    void anEMailOneEditAwayCountsNothingWhenTheNamesDisagreeOrWhenItRepeatsTheNames() {
        MatchRecord ann = rec("1").set(MatchField.FIRST_NAME, "Ann").set(MatchField.LAST_NAME, "Lund")
                .set(MatchField.EMAIL, "sales@lund.dk").build();
        MatchRecord bo = rec("2").set(MatchField.FIRST_NAME, "Bo").set(MatchField.LAST_NAME, "Holm")
                .set(MatchField.EMAIL, "sale@lund.dk").build();
        MatchRecord kazlauskas = rec("3").set(MatchField.FIRST_NAME, "Ona").set(MatchField.LAST_NAME, "Kazlauskas")
                .set(MatchField.EMAIL, "ona.kazlauskas@gmail.com").build();
        MatchRecord kazlauskis = rec("4").set(MatchField.FIRST_NAME, "Ona").set(MatchField.LAST_NAME, "Kazlauskis")
                .set(MatchField.EMAIL, "ona.kazlauskis@gmail.com").build();

        assertThat(matcher.compare(ann, bo).explanation().fields()).filteredOn(f -> f.field() == MatchField.EMAIL)
                .singleElement().satisfies(f -> {
                    assertThat(f.comparator()).isEqualTo("edit-distance, not counted: names disagree");
                    assertThat(f.weight()).isZero();
                });
        Match namesakes = matcher.compare(kazlauskas, kazlauskis);
        assertThat(namesakes.explanation().fields()).filteredOn(f -> f.field() == MatchField.EMAIL)
                .singleElement().satisfies(f -> {
                    assertThat(f.comparator()).isEqualTo("edit-distance, not counted: follows the names");
                    assertThat(f.weight()).isZero();
                });
        assertThat(namesakes.decision()).isEqualTo(Decision.DISTINCT);
    }

    @Test
    void cityPostcodeAndHouseNumberSupportAMatchOnlyWhereTheStreetsDoNotDisagree() {
        MatchRecord a = rec("1").set(MatchField.FIRST_NAME, "Hanne").set(MatchField.LAST_NAME, "Jensen")
                .set(MatchField.STREET, "Kirkevej 94").set(MatchField.POSTCODE, "4000").set(MatchField.CITY, "Roskilde").build();
        MatchRecord otherStreet = rec("2").set(MatchField.FIRST_NAME, "Hanne").set(MatchField.LAST_NAME, "Jensen")
                .set(MatchField.STREET, "Strandallé 94").set(MatchField.POSTCODE, "4000").set(MatchField.CITY, "Roskilde").build();
        MatchRecord otherHouse = rec("3").set(MatchField.FIRST_NAME, "Hanne").set(MatchField.LAST_NAME, "Jensen")
                .set(MatchField.STREET, "Kirkevej 17").set(MatchField.POSTCODE, "4000").set(MatchField.CITY, "Roskilde").build();
        MatchRecord noStreet = rec("4").set(MatchField.FIRST_NAME, "Hanne").set(MatchField.LAST_NAME, "Jensen")
                .set(MatchField.POSTCODE, "4000").set(MatchField.CITY, "Roskilde").build();

        Match streets = matcher.compare(a, otherStreet);
        Match houses = matcher.compare(a, otherHouse);

        assertThat(streets.explanation().fields()).filteredOn(f -> f.field() == MatchField.CITY
                        || f.field() == MatchField.POSTCODE || f.field() == MatchField.HOUSE_NUMBER)
                .hasSize(3).allSatisfy(f -> {
                    assertThat(f.comparator()).endsWith("not counted: streets disagree");
                    assertThat(f.weight()).isZero();
                });
        assertThat(streets.decision()).isEqualTo(Decision.DISTINCT);
        assertThat(houses.explanation().fields()).filteredOn(f -> f.field() == MatchField.STREET).singleElement()
                .satisfies(f -> assertThat(f.comparator()).endsWith("not counted: house numbers differ"));
        assertThat(houses.decision()).isEqualTo(Decision.DISTINCT);
        assertThat(matcher.compare(a, noStreet).decision()).isEqualTo(Decision.DUPLICATE);
    }

    @Test
    void aMisspeltStreetAtTheSameHouseNumberDoesNotCountAsAnotherStreet() {
        MatchRecord a = rec("1").set(MatchField.FIRST_NAME, "alana").set(MatchField.LAST_NAME, "jackshurst")
                .set(MatchField.HOUSE_NUMBER, "7").set(MatchField.STREET, "cook parad").set(MatchField.CITY, "wollongong")
                .set(MatchField.POSTCODE, "2534").build();
        MatchRecord b = rec("2").set(MatchField.FIRST_NAME, "alana").set(MatchField.LAST_NAME, "jackshurst")
                .set(MatchField.HOUSE_NUMBER, "7").set(MatchField.STREET, "cook parade").set(MatchField.CITY, "wollongong")
                .set(MatchField.POSTCODE, "2534").build();

        Match m = matcher.compare(a, b);

        assertThat(m.explanation().fields()).filteredOn(f -> f.field() == MatchField.STREET).singleElement()
                .satisfies(f -> assertThat(f.weight()).isNegative());
        assertThat(m.explanation().fields()).filteredOn(f -> f.field() == MatchField.CITY || f.field() == MatchField.POSTCODE
                        || f.field() == MatchField.HOUSE_NUMBER)
                .hasSize(3).allSatisfy(f -> assertThat(f.weight()).isPositive());
        assertThat(m.decision()).isEqualTo(Decision.DUPLICATE);
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
        Matcher strictNames = Matcher.of(MatchRules.builder().weights(MatchField.LAST_NAME, 12, -6)
                .evidenceFloor(false).build());

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

        List<Match> ranked = Matcher.of(MatchRules.defaults().toBuilder().evidenceFloor(false).build())
                .rank(me, candidates, (a, b) -> b.equals("declined"));

        assertThat(ranked).extracting(Match::otherId).containsExactly("strong", "weak");
        assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
        // With the evidence floor (the default), the name alone is not enough.
        assertThat(matcher.rank(me, candidates, (a, b) -> b.equals("declined"))).extracting(Match::otherId)
                .containsExactly("strong");
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
