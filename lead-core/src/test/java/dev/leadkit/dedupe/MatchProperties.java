package dev.leadkit.dedupe;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Laws of the matcher: symmetric scores in [0, 1], a record is its own best match, and under the
 * evidence floor names alone stay below the possible threshold.
 */
class MatchProperties {

    private static final Matcher MATCHER = Matcher.of(MatchRules.defaults());

    @Provide
    Arbitrary<Map<MatchField, String>> values() {
        Arbitrary<String> names = Arbitraries.of("Ann", "Anne", "Bill", "William", "Søren", "Soeren", "Jensen",
                "Jenssen", "Yılmaz", "Yilmaz", "Lund", "A.", "Müller");
        Arbitrary<String> emails = Arbitraries.of("ann@lund.dk", "ANN@lund.dk", "a.nn@gmail.com", "ann@gmail.com", "bo@x.dk",
                "ann1@lund.dk", "ann2@lund.dk", "ann12@lund.dk", "ann21@lund.dk", "jensen@x.dk", "jenssen@x.dk");
        Arbitrary<String> phones = Arbitraries.of("+45 20304050", "20304050", "+45 20304051", "0045 20 30 40 50");
        Arbitrary<String> companies = Arbitraries.of("Lund ApS", "Lund A/S", "Nordisk Vind", "Zafer Enerji A.Ş.");
        Arbitrary<String> streets = Arbitraries.of("Nørregade 12", "Norregade 12", "High Street 4", "High St 5",
                "Nørregade 97", "Vestergade 12");
        Arbitrary<String> postcodes = Arbitraries.of("2100", "2101", "8000");
        Arbitrary<String> dates = Arbitraries.of("1980-03-12", "19800312", "12.03.1980", "1980-12-03", "1981");
        return Combinators.combine(names.injectNull(0.3), names.injectNull(0.3), emails.injectNull(0.5),
                phones.injectNull(0.5), companies.injectNull(0.5), streets.injectNull(0.5), postcodes.injectNull(0.5),
                dates.injectNull(0.6)).as((f, l, e, p, c, s, pc, d) -> {
                    Map<MatchField, String> m = new EnumMap<>(MatchField.class);
                    put(m, MatchField.FIRST_NAME, f);
                    put(m, MatchField.LAST_NAME, l);
                    put(m, MatchField.EMAIL, e);
                    put(m, MatchField.PHONE, p);
                    put(m, MatchField.COMPANY, c);
                    put(m, MatchField.STREET, s);
                    put(m, MatchField.POSTCODE, pc);
                    put(m, MatchField.BIRTH_DATE, d);
                    return m;
                });
    }

    private static void put(Map<MatchField, String> m, MatchField f, String v) {
        if (v != null) {
            m.put(f, v);
        }
    }

    @Property(tries = 2000)
    void scoresAreSymmetricAndWithinZeroAndOne(@ForAll("values") Map<MatchField, String> a,
                                               @ForAll("values") Map<MatchField, String> b) {
        Match ab = MATCHER.compare(MatchRecord.of("a", a), MatchRecord.of("b", b));
        Match ba = MATCHER.compare(MatchRecord.of("b", b), MatchRecord.of("a", a));

        assertThat(ab.score()).isBetween(0.0, 1.0).isEqualTo(ba.score());
        assertThat(ab.decision()).isEqualTo(ba.decision());
    }

    @Property(tries = 2000)
    void aRecordIsItsOwnBestMatch(@ForAll("values") Map<MatchField, String> a,
                                  @ForAll("values") Map<MatchField, String> other) {
        MatchRecord record = MatchRecord.of("a", a);
        MatchRecord twin = MatchRecord.of("twin", a);

        double self = MATCHER.compare(record, record).score();
        double withTwin = MATCHER.compare(record, twin).score();
        double withOther = MATCHER.compare(record, MatchRecord.of("o", other)).score();

        assertThat(self).isEqualTo(1.0);
        assertThat(withTwin).isGreaterThanOrEqualTo(withOther);
    }

    @Property(tries = 1000)
    void namesAloneStayBelowThePossibleThresholdUnderTheEvidenceFloor(@ForAll("values") Map<MatchField, String> a,
                                                                    @ForAll("values") Map<MatchField, String> b) {
        Match m = MATCHER.compare(MatchRecord.of("a", namesAndCountry(a)), MatchRecord.of("b", namesAndCountry(b)));
        Match withoutFloor = Matcher.of(MatchRules.defaults().toBuilder().evidenceFloor(false).build())
                .compare(MatchRecord.of("a", namesAndCountry(a)), MatchRecord.of("b", namesAndCountry(b)));

        assertThat(m.score()).isLessThanOrEqualTo(MatchRules.defaults().possibleThreshold() - 0.05 + 1e-9)
                .isLessThanOrEqualTo(withoutFloor.score());
        assertThat(m.decision()).isEqualTo(Decision.DISTINCT);
    }

    private static Map<MatchField, String> namesAndCountry(Map<MatchField, String> values) {
        Map<MatchField, String> m = new EnumMap<>(MatchField.class);
        put(m, MatchField.FIRST_NAME, values.get(MatchField.FIRST_NAME));
        put(m, MatchField.LAST_NAME, values.get(MatchField.LAST_NAME));
        m.put(MatchField.COUNTRY, "DK");
        return m;
    }
}
