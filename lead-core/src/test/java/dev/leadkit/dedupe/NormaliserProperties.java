package dev.leadkit.dedupe;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Every normaliser is idempotent: normalising a normalised value changes nothing. */
class NormaliserProperties {

    @Provide
    Arbitrary<String> messy() {
        Arbitrary<String> letters = Arbitraries.strings()
                .withChars("aAeEoOuUsSıİşŞçÇğĞöÖüÜøØæÆåÅßšŠžŽėĖųŲ .-/'&,+@:0123456789")
                .ofMinLength(0).ofMaxLength(30);
        Arbitrary<String> words = Arbitraries.of("a/s", "A.Ş.", "Ltd. Şti.", "GmbH & Co. KG", "UAB", "the", "oe",
                "ue", "aa", "strasse", "str.", "Street", "St", "No.", "12b", "www.", "http://", "gmail.com",
                "googlemail.com", "+tag", "Søren", "Müller", "0045", "+45", "(0)");
        return Arbitraries.oneOf(letters, words.list().ofMaxSize(5).map(l -> String.join(" ", l)));
    }

    @Provide
    Arbitrary<String> phones() {
        return Arbitraries.strings().withChars("0123456789 +-()").ofMinLength(0).ofMaxLength(20);
    }

    @Property(tries = 1500)
    void textNormalisersAreIdempotent(@ForAll("messy") String raw) {
        idempotent(Normalisers::personName, raw);
        idempotent(Normalisers::company, raw);
        idempotent(Normalisers::street, raw);
        idempotent(Normalisers::text, raw);
        idempotent(Normalisers::country, raw);
        idempotent(Normalisers::houseNumber, raw);
        idempotent(Normalisers::postcode, raw);
        idempotent(Normalisers::identifier, raw);
        idempotent(Normalisers::domain, raw);
        idempotent(Normalisers::email, raw);
        idempotent(s -> Normalisers.email(s, true), raw);
        idempotent(Normalisers::birthDate, raw);
    }

    @Provide
    Arbitrary<String> internationalPhones() {
        Arbitrary<String> cc = Arbitraries.of("1", "7", "33", "39", "44", "45", "49", "90", "353", "370", "371", "372", "800");
        Arbitrary<String> national = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(14);
        return Combinators.combine(Arbitraries.of("", "(", " "), cc, Arbitraries.of("", " ", "-", ") "), national)
                .as((open, c, sep, n) -> open + "+" + c + sep + n);
    }

    /** The oracle: libphonenumber's parse and E.164 format, whatever shortcut {@link Normalisers#phone} takes. */
    @Property(tries = 5000)
    void anInternationalPhoneNormalisesToLibphonenumbersE164(@ForAll("internationalPhones") String raw) {
        com.google.i18n.phonenumbers.PhoneNumberUtil util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        com.google.i18n.phonenumbers.Phonenumber.PhoneNumber parsed;
        try {
            parsed = util.parse(raw, "DK");
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            assertThat(Normalisers.phone(raw, "DK")).isEmpty();
            return;
        }
        Assume.that(!parsed.isItalianLeadingZero()); // settled to a fixed point instead: see Normalisers.phone
        assertThat(Normalisers.phone(raw, "DK"))
                .isEqualTo(util.format(parsed, com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    @Property(tries = 1000)
    void phoneNormalisationIsIdempotent(@ForAll("phones") String raw) {
        idempotent(s -> Normalisers.phone(s, "DK"), raw);
        idempotent(s -> Normalisers.phone(s, "DE"), raw);
    }

    @Property(tries = 500)
    void birthDatesOfEightDigitsAreIdempotent(@ForAll("eightDigits") String raw) {
        idempotent(Normalisers::birthDate, raw);
    }

    @Provide
    Arbitrary<String> eightDigits() {
        return Arbitraries.strings().numeric().ofLength(8);
    }

    private static void idempotent(UnaryOperator<String> f, String raw) {
        String once = f.apply(raw);
        assertThat(f.apply(once)).as("normalising %s twice", raw).isEqualTo(once);
    }

    /** The hand-written whitespace collapse equals the regular expression it replaced. */
    @Property(tries = 3000)
    void collapseEqualsTheRegularExpression(@ForAll("spaced") String s) {
        assertThat(Normalisers.collapse(s)).isEqualTo(String.join(" ", s.strip().split("\\s+")));
    }

    @Provide
    Arbitrary<String> spaced() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(" \t\n\u000B\f\r\u00A0\u2003\u3000aıøė").ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(12));
    }
}
