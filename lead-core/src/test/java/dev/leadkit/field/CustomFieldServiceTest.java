package dev.leadkit.field;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.ConflictException;
import dev.leadkit.FieldError;
import dev.leadkit.LeadKit;
import dev.leadkit.ValidationException;
import dev.leadkit.access.Right;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadPatch;
import dev.leadkit.support.TestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.leadkit.support.TestKit.ADMIN;
import static dev.leadkit.support.TestKit.AYSE;
import static dev.leadkit.support.TestKit.egon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Custom fields (M3): defined by an Admin, renamed and deactivated without losing values, options guarded. */
class CustomFieldServiceTest {

    private final TestKit t = TestKit.create();
    private final CustomFieldService fields = t.kit.customFields();

    private static List<FieldOption> options(String... codes) {
        List<FieldOption> list = new ArrayList<>();
        for (String code : codes) {
            list.add(FieldOption.of(code, Map.of("en", code.toUpperCase(java.util.Locale.ROOT))));
        }
        return list;
    }

    @BeforeEach
    void define() {
        fields.define(ADMIN, CustomField.of("budget", FieldType.NUMBER, Map.of("en", "Budget", "tr", "Bütçe")));
        fields.define(ADMIN, CustomField.of("size", FieldType.DROPDOWN, Map.of("en", "Company size"))
                .withOptions(options("small", "medium", "large")));
        fields.define(ADMIN, CustomField.of("interests", FieldType.MULTI_SELECT, Map.of("en", "Interests"))
                .withOptions(options("crm", "erp", "web")));
    }

    private Lead leadWith(String size, List<String> interests) {
        return t.kit.leads().create(AYSE, egon().custom("size", FieldValue.text(size))
                .custom("interests", FieldValue.choices(interests))
                .custom("budget", FieldValue.number(new BigDecimal("25000.50"))).build());
    }

    @Test
    @DisplayName("only an Admin defines and changes custom fields")
    void onlyAnAdminDefinesFields() {
        AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class,
                () -> fields.define(AYSE, CustomField.of("x", FieldType.TEXT, Map.of("en", "X"))));
        assertThat(e.right()).isEqualTo(Right.MANAGE_CUSTOM_FIELDS);
        assertThatThrownBy(() -> fields.relabel(AYSE, "budget", "da", "Budget")).isInstanceOf(AccessDeniedException.class);
        assertThat(fields.definitions().field("x")).isEmpty();
    }

    @Test
    @DisplayName("definitions survive a new LeadKit on the same store")
    void definitionsPersist() {
        LeadKit again = LeadKit.builder().store(t.store).directory(t.directory).build();
        assertThat(again.customFields().definitions()).isEqualTo(fields.definitions());
        assertThat(again.customFields().get("budget").labels()).containsEntry("tr", "Bütçe");
    }

    @Test
    @DisplayName("a key is unique; a dropdown needs options; labels are checked")
    void definitionsAreChecked() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> fields.define(ADMIN, CustomField.of("size", FieldType.DROPDOWN, Map.of("en", "Size", "xx-!!", "bad"))));
        assertThat(e.errors()).extracting(FieldError::code)
                .contains("field.key.taken", "field.options.missing", "field.language.invalid");
    }

    @Nested
    @DisplayName("renaming and deactivating lose no stored value")
    class NoValueIsLost {

        @Test
        void renamingKeepsEveryValue() {
            Lead lead = leadWith("medium", List.of("crm", "web"));

            fields.relabel(ADMIN, "size", "en", "Number of employees");
            fields.relabel(ADMIN, "size", "lt", "Darbuotojų skaičius");

            assertThat(t.kit.leads().get(AYSE, lead.id()).custom()).isEqualTo(lead.custom());
            assertThat(fields.get("size").labels()).containsEntry("en", "Number of employees")
                    .containsEntry("lt", "Darbuotojų skaičius");
        }

        @Test
        void deactivatingKeepsValuesButRefusesNewOnes() {
            Lead lead = leadWith("small", List.of("erp"));

            fields.deactivate(ADMIN, "budget");

            Lead read = t.kit.leads().get(AYSE, lead.id());
            assertThat(read.custom("budget")).contains(FieldValue.number(new BigDecimal("25000.5")));
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> t.kit.leads().update(AYSE,
                    lead.id(), LeadPatch.builder().custom("budget", FieldValue.number(BigDecimal.ONE)).build(), read.version()));
            assertThat(e.errors()).extracting(FieldError::field, FieldError::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("cf.budget", "field.inactive"));
            Lead edited = t.kit.leads().update(AYSE, lead.id(), LeadPatch.builder().set(dev.leadkit.lead.LeadField.CITY,
                    "Kaunas").build(), read.version());
            assertThat(edited.custom("budget")).contains(FieldValue.number(new BigDecimal("25000.5")));

            fields.activate(ADMIN, "budget");
            assertThat(t.kit.leads().update(AYSE, lead.id(), LeadPatch.builder()
                    .custom("budget", FieldValue.number(BigDecimal.TEN)).build(), edited.version()).custom("budget"))
                    .contains(FieldValue.number(BigDecimal.TEN));
        }
    }

    @Nested
    @DisplayName("removing an option")
    class RemovingAnOption {

        @Test
        void anOptionInUseIsRefusedNamingHowManyLeadsUseIt() {
            leadWith("medium", List.of("crm"));
            leadWith("medium", List.of("erp"));
            Lead deleted = leadWith("large", List.of("crm", "web"));
            t.kit.leads().delete(AYSE, deleted.id());

            ConflictException medium = catchThrowableOfType(ConflictException.class,
                    () -> fields.removeOption(ADMIN, "size", "medium"));
            ConflictException crm = catchThrowableOfType(ConflictException.class,
                    () -> fields.removeOption(ADMIN, "interests", "crm"));

            assertThat(medium.code()).isEqualTo("field.option.in_use");
            assertThat(medium.getMessage()).contains("used by 2 leads");
            assertThat(crm.getMessage()).contains("used by 2 leads");
            assertThat(fields.get("size").option("medium")).isPresent();
        }

        @Test
        void anUnusedOptionIsRemoved() {
            leadWith("medium", List.of("crm"));
            fields.removeOption(ADMIN, "size", "small");
            assertThat(fields.get("size").options()).extracting(FieldOption::code).containsExactly("medium", "large");
        }

        @Test
        void aMigrationMovesEveryLeadAndWritesTheirHistory() {
            Lead a = leadWith("medium", List.of("crm", "web"));
            Lead b = leadWith("small", List.of("web"));

            fields.removeOption(ADMIN, "interests", "web", OptionMigration.replaceWith("erp"));
            fields.removeOption(ADMIN, "size", "medium", OptionMigration.clear());

            assertThat(t.kit.leads().get(AYSE, a.id()).custom("interests")).contains(FieldValue.choices(List.of("crm", "erp")));
            assertThat(t.kit.leads().get(AYSE, b.id()).custom("interests")).contains(FieldValue.choices(List.of("erp")));
            assertThat(t.kit.leads().get(AYSE, a.id()).custom("size")).isEmpty();
            assertThat(t.kit.leads().get(AYSE, b.id()).custom("size")).contains(FieldValue.text("small"));
            List<HistoryEntry> history = t.kit.leads().history(AYSE, a.id());
            assertThat(history.get(history.size() - 1).changes()).singleElement()
                    .satisfies(c -> {
                        assertThat(c.field()).isEqualTo("cf.size");
                        assertThat(c.before()).contains("medium");
                        assertThat(c.after()).isEmpty();
                    });
        }

        @Test
        void aMigrationToAnUnknownOptionIsRefusedAndChangesNothing() {
            Lead a = leadWith("medium", List.of("crm"));
            assertThatThrownBy(() -> fields.removeOption(ADMIN, "size", "medium", OptionMigration.replaceWith("huge")))
                    .isInstanceOf(ValidationException.class);
            assertThat(t.kit.leads().get(AYSE, a.id())).isEqualTo(a);
            assertThat(fields.get("size").option("medium")).isPresent();
        }
    }

    @Test
    @DisplayName("a multi-select field holds at most 500 options: the 501st is refused")
    void the501stOptionIsRefused() {
        List<FieldOption> many = new ArrayList<>();
        for (int i = 0; i < CustomField.MAX_OPTIONS; i++) {
            many.add(FieldOption.of("o" + i, Map.of("en", "Option " + i)));
        }
        fields.define(ADMIN, CustomField.of("tags500", FieldType.MULTI_SELECT, Map.of("en", "Many")).withOptions(many));

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> fields.addOption(ADMIN, "tags500", FieldOption.of("o500", Map.of("en", "One too many"))));
        assertThat(e.errors()).extracting(FieldError::code).containsExactly("field.options.too_many");
        assertThat(fields.get("tags500").options()).hasSize(500);
    }

    @Test
    @DisplayName("raw text from forms and CSV cells reads as each type, or is refused naming the field")
    void rawTextIsParsedByType() {
        assertThat(fields.parse("budget", "25 000,50")).isEqualTo(FieldValue.number(new BigDecimal("25000.50")));
        assertThat(fields.parse("size", "Medium")).isEqualTo(FieldValue.text("medium"));
        assertThat(fields.parse("interests", "crm; WEB")).isEqualTo(FieldValue.choices(List.of("crm", "web")));
        fields.define(ADMIN, CustomField.of("met", FieldType.DATE, Map.of("en", "Met")));
        fields.define(ADMIN, CustomField.of("vip", FieldType.CHECKBOX, Map.of("en", "VIP")));
        assertThat(fields.parse("met", "2026-02-29".replace("29", "28"))).isEqualTo(FieldValue.date(LocalDate.of(2026, 2, 28)));
        assertThat(fields.parse("vip", "Evet")).isEqualTo(FieldValue.flag(true));
        assertThat(fields.parse("vip", "nej")).isEqualTo(FieldValue.flag(false));
        assertThat(catchThrowableOfType(ValidationException.class, () -> fields.parse("met", "31.12.2026")).errors())
                .extracting(FieldError::field).containsExactly("cf.met");
        assertThat(catchThrowableOfType(ValidationException.class, () -> fields.parse("budget", "lots")).errors())
                .extracting(FieldError::field).containsExactly("cf.budget");
    }
}
