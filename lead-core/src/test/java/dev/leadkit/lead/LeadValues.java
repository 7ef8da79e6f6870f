package dev.leadkit.lead;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * jqwik generators of valid raw field values, and the test's own statement of how a valid value is
 * stored (the oracle the properties compare against).
 */
final class LeadValues {

    /** Letters of the languages LeadKit serves, emoji, and combining marks that compose or not. */
    private static final List<String> LETTERS = List.of(
            "a", "b", "e", "k", "n", "o", "r", "s", "z", "A", "E", "I", "O", "S", "Z",
            "ı", "İ", "ş", "Ş", "ğ", "Ğ", "ç", "ö", "ü",                 // Turkish
            "æ", "ø", "å", "Æ", "Ø", "Å",                                // Danish
            "ė", "š", "ž", "ų", "ą", "č", "ę", "į", "ū", "Ė", "Š", "Ž",  // Lithuanian
            "\uD83D\uDE80", "\uD83D\uDE00", "\uD83C\uDDE9\uD83C\uDDF0",  // 🚀 😀 🇩🇰 (two code points)
            "\u0301", "\u0308", "\u030A", "\u0307", "\u0328", "\u030C",  // combining marks
            "7", "'", "-", "&", ".");

    private static final List<String> BLANKS = List.of(" ", "\u2003", "\u3000");

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private LeadValues() {
    }

    /** One line of text of 1 to {@code maxTokens} tokens (each at most two code points), not blank. */
    static Arbitrary<String> text(int maxTokens) {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of(LETTERS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(BLANKS)));
        return token.list().ofMinSize(1).ofMaxSize(maxTokens).map(parts -> String.join("", parts))
                .filter(s -> !s.isBlank());
    }

    /** Several lines, with LF, CR LF, CR and tabs. */
    static Arbitrary<String> paragraph(int maxTokens) {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.of(LETTERS)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(BLANKS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("\n", "\r\n", "\r", "\t")));
        return token.list().ofMinSize(1).ofMaxSize(maxTokens).map(parts -> String.join("", parts))
                .filter(s -> !s.isBlank());
    }

    /** Valid e-mail addresses, international ones and upper-case letters included. */
    static Arbitrary<String> email() {
        Arbitrary<String> localPart = Arbitraries.strings().withChars("abcxyzABCXYZ0189_+øşėž").ofMinLength(1).ofMaxLength(10)
                .list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(".", parts));
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdkmnoxyzDKöüæøåžė0123").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> tld = Arbitraries.of("dk", "lt", "com", "tr", "com.tr", "Org", "DK");
        return Combinators.combine(localPart, label.list().ofMinSize(1).ofMaxSize(2), tld)
                .as((local, labels, top) -> local + "@" + String.join(".", labels) + "." + top);
    }

    /** Valid phone numbers: national ones in several notations, international ones of real countries. */
    static Arbitrary<String> phone() {
        Arbitrary<String> national = Combinators.combine(digits(3, 4), digits(3, 3), digits(2, 4),
                        Arbitraries.of(" ", "-", ".", "/", " - "), Arbitraries.of(true, false))
                .as((area, a, b, sep, parens) -> (parens ? "(0" + area + ") " : "0" + area + sep) + a + sep + b);
        Arbitrary<String> international = Arbitraries.oneOf(
                digits(8, 8).map(d -> "+45 " + d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4, 6) + " " + d.substring(6)),
                digits(7, 7).map(d -> "+370 6" + d.substring(0, 2) + " " + d.substring(2)),
                digits(9, 9).map(d -> "+90 (5" + d.substring(0, 2) + ") " + d.substring(2, 5) + "-" + d.substring(5)),
                digits(7, 7).map(d -> "+1 415-" + d.substring(0, 3) + "-" + d.substring(3)));
        Arbitrary<String> extension = Arbitraries.oneOf(Arbitraries.just(""),
                digits(1, 6).map(d -> " x" + d), digits(1, 4).map(d -> " ext. " + d));
        return Combinators.combine(Arbitraries.oneOf(national, international), extension).as(String::concat);
    }

    static Arbitrary<String> digits(int min, int max) {
        return Arbitraries.strings().numeric().ofMinLength(min).ofMaxLength(max);
    }

    /** Valid web addresses. */
    static Arbitrary<String> website() {
        Arbitrary<String> host = Arbitraries.strings().withChars("abcxyzöüå0123-").ofMinLength(1).ofMaxLength(10)
                .filter(s -> !s.startsWith("-") && !s.endsWith("-"));
        Arbitrary<String> scheme = Arbitraries.of("", "http://", "https://", "HTTPS://");
        Arbitrary<String> path = Arbitraries.of("", "/", "/kontakt", "/om-os?lang=da", "/a/b#c", ":8080/x");
        return Combinators.combine(scheme, host, Arbitraries.of("dk", "lt", "com.tr"), path)
                .as((s, h, tld, p) -> s + h + "." + tld + p);
    }

    /** Past instants with microsecond precision, as the service keeps them. */
    static Arbitrary<String> pastLeadDate(Instant now) {
        long span = ChronoUnit.MICROS.between(EARLIEST, now);
        return Arbitraries.longs().between(0, span).map(micros -> EARLIEST.plus(micros, ChronoUnit.MICROS).toString());
    }

    /** Other texts with small limits. */
    static Arbitrary<String> postcode() {
        return Arbitraries.strings().withChars("0123456789ABLT- ").ofMinLength(1).ofMaxLength(12).filter(s -> !s.isBlank());
    }

    /**
     * @param field the field
     * @param now   the clock's instant (lead dates may not be later)
     * @return valid raw values for it; status and source from the default catalogues
     */
    static Arbitrary<String> validValue(LeadField field, Instant now) {
        switch (field) {
            case FIRST_NAME:
            case LAST_NAME:
            case DEPARTMENT:
            case TITLE:
            case CITY:
            case REGION:
            case COUNTRY:
            case EXTERNAL_ID:
                return text(45);
            case COMPANY:
            case STREET:
                return text(95);
            case DESCRIPTION:
                return paragraph(200);
            case POSTCODE:
            case REGISTRATION_NUMBER:
                return postcode();
            case EMAIL:
                return email();
            case PHONE:
                return phone();
            case WEBSITE:
                return website();
            case STATUS:
                // A new lead starts open or working: closing needs a reason, converting a conversion.
                return Arbitraries.of("new", "contacted", "offer_made");
            case SOURCE:
                return Arbitraries.of("reference", "phone", "email", "website", "web_form", "import");
            case LEAD_DATE:
                return pastLeadDate(now);
            case OWNER:
            default:
                throw new IllegalArgumentException(field + " is chosen through the draft's owner methods");
        }
    }

    /** The fields a draft or patch may set with {@link #validValue}. */
    static List<LeadField> settableFields() {
        List<LeadField> fields = new ArrayList<>(List.of(LeadField.values()));
        fields.remove(LeadField.OWNER);
        return fields;
    }

    /**
     * The oracle: how a valid raw value is stored. NFC, trimmed; line breaks as LF in the description;
     * e-mail lower-case. Empty means "not set".
     *
     * @param field the field
     * @param raw   a valid raw value
     * @return the stored value, "" when it is blank
     */
    static String stored(LeadField field, String raw) {
        String text = field == LeadField.DESCRIPTION ? raw.replace("\r\n", "\n").replace('\r', '\n') : raw;
        text = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        return field == LeadField.EMAIL ? text.toLowerCase(Locale.ROOT) : text;
    }
}
