package dev.leadkit.dedupe;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written international fast path gives what libphonenumber's full parse gives. */
class PhoneFastPathProperties {

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
    void theFastPathAgreesWithTheFullParseWheneverItAnswers(@ForAll("international") String raw) {
        String fast = Normalisers.internationalFastPath(raw);
        if (fast != null) {
            assertThat(fast).isEqualTo(full(raw, "DK")).isEqualTo(full(raw, "US"));
        }
    }

    @Property(tries = 300)
    void theFastPathAnswersForTheCommonInternationalForm(@ForAll("digits") String national) {
        assertThat(Normalisers.internationalFastPath("+45 " + national)).isEqualTo("+45" + national);
    }

    @Provide
    Arbitrary<String> digits() {
        return Arbitraries.strings().withCharRange('1', '9').ofLength(8);
    }

    private static String full(String raw, String region) {
        try {
            return PHONES.format(PHONES.parse(raw, region), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return "";
        }
    }
}
