package dev.leadkit.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written reading of the common international form gives what libphonenumber's full
 * parse gives (the oracle): the same number, the same E.164 form and the same "possible" verdict.
 */
class PhonesProperties {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Provide
    Arbitrary<String> international() {
        Arbitrary<String> cc = Arbitraries.of("1", "7", "20", "31", "33", "34", "39", "44", "45", "46", "47", "48",
                "49", "52", "54", "55", "61", "86", "90", "91", "353", "358", "370", "371", "372", "380", "998", "999", "42");
        Arbitrary<String> national = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(14);
        Arbitrary<String> sep = Arbitraries.of("", " ", "-", ") ", ".", "/");
        return Combinators.combine(cc, sep, national, Arbitraries.of("", "(")).as((c, s, n, open) ->
                open + "+" + c + s + (n.length() > 4 ? n.substring(0, 3) + " " + n.substring(3) : n));
    }

    @Property(tries = 20000)
    void theFastReadingIsTheFullParseWheneverItAnswers(@ForAll("international") String raw) throws NumberParseException {
        Phonenumber.PhoneNumber fast = Phones.fastInternational(raw);
        Statistics.label("answered").collect(fast != null);
        if (fast != null) {
            for (String region : new String[] {"DK", "US", "LT", "ZZ"}) {
                Phonenumber.PhoneNumber parsed = PHONES.parse(raw, region);
                assertThat(fast).as("parsed with region %s", region).isEqualTo(parsed);
                assertThat(PHONES.format(fast, PhoneNumberUtil.PhoneNumberFormat.E164))
                        .isEqualTo(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164))
                        .isEqualTo("+" + fast.getCountryCode() + fast.getNationalNumber());
                assertThat(PHONES.isPossibleNumber(fast)).isEqualTo(PHONES.isPossibleNumber(parsed));
            }
        }
    }

    @Property(tries = 300)
    void theCommonDanishTurkishAndLithuanianFormsAreReadFast(@ForAll("digits") String digits) {
        assertThat(Phones.fastInternational("+45 " + digits)).isEqualTo(number(45, digits));
        assertThat(Phones.fastInternational("+90 53" + digits)).isEqualTo(number(90, "53" + digits));
        assertThat(Phones.fastInternational("+370 6" + digits.substring(1))).isEqualTo(number(370, "6" + digits.substring(1)));
        assertThat(Phones.fastInternational("(+370) 6" + digits.substring(1))).isEqualTo(number(370, "6" + digits.substring(1)));
    }

    @Example
    void aLithuanianNumberWrittenWithItsNationalPrefixIsLeftToTheFullParse() throws NumberParseException {
        // After +370, parsing strips a national prefix 8 or 0: "+370 8612 34567" is +37061234567.
        assertThat(Phones.fastInternational("+370 8612 34567")).isNull();
        assertThat(Phones.fastInternational("+370 0612 34567")).isNull();
        assertThat(PHONES.format(PHONES.parse("+370 8612 34567", "ZZ"), PhoneNumberUtil.PhoneNumberFormat.E164))
                .isEqualTo("+37061234567");
    }

    @Example
    void whatIsNotTheCommonFormIsLeftToTheFullParse() {
        assertThat(Phones.fastInternational("45 20 30 40 50")).isNull();          // no '+'
        assertThat(Phones.fastInternational("+45 20 30 40 50 ext 7")).isNull();   // letters
        assertThat(Phones.fastInternational("+800 1234 5678")).isNull();         // non-geographic
        assertThat(Phones.fastInternational("+45 123")).isNull();                 // too short
        assertThat(Phones.fastInternational("+0 20 30 40 50")).isNull();          // no such calling code
    }

    @Provide
    Arbitrary<String> digits() {
        return Arbitraries.strings().withCharRange('1', '9').ofLength(8);
    }

    private static Phonenumber.PhoneNumber number(int cc, String national) {
        return new Phonenumber.PhoneNumber().setCountryCode(cc).setNationalNumber(Long.parseLong(national));
    }
}
