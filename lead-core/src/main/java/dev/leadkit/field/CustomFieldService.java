package dev.leadkit.field;

import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.FieldError;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.AccessPolicy;
import dev.leadkit.access.Right;
import dev.leadkit.activity.FieldChange;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadId;
import dev.leadkit.lead.Texts;
import dev.leadkit.store.Store;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Custom field definitions (requirement M3): defined and changed by an Admin, read by anyone.
 * Renaming (labels) and deactivating never lose a stored value. Removing an option that leads
 * hold is refused with the count — or, when the caller says how, migrates those leads in the
 * same transaction, each with a history entry.
 *
 * <pre>{@code
 * CustomFieldService fields = kit.customFields();
 * fields.define(admin, CustomField.of("budget", FieldType.NUMBER, Map.of("en", "Budget", "tr", "Bütçe")).withRequired(true));
 * fields.relabel(admin, "budget", "da", "Budget (DKK)");
 * fields.deactivate(admin, "budget");                 // values stay on the leads
 * FieldValue v = fields.parse("budget", "25000.50");  // raw text from a form or a CSV cell
 * }</pre>
 *
 * @since 0.1
 */
public final class CustomFieldService {

    /** The longest label, in code points. */
    public static final int MAX_LABEL_LENGTH = 100;

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final Store store;
    private final AccessPolicy policy;
    private final Clock clock;

    /**
     * Usually obtained from {@code LeadKit.customFields()}.
     *
     * @param store  where definitions and leads live
     * @param policy who may change definitions
     * @param clock  the time source for migration history entries
     */
    public CustomFieldService(Store store, AccessPolicy policy, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return every definition, in display order */
    public CustomFields definitions() {
        return store.inTransaction(tx -> tx.customFields().load());
    }

    /**
     * @param key a field key
     * @return its definition
     * @throws NotFoundException when no field has that key
     */
    public CustomField get(String key) {
        return existing(definitions(), key);
    }

    /**
     * Adds a field at the end of the list.
     *
     * @param actor an Admin
     * @param field the definition (a dropdown or multi-select needs 1 to 500 options)
     * @return the stored definition, labels normalised
     */
    public CustomField define(Actor actor, CustomField field) {
        Objects.requireNonNull(field, "field");
        return change(actor, all -> {
            List<FieldError> errors = new ArrayList<>();
            if (all.field(field.key()).isPresent()) {
                errors.add(new FieldError("key", "field.key.taken", "a custom field with key '" + field.key()
                        + "' exists; keys are unique and never reused for another meaning"));
            }
            if (field.type().hasOptions() && field.options().isEmpty()) {
                errors.add(new FieldError("options", "field.options.missing", "a dropdown or multi-select field needs 1 to "
                        + CustomField.MAX_OPTIONS + " options"));
            }
            Map<String, String> labels = cleanLabels("labels", field.labels(), errors);
            List<FieldOption> options = new ArrayList<>();
            for (FieldOption o : field.options()) {
                options.add(new FieldOption(o.code(), cleanLabels("options." + o.code(), o.labels(), errors), o.active()));
            }
            throwIfAny(errors);
            List<CustomField> fields = new ArrayList<>(all.fields());
            fields.add(field.withLabels(labels).withOptions(options));
            return new CustomFields(fields, all.version() + 1);
        }).field(field.key()).orElseThrow();
    }

    /**
     * Sets a field's label in one language ("rename"). Stored values are untouched.
     *
     * @param actor       an Admin
     * @param key         the field
     * @param languageTag e.g. en, tr, lt, da
     * @param label       the new label
     * @return the changed definition
     */
    public CustomField relabel(Actor actor, String key, String languageTag, String label) {
        return changeField(actor, key, f -> {
            Map<String, String> labels = new TreeMap<>(f.labels());
            List<FieldError> errors = new ArrayList<>();
            labels.putAll(cleanLabels("labels", Map.of(languageTag, label), errors));
            throwIfAny(errors);
            return f.withLabels(labels);
        });
    }

    /**
     * Sets whether a field is required and on which forms it shows.
     *
     * @param actor         an Admin
     * @param key           the field
     * @param required      required on create (and when an edit touches it)
     * @param shownOnCreate shown on the create form
     * @param shownOnEdit   shown on the edit form
     * @return the changed definition
     */
    public CustomField configure(Actor actor, String key, boolean required, boolean shownOnCreate, boolean shownOnEdit) {
        return changeField(actor, key, f -> f.withRequired(required).withShown(shownOnCreate, shownOnEdit));
    }

    /**
     * Deactivates a field: its values stay on every lead, but no new value may be set.
     *
     * @param actor an Admin
     * @param key   the field
     * @return the changed definition
     */
    public CustomField deactivate(Actor actor, String key) {
        return changeField(actor, key, f -> f.withActive(false));
    }

    /**
     * @param actor an Admin
     * @param key   a deactivated field
     * @return the changed definition, active again
     */
    public CustomField activate(Actor actor, String key) {
        return changeField(actor, key, f -> f.withActive(true));
    }

    /**
     * Adds an option to a dropdown or multi-select field.
     *
     * @param actor  an Admin
     * @param key    the field
     * @param option the new option
     * @return the changed definition
     */
    public CustomField addOption(Actor actor, String key, FieldOption option) {
        Objects.requireNonNull(option, "option");
        return changeField(actor, key, f -> {
            List<FieldError> errors = new ArrayList<>();
            if (!f.type().hasOptions()) {
                errors.add(new FieldError("options", "field.options.not_allowed", "only dropdown and multi-select fields have options"));
            } else if (f.option(option.code()).isPresent()) {
                errors.add(new FieldError("options", "field.option.taken", "option '" + option.code() + "' exists in this field"));
            } else if (f.options().size() >= CustomField.MAX_OPTIONS) {
                errors.add(new FieldError("options", "field.options.too_many",
                        "a field has at most " + CustomField.MAX_OPTIONS + " options"));
            }
            Map<String, String> labels = cleanLabels("options." + option.code(), option.labels(), errors);
            throwIfAny(errors);
            List<FieldOption> options = new ArrayList<>(f.options());
            options.add(new FieldOption(option.code(), labels, option.active()));
            return f.withOptions(options);
        });
    }

    /**
     * Removes an option no lead holds.
     *
     * @param actor an Admin
     * @param key   the field
     * @param code  the option
     * @return the changed definition
     * @throws ConflictException {@code field.option.in_use} naming how many leads (deleted ones
     *                           included) hold it; nothing is changed
     */
    public CustomField removeOption(Actor actor, String key, String code) {
        return removeOption(actor, key, code, null);
    }

    /**
     * Removes an option, first moving every lead that holds it to the replacement (or clearing it).
     * All in one transaction; each migrated lead gets a history entry.
     *
     * @param actor     an Admin
     * @param key       the field
     * @param code      the option to remove
     * @param migration what the leads holding it get instead
     * @return the changed definition
     */
    public CustomField removeOption(Actor actor, String key, String code, OptionMigration migration) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(code, "code");
        policy.require(actor, Right.MANAGE_CUSTOM_FIELDS);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return store.inTransaction(tx -> {
            CustomFields all = tx.customFields().load();
            CustomField field = existing(all, key);
            if (field.option(code).isEmpty()) {
                throw new NotFoundException("field_option", key + "." + code);
            }
            (migration == null ? Optional.<String>empty() : migration.replacement()).ifPresent(r -> {
                if (r.equals(code) || field.option(r).filter(FieldOption::active).isEmpty()) {
                    throw ValidationException.of("replacement", "field.option.unknown",
                            "the replacement must be another active option of " + CustomValues.errorField(key));
                }
            });
            List<LeadId> holders = tx.leads().withCustomOption(key, code);
            if (!holders.isEmpty() && migration == null) {
                throw new ConflictException("field.option.in_use", "Option '" + code + "' of " + CustomValues.errorField(key)
                        + " is used by " + holders.size() + (holders.size() == 1 ? " lead" : " leads")
                        + "; deactivate it instead, or remove it with a migration (replace or clear).");
            }
            for (LeadId id : holders) {
                Lead lead = tx.leads().find(id).orElseThrow();
                FieldValue old = lead.custom(key).orElseThrow();
                FieldValue replaced = migrated(old, code, migration);
                Map<String, FieldValue> custom = new TreeMap<>(lead.custom());
                if (replaced == null) {
                    custom.remove(key);
                } else {
                    custom.put(key, replaced);
                }
                tx.leads().update(lead.withCustomValues(custom, now));
                tx.history().append(new HistoryEntry(0, id.value(), now, actor.userId(), HistoryAction.UPDATED,
                        List.of(FieldChange.of(CustomValues.errorField(key), old.canonical(),
                                replaced == null ? null : replaced.canonical()))));
            }
            List<FieldOption> options = new ArrayList<>(field.options());
            options.removeIf(o -> o.code().equals(code));
            CustomFields next = replace(all, field.withOptions(options));
            tx.customFields().save(next);
            return next.field(key).orElseThrow();
        });
    }

    /**
     * Reads raw text — a form input or a CSV cell — as a value of the field's type: text as is;
     * checkbox: true/false, yes/no, 1/0, x, ja/nej, evet/hayır, taip/ne; dropdown: an option code
     * or label; multi-select: codes or labels separated by ';' or ','; date: ISO yyyy-MM-dd;
     * number: digits with '.' or ',' as decimal separator; address: lines separated by a line break
     * (street, postcode, city, region, country).
     *
     * @param key a field key
     * @param raw the text
     * @return the value (still checked by create and update)
     * @throws ValidationException naming the field when the text does not read as its type
     */
    public FieldValue parse(String key, String raw) {
        Objects.requireNonNull(raw, "raw");
        CustomField field = get(key);
        String text = raw.strip();
        String errorField = CustomValues.errorField(key);
        switch (field.type()) {
            case CHECKBOX: {
                String v = text.toLowerCase(Locale.ROOT);
                if (List.of("true", "yes", "1", "x", "ja", "evet", "taip", "y").contains(v)) {
                    return FieldValue.flag(true);
                }
                if (List.of("false", "no", "0", "", "nej", "hayır", "hayir", "ne", "n").contains(v)) {
                    return FieldValue.flag(false);
                }
                throw ValidationException.of(errorField, "field.value.wrong_type", errorField + " takes yes or no (true/false, 1/0)");
            }
            case DATE:
                try {
                    return FieldValue.date(LocalDate.parse(text));
                } catch (DateTimeParseException e) {
                    throw ValidationException.of(errorField, "field.date.invalid", errorField + " takes a date as yyyy-MM-dd");
                }
            case NUMBER:
                try {
                    String n = text.replace(" ", "").replace("\u00A0", "");
                    if (n.indexOf(',') >= 0 && n.indexOf('.') < 0) {
                        n = n.replace(',', '.');
                    }
                    return FieldValue.number(new BigDecimal(n));
                } catch (NumberFormatException e) {
                    throw ValidationException.of(errorField, "field.number.invalid", errorField + " takes a number such as 1250.50");
                }
            case DROPDOWN:
                return FieldValue.text(optionCode(field, text));
            case MULTI_SELECT:
                return FieldValue.choices(Arrays.stream(text.split("[;,]")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(s -> optionCode(field, s)).toList());
            case ADDRESS: {
                String[] lines = text.split("\\R", -1);
                String[] parts = new String[5];
                for (int i = 0; i < 5; i++) {
                    parts[i] = i < lines.length ? lines[i] : "";
                }
                return new FieldValue.Address(parts[0], parts[1], parts[2], parts[3], parts[4]);
            }
            default:
                return FieldValue.text(raw);
        }
    }

    private static String optionCode(CustomField field, String codeOrLabel) {
        if (field.option(codeOrLabel).isPresent()) {
            return codeOrLabel;
        }
        return field.options().stream()
                .filter(o -> o.labels().values().stream().anyMatch(l -> l.equalsIgnoreCase(codeOrLabel)))
                .map(FieldOption::code).findFirst().orElse(codeOrLabel);
    }

    private static FieldValue migrated(FieldValue old, String code, OptionMigration migration) {
        if (old instanceof FieldValue.Choices) {
            List<String> codes = new ArrayList<>(((FieldValue.Choices) old).codes());
            int at = codes.indexOf(code);
            codes.remove(code);
            migration.replacement().filter(r -> !codes.contains(r)).ifPresent(r -> codes.add(Math.max(0, at), r));
            return codes.isEmpty() ? null : FieldValue.choices(codes);
        }
        return migration.replacement().map(FieldValue::text).orElse(null);
    }

    private CustomField changeField(Actor actor, String key, UnaryOperator<CustomField> edit) {
        Objects.requireNonNull(key, "key");
        return change(actor, all -> replace(all, edit.apply(existing(all, key)))).field(key).orElseThrow();
    }

    private CustomFields change(Actor actor, UnaryOperator<CustomFields> edit) {
        Objects.requireNonNull(actor, "actor");
        policy.require(actor, Right.MANAGE_CUSTOM_FIELDS);
        return store.inTransaction(tx -> {
            CustomFields next = edit.apply(tx.customFields().load());
            tx.customFields().save(next);
            return next;
        });
    }

    private static CustomFields replace(CustomFields all, CustomField field) {
        List<CustomField> fields = all.fields().stream().map(f -> f.key().equals(field.key()) ? field : f).toList();
        return new CustomFields(fields, all.version() + 1);
    }

    private static CustomField existing(CustomFields all, String key) {
        return all.field(key).orElseThrow(() -> new NotFoundException("custom_field", key));
    }

    private static Map<String, String> cleanLabels(String field, Map<String, String> labels, List<FieldError> errors) {
        Map<String, String> clean = new TreeMap<>();
        labels.forEach((tag, label) -> {
            Texts.Result r = Texts.clean(label, false);
            if (!LANGUAGE_TAG.matcher(tag).matches()) {
                errors.add(new FieldError(field, "field.language.invalid", "'" + tag + "' is not a language tag such as en, tr, lt or da"));
            } else if (r.problem().isPresent() || r.value().isEmpty() || Texts.length(r.value()) > MAX_LABEL_LENGTH) {
                errors.add(new FieldError(field + "." + tag, "field.label.invalid",
                        "a label is 1 to " + MAX_LABEL_LENGTH + " characters without control characters"));
            } else {
                clean.put(tag, r.value());
            }
        });
        return clean;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
