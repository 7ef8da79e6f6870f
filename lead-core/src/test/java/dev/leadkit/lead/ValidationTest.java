package dev.leadkit.lead;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.leadkit.FieldError;
import dev.leadkit.ValidationException;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.support.TestKit;
import dev.leadkit.workflow.CatalogueEntry;
import dev.leadkit.workflow.CatalogueKind;
import dev.leadkit.workflow.StatusCategory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.leadkit.support.Failures.thrownBy;
import static dev.leadkit.support.TestKit.ADMIN;
import static dev.leadkit.support.TestKit.AYSE;
import static dev.leadkit.support.TestKit.egon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the service accepts and refuses as field values, and how it reports what it refuses. */
class ValidationTest {

    private TestKit t;
    private LeadService leads;

    @BeforeEach
    void setUp() {
        t = TestKit.create();
        leads = t.kit.leads();
    }

    private ValidationException refused(ThrowingCallable call) {
        return thrownBy(ValidationException.class, call);
    }

    /** Creates Egon Tester with one more value; returns the stored lead. */
    private Lead createWith(LeadField field, String value) {
        return leads.create(AYSE, egon().set(field, value).build());
    }

    /** The errors of a create that sets one more value, which must be refused. */
    private List<FieldError> errorsOf(LeadField field, String value) {
        return refused(() -> createWith(field, value)).errors();
    }

    /** {@code n} code points of letters from the languages LeadKit serves, emoji included; already NFC, no blanks. */
    static String codePoints(int n) {
        int[] sample = "Søren🚀Işıl✓Žėkas😀Æblegård".codePoints().filter(cp -> !Character.isWhitespace(cp)).toArray();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(sample[i % sample.length]);
        }
        return sb.toString();
    }

    @Nested
    class TheBadInputCase {

        private static final String HUNDRED_KB = "Ø".repeat(102_400);

        private final LeadDraft bad = LeadDraft.builder()
                .firstName(HUNDRED_KB)
                .email("a@")
                .company("Gardin\u0000firmaet ApS")
                .build();

        @Test
        void everyProblemIsReportedInOneValidationException() {
            ValidationException e = refused(() -> leads.create(AYSE, bad));

            assertThat(e.code()).isEqualTo("validation.failed");
            assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                    tuple("lastName", "lead.field.required"),
                    tuple("firstName", "lead.field.too_long"),
                    tuple("email", "lead.email.invalid"),
                    tuple("company", "lead.field.control_character"));
        }

        @Test
        void nothingIsStoredAndNoHistoryIsWritten() {
            refused(() -> leads.create(AYSE, bad));

            assertThat(leads.count(AYSE)).isZero();
            assertThat(leads.listIncludingDeleted(AYSE, 0, 10)).isEmpty();
            List<HistoryEntry> anyHistory = t.store.inTransaction(tx -> tx.history().forLead("lead-1"));
            assertThat(anyHistory).isEmpty();
            assertThat(t.published).isEmpty();
        }

        @Test
        void theMessageNamesTheRulesButNoneOfTheRejectedValues() {
            ValidationException e = refused(() -> leads.create(AYSE, bad));

            assertThat(e.getMessage())
                    .contains("4 problems", "lastName", "firstName", "at most 100", "email", "company")
                    .doesNotContain("ØØ", "a@", "Gardin", "firmaet", "\u0000");
            assertThat(e.errors()).allSatisfy(error -> assertThat(error.message())
                    .doesNotContain("ØØ", "a@", "Gardin", "\u0000"));
        }
    }

    /** Regression: a too-long first name was also reported as "firstName is required". */
    @Test
    void aRequiredFieldGivenWithAnInvalidValueIsReportedOnceAndNotAsMissing() {
        ValidationException e = refused(() -> leads.create(AYSE, LeadDraft.builder()
                .firstName("Egon\u0007").lastName(codePoints(101)).build()));

        assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("firstName", "lead.field.control_character"),
                tuple("lastName", "lead.field.too_long"));
    }

    @Nested
    class Lengths {

        @ParameterizedTest
        @EnumSource(value = LeadField.class, names = {"FIRST_NAME", "LAST_NAME", "COMPANY", "DEPARTMENT", "TITLE",
                "DESCRIPTION", "STREET", "CITY", "POSTCODE", "REGION", "COUNTRY", "REGISTRATION_NUMBER", "EXTERNAL_ID"})
        void aTextAtItsMaximumLengthInCodePointsIsAcceptedAndOneMoreIsRefused(LeadField field) {
            String longest = codePoints(field.maxLength());
            assertThat(longest.length()).as("emoji make the UTF-16 length larger").isGreaterThan(field.maxLength());

            assertThat(createWith(field, longest).get(field)).contains(longest);
            assertThat(errorsOf(field, codePoints(field.maxLength() + 1)))
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple(field.key(), "lead.field.too_long"));
        }

        @Test
        void anEmailOf254CharactersIsAcceptedAnd255AreRefused() {
            String domain = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(58) + ".dk";
            String longest = "l".repeat(64) + "@" + domain;
            assertThat(longest).hasSize(254);

            assertThat(createWith(LeadField.EMAIL, longest).email()).contains(longest);
            assertThat(errorsOf(LeadField.EMAIL, "l" + longest)).extracting(FieldError::code)
                    .containsExactly("lead.field.too_long");
        }

        @Test
        void aPhoneOf40CharactersIsAcceptedAnd41AreRefused() {
            String longest = "0212" + " ".repeat(27) + "555 12 34";
            assertThat(longest).hasSize(40);

            assertThat(createWith(LeadField.PHONE, longest).phone()).contains(longest);
            assertThat(errorsOf(LeadField.PHONE, "0212 " + longest.substring(4))).extracting(FieldError::code)
                    .containsExactly("lead.field.too_long");
        }

        @Test
        void aWebsiteOf500CodePointsIsAcceptedAnd501AreRefused() {
            String prefix = "https://gardinfirmaet.dk/";
            String longest = prefix + codePoints(500 - prefix.length());

            assertThat(createWith(LeadField.WEBSITE, longest).get(LeadField.WEBSITE)).contains(longest);
            assertThat(errorsOf(LeadField.WEBSITE, longest + "x")).extracting(FieldError::code)
                    .containsExactly("lead.field.too_long");
        }

        @Test
        void anOwnerIdOf128CharactersIsAcceptedAnd129AreRefused() {
            String longest = "u".repeat(128);
            t.directory.user(longest, "Long Id").add().user(longest + "u", "Longer Id").add();

            assertThat(leads.create(AYSE, egon().owner(longest).build()).owner()).contains(longest);
            assertThat(refused(() -> leads.create(AYSE, egon().owner(longest + "u").build())).errors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("owner", "lead.field.too_long"));
        }

        @Test
        void catalogueCodesOf64CharactersAreAcceptedAndLongerOnesRefused() {
            String code = "w".repeat(64);
            t.kit.catalogues().add(ADMIN, CatalogueKind.STATUS,
                    CatalogueEntry.status(code, StatusCategory.WORKING, Map.of("en", "Waiting")));
            t.kit.catalogues().add(ADMIN, CatalogueKind.SOURCE, CatalogueEntry.source(code, Map.of("en", "Fair")));

            Lead lead = leads.create(AYSE, egon().status(code).source(code).build());

            assertThat(lead.status()).isEqualTo(code);
            assertThat(lead.source()).isEqualTo(code);
            assertThat(refused(() -> leads.create(AYSE, egon().status(code + "w").source(code + "w").build()))
                    .errors()).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                    tuple("status", "lead.field.too_long"), tuple("source", "lead.field.too_long"));
        }
    }

    @Nested
    class BrokenText {

        @ParameterizedTest
        @ValueSource(strings = {"Egon\uD83D", "\uDE80Egon", "Eg\uDE80\uD83Don", "\uD83D\uD83D"})
        void loneSurrogatesAreRefused(String text) {
            assertThat(errorsOf(LeadField.CITY, text)).extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("city", "lead.field.malformed_unicode"));
            assertThat(errorsOf(LeadField.DESCRIPTION, text)).extracting(FieldError::code)
                    .containsExactly("lead.field.malformed_unicode");
        }

        @Test
        void aCorrectSurrogatePairIsAccepted() {
            assertThat(createWith(LeadField.CITY, "Roskilde \uD83D\uDE80").get(LeadField.CITY))
                    .contains("Roskilde 🚀");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u009F", "\t", "\n", "\r"})
        void aOneLineFieldRefusesControlCharacters(String control) {
            assertThat(errorsOf(LeadField.COMPANY, "Gardin" + control + "firmaet"))
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("company", "lead.field.control_character"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u0000", "\u0007", "\u001B", "\u007F", "\u0085"})
        void theDescriptionRefusesControlCharactersOtherThanLineBreaksAndTabs(String control) {
            assertThat(errorsOf(LeadField.DESCRIPTION, "line" + control + "line"))
                    .extracting(FieldError::code).containsExactly("lead.field.control_character");
        }

        @Test
        void theDescriptionKeepsLineBreaksAndTabs() {
            assertThat(createWith(LeadField.DESCRIPTION, "a\tb\nc").get(LeadField.DESCRIPTION)).contains("a\tb\nc");
        }
    }

    @Nested
    class LeadDate {

        @Test
        void aLeadDateInTheFutureIsRefused() {
            Instant future = t.now().plusSeconds(1);

            assertThat(refused(() -> leads.create(AYSE, egon().leadDate(future).build())).errors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("leadDate", "lead.leadDate.future"));
        }

        @Test
        void aLeadDateOfNowOrEarlierIsAccepted() {
            assertThat(leads.create(AYSE, egon().leadDate(t.now()).build()).leadDate()).isEqualTo(t.now());
            Instant lastYear = t.now().minus(Duration.ofDays(365));
            assertThat(leads.create(AYSE, egon().leadDate(lastYear).build()).leadDate()).isEqualTo(lastYear);
        }

        @Test
        void aLeadDateThatIsNoInstantIsRefused() {
            assertThat(errorsOf(LeadField.LEAD_DATE, "yesterday")).extracting(FieldError::code)
                    .containsExactly("lead.leadDate.invalid");
        }
    }

    @Nested
    class CatalogueCodes {

        @Test
        void anUnknownStatusIsRefusedNamingTheAllowedCodes() {
            FieldError error = errorsOf(LeadField.STATUS, "waiting").get(0);

            assertThat(error.field()).isEqualTo("status");
            assertThat(error.code()).isEqualTo("lead.status.unknown");
            assertThat(error.message()).contains("new, contacted, offer_made, converted, unqualified, lost");
        }

        @Test
        void aDeactivatedStatusIsRefusedNamingTheCodesStillAllowed() {
            t.kit.catalogues().deactivate(ADMIN, CatalogueKind.STATUS, "lost");

            FieldError error = errorsOf(LeadField.STATUS, "lost").get(0);

            assertThat(error.code()).isEqualTo("lead.status.inactive");
            assertThat(error.message()).contains("[new, contacted, offer_made, converted, unqualified]");
        }

        @Test
        void anUnknownSourceIsRefusedNamingTheAllowedCodes() {
            FieldError error = errorsOf(LeadField.SOURCE, "fax").get(0);

            assertThat(error.field()).isEqualTo("source");
            assertThat(error.code()).isEqualTo("lead.source.unknown");
            assertThat(error.message()).contains("reference, phone, email, website, web_form, import");
        }

        @Test
        void aDeactivatedSourceIsRefusedNamingTheCodesStillAllowed() {
            t.kit.catalogues().deactivate(ADMIN, CatalogueKind.SOURCE, "import");

            FieldError error = errorsOf(LeadField.SOURCE, "import").get(0);

            assertThat(error.code()).isEqualTo("lead.source.inactive");
            assertThat(error.message()).contains("[reference, phone, email, website, web_form]");
        }
    }

    @Nested
    class Formats {

        @ParameterizedTest
        @ValueSource(strings = {"+45 33 12 34 56", "(0212) 555 12 34", "+370 612 34567", "+1 415-555-0100 x12",
                "+90 (212) 555-12-34", "33.12.34.56", "+45 33 12 34 56 ext. 7", "0212/555 12 34"})
        void phoneNumbersAsPeopleWriteThemAreAccepted(String phone) {
            assertThat(createWith(LeadField.PHONE, phone).phone()).contains(phone);
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "12", "+999 123", "+45 33 12 34 56 78 90 12 34 56", "33 12 + 34",
                "+45 33 12 34 56 x", "+45 33 12 34 56 x1234567", "0212 555 12 34 !"})
        void thingsThatAreNoPhoneNumberAreRefused(String phone) {
            assertThat(errorsOf(LeadField.PHONE, phone)).extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("phone", "lead.phone.invalid"));
        }

        /** libphonenumber is the oracle for international numbers: we accept exactly the possible ones. */
        @ParameterizedTest
        @ValueSource(strings = {"+45 33 12 34 56", "+45 3312 345", "+45 33 12 34 56 7", "+370 612 34567",
                "+370 6123", "+1 415-555-0100", "+1 415 555", "+90 212 555 12 34", "+90 212", "+44 20 7946 0958",
                "+49 30 1234567", "+49 30", "+7 (495) 123-45-67", "+86 10 1234 5678", "+999 123", "+0 123 456",
                "+800 1234 5678", "+354 555 1234", "+47 22 12 34 56", "+47 22 12 34 5", "+372 5123 4567",
                "+380 44 123 4567", "+1 23", "+123", "+45 123456789012345"})
        void anInternationalNumberIsAcceptedExactlyWhenLibphonenumberCallsItPossible(String phone) {
            boolean possible;
            try {
                PhoneNumberUtil util = PhoneNumberUtil.getInstance();
                possible = util.isPossibleNumber(util.parse(phone, "ZZ"));
            } catch (NumberParseException e) {
                possible = false;
            }

            boolean accepted = acceptsPhone(phone);

            assertThat(accepted).as("accepted '%s' (libphonenumber: possible=%s)", phone, possible).isEqualTo(possible);
        }

        private boolean acceptsPhone(String phone) {
            try {
                return createWith(LeadField.PHONE, phone).phone().isPresent();
            } catch (ValidationException e) {
                assertThat(e.errors()).extracting(FieldError::code).containsExactly("lead.phone.invalid");
                return false;
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"egon@gardinfirmaet.dk", "ışıl@örnek.com.tr", "egon.tester+leads@gardin-firmaet.dk",
                "šarūnas@žėkas.lt", "o'brien@example.ie", "æble@grød.dk", "x@y.io"})
        void emailAddressesIncludingInternationalOnesAreAccepted(String email) {
            assertThat(createWith(LeadField.EMAIL, email).email()).contains(email);
        }

        @Test
        void anInternationalEmailAddressIsStoredLowerCase() {
            assertThat(createWith(LeadField.EMAIL, "ŠARŪNAS@ŽĖKAS.LT").email()).contains("šarūnas@žėkas.lt");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a@", "@b.dk", "a b@c.dk", "a@b", "a@@b.dk", "a..b@c.dk", ".a@b.dk", "a.@b.dk",
                "a@b.dk.", "a@-b.dk", "a@b.d1", "a@b..dk", "a(b)@c.dk", "egon@gardinfirmaet.dk>"})
        void malformedEmailAddressesAreRefused(String email) {
            assertThat(errorsOf(LeadField.EMAIL, email)).extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("email", "lead.email.invalid"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"example.com", "https://gardinfirmaet.dk/kontakt", "http://x.lt:8080/a",
                "HTTPS://örnek.com.tr", "www.gardinfirmaet.dk/om-os?lang=da#team"})
        void websitesAreAccepted(String website) {
            assertThat(createWith(LeadField.WEBSITE, website).get(LeadField.WEBSITE)).contains(website);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ftp://x.dk", "not a site", "http://", "https://localhost", "http://x.lt:/a",
                "http://x.lt:123456", "https://gardinfirmaet.dk/om os", "mailto:egon@gardinfirmaet.dk"})
        void thingsThatAreNoWebsiteAreRefused(String website) {
            assertThat(errorsOf(LeadField.WEBSITE, website)).extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("website", "lead.website.invalid"));
        }
    }
}
