package dev.leadkit.store.contract;

import dev.leadkit.Actor;
import dev.leadkit.FieldError;
import dev.leadkit.IdGenerator;
import dev.leadkit.LeadKit;
import dev.leadkit.ValidationException;
import dev.leadkit.access.Directory;
import dev.leadkit.access.Role;
import dev.leadkit.field.CustomField;
import dev.leadkit.field.FieldOption;
import dev.leadkit.field.FieldType;
import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.store.Store;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Custom field values through the service and a store (K4): for each field type any valid value
 * round-trips create → get unchanged (after normalisation); invalid values — wrong type, unknown
 * option, malformed e-mail, URL or date, out-of-range numbers — are rejected with errors naming the
 * field, and nothing is stored. Each store runs it by extending this class.
 */
public abstract class CustomFieldProperties {

    private static final List<String> TOKENS = List.of("a", "b", "k", "z", "A", "Q", " ", "ı", "İ", "ş", "ğ", "ç",
            "æ", "ø", "å", "Æ", "ė", "š", "ž", "ų", "ū", "ß", "🚀", "e\u0301", "-", "'", ".");
    private static final List<String> OPTIONS = List.of("crm", "erp", "web", "ai", "cloud", "onprem", "legacy");

    /** @return a store holding nothing */
    protected abstract Store newEmptyStore();

    private static final Actor ADMIN = Actor.of("admin");

    private LeadKit kitWithEveryFieldType() {
        LeadKit kit = LeadKit.builder().store(newEmptyStore())
                .directory(Directory.inMemory().user("admin", "Admin").roles(Role.ADMIN).add())
                .clock(Clock.fixed(Instant.parse("2026-05-01T08:00:00Z"), ZoneOffset.UTC))
                .ids(IdGenerator.sequential("cf")).build();
        List<FieldOption> options = OPTIONS.stream().map(o -> FieldOption.of(o, Map.of("en", o.toUpperCase(Locale.ROOT)))).toList();
        for (FieldType type : FieldType.values()) {
            CustomField field = CustomField.of(key(type), type, Map.of("en", type.name()));
            kit.customFields().define(ADMIN, type.hasOptions() ? field.withOptions(options) : field);
        }
        return kit;
    }

    private static String key(FieldType type) {
        return "f_" + type.name().toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ generators

    private static Arbitrary<String> text(int maxTokens) {
        return Arbitraries.of(TOKENS).list().ofMinSize(0).ofMaxSize(maxTokens)
                .map(tokens -> "X" + String.join("", tokens) + "y");
    }

    @Provide
    Arbitrary<Map<String, FieldValue>> validValues() {
        Arbitrary<FieldValue> line = text(60).map(FieldValue::text);
        Arbitrary<FieldValue> paragraph = text(60).list().ofMinSize(1).ofMaxSize(4)
                .map(lines -> FieldValue.text(String.join("\r\n", lines)));
        Arbitrary<FieldValue> checkbox = Arbitraries.of(true, false).map(FieldValue::flag);
        Arbitrary<FieldValue> dropdown = Arbitraries.of(OPTIONS).map(FieldValue::text);
        Arbitrary<FieldValue> multi = Arbitraries.subsetOf(OPTIONS).ofMinSize(1)
                .map(set -> FieldValue.choices(new ArrayList<>(set)));
        Arbitrary<FieldValue> date = Combinators.combine(Arbitraries.integers().between(1000, 9999),
                Arbitraries.integers().between(1, 365)).as((y, d) -> FieldValue.date(LocalDate.ofYearDay(y, Math.min(d, 365))));
        Arbitrary<FieldValue> number = Combinators.combine(Arbitraries.longs().between(-999_999_999_999_999_999L, 999_999_999_999_999_999L),
                Arbitraries.integers().between(0, 6)).as((unscaled, scale) -> FieldValue.number(BigDecimal.valueOf(unscaled, scale)));
        Arbitrary<FieldValue> email = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20),
                Arbitraries.of("gmail.com", "örnek.com.tr", "įmonė.lt", "firma.dk", "EXAMPLE.ORG"))
                .as((local, domain) -> FieldValue.text(local + "." + local.length() + "@" + domain));
        // Country prefixes with their national number lengths, so every number is one libphonenumber deems possible.
        Arbitrary<FieldValue> phone = Combinators.combine(
                Arbitraries.of(Tuple.of("+45 ", 8), Tuple.of("+90 5", 9), Tuple.of("+370 6", 7), Tuple.of("+49 30 ", 8),
                        Tuple.of("0", 9)),
                Arbitraries.strings().numeric().ofLength(9))
                .as((prefix, digits) -> FieldValue.text(prefix.get1() + digits.substring(0, prefix.get2())));
        Arbitrary<FieldValue> address = Combinators.combine(text(10), text(3), text(10), text(5), text(8))
                .as(FieldValue.Address::new);
        Arbitrary<FieldValue> url = Combinators.combine(Arbitraries.of("", "http://", "https://"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(15),
                Arbitraries.of(".dk", ".com.tr", ".lt", ".de"), Arbitraries.of("", "/", "/kontakt", "/ėšų?x=1"))
                .as((scheme, host, tld, path) -> FieldValue.text(scheme + host + tld + path));
        return Combinators.combine(List.of(line, paragraph, checkbox, dropdown, multi, date, number, email, phone, address, url))
                .as(values -> {
                    Map<String, FieldValue> map = new TreeMap<>();
                    FieldType[] types = {FieldType.TEXT, FieldType.PARAGRAPH, FieldType.CHECKBOX, FieldType.DROPDOWN,
                            FieldType.MULTI_SELECT, FieldType.DATE, FieldType.NUMBER, FieldType.EMAIL, FieldType.PHONE,
                            FieldType.ADDRESS, FieldType.URL};
                    for (int i = 0; i < types.length; i++) {
                        map.put(key(types[i]), values.get(i));
                    }
                    return map;
                });
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, FieldValue>> invalidValues() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.of(FieldType.TEXT, FieldType.PARAGRAPH, FieldType.EMAIL, FieldType.PHONE, FieldType.URL, FieldType.DROPDOWN)
                        .map(t -> Tuple.of(key(t), FieldValue.flag(true))),
                Arbitraries.of(FieldType.CHECKBOX, FieldType.DATE, FieldType.NUMBER, FieldType.MULTI_SELECT, FieldType.ADDRESS)
                        .map(t -> Tuple.of(key(t), FieldValue.text("x"))),
                Arbitraries.of("nope", "CRM", "cr m", "legacy2").map(o -> Tuple.of(key(FieldType.DROPDOWN), FieldValue.text(o))),
                Arbitraries.of("nope", "CRM").map(o -> Tuple.of(key(FieldType.MULTI_SELECT), FieldValue.choices(List.of("crm", o)))),
                Arbitraries.of("a@", "@b.dk", "a b@c.dk", "a@b", "a@@b.dk", "a..b@c.dk", "plain")
                        .map(e -> Tuple.of(key(FieldType.EMAIL), FieldValue.text(e))),
                Arbitraries.of("ftp://x.dk", "not a site", "http://", "x", "https://exa mple.com")
                        .map(u -> Tuple.of(key(FieldType.URL), FieldValue.text(u))),
                Arbitraries.of("abc", "12", "+999 123").map(p -> Tuple.of(key(FieldType.PHONE), FieldValue.text(p))),
                Arbitraries.of(LocalDate.of(999, 1, 1), LocalDate.of(10_000, 1, 1), LocalDate.MIN)
                        .map(d -> Tuple.of(key(FieldType.DATE), FieldValue.date(d))),
                Arbitraries.of(new BigDecimal("1234567890123456789"), new BigDecimal("0.0000001"))
                        .map(n -> Tuple.of(key(FieldType.NUMBER), FieldValue.number(n))),
                Arbitraries.of("", "   ", "a\u0000b", "x".repeat(256)).map(t -> Tuple.of(key(FieldType.TEXT), FieldValue.text(t))),
                Arbitraries.of("undefined_field").map(k -> Tuple.of(k, FieldValue.text("x")))));
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 60)
    void validValuesOfEveryTypeRoundTrip(@ForAll("validValues") Map<String, FieldValue> values) {
        LeadKit kit = kitWithEveryFieldType();
        LeadDraft.Builder draft = LeadDraft.builder().firstName("Jonas").lastName("Petraitis");
        values.forEach(draft::custom);

        Lead created = kit.leads().create(ADMIN, draft.build());
        Lead read = kit.leads().get(ADMIN, created.id());

        assertThat(read).isEqualTo(created);
        Map<String, FieldValue> expected = new TreeMap<>();
        values.forEach((k, v) -> expected.put(k, normalised(k, v)));
        assertThat(read.custom()).isEqualTo(expected);
    }

    @Property(tries = 60)
    void invalidValuesAreRejectedNamingTheFieldAndNothingIsStored(@ForAll("invalidValues") Tuple.Tuple2<String, FieldValue> bad) {
        LeadKit kit = kitWithEveryFieldType();
        LeadDraft draft = LeadDraft.builder().firstName("Mette").lastName("Sørensen").custom(bad.get1(), bad.get2()).build();

        assertThatThrownBy(() -> kit.leads().create(ADMIN, draft)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                        .allMatch(f -> f.startsWith("cf." + bad.get1())).isNotEmpty());
        assertThat(kit.leads().count(ADMIN)).isZero();
    }

    /** What the service stores for a valid value: NFC, trimmed, e-mail lower-case, line breaks LF, choices in option order. */
    private static FieldValue normalised(String key, FieldValue value) {
        if (value instanceof FieldValue.Text) {
            String t = nfc(((FieldValue.Text) value).value()).replace("\r\n", "\n");
            return FieldValue.text(key.equals(key(FieldType.EMAIL)) ? t.toLowerCase(Locale.ROOT) : t);
        }
        if (value instanceof FieldValue.Choices) {
            List<String> codes = ((FieldValue.Choices) value).codes();
            return FieldValue.choices(OPTIONS.stream().filter(codes::contains).toList());
        }
        if (value instanceof FieldValue.Address) {
            FieldValue.Address a = (FieldValue.Address) value;
            return new FieldValue.Address(nfc(a.street()), nfc(a.postcode()), nfc(a.city()), nfc(a.region()), nfc(a.country()));
        }
        return value;
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).strip();
    }
}
