package dev.leadkit.lead;

import dev.leadkit.FieldError;
import dev.leadkit.access.Directory;
import dev.leadkit.workflow.Catalogue;
import dev.leadkit.workflow.CatalogueEntry;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Normalises and checks standard field values. Collects every problem instead of stopping at the
 * first. Messages name the field and the rule, never the value.
 */
final class LeadValidator {

    private final Directory directory;

    LeadValidator(Directory directory) {
        this.directory = directory;
    }

    /**
     * @return the normalised value ("" for blank input), or empty after recording an error
     */
    Optional<String> clean(LeadField field, String raw, Catalogue statuses, Catalogue sources, Instant now,
                           List<FieldError> errors) {
        Texts.Result cleaned = Texts.clean(raw, field.kind() == LeadField.Kind.PARAGRAPH);
        if (cleaned.problem().isPresent()) {
            errors.add(cleaned.problem().get() == Texts.Problem.CONTROL_CHARACTER
                    ? error(field, "lead.field.control_character", "must not contain control characters"
                    + (field.kind() == LeadField.Kind.PARAGRAPH ? " other than line breaks and tabs" : ""))
                    : error(field, "lead.field.malformed_unicode", "is not valid Unicode text (unpaired surrogate)"));
            return Optional.empty();
        }
        String value = cleaned.value();
        if (value.isEmpty()) {
            return Optional.of("");
        }
        int length = Texts.length(value);
        if (length > field.maxLength()) {
            errors.add(error(field, "lead.field.too_long", "is " + length + " characters long; at most "
                    + field.maxLength() + " are allowed"));
            return Optional.empty();
        }
        switch (field.kind()) {
            case EMAIL:
                value = value.toLowerCase(Locale.ROOT);
                if (!Syntax.isEmail(value)) {
                    errors.add(error(field, "lead.email.invalid",
                            "is not an e-mail address: expected local-part@domain.tld, without spaces"));
                    return Optional.empty();
                }
                return Optional.of(value);
            case PHONE:
                if (!Syntax.isPhone(value)) {
                    errors.add(error(field, "lead.phone.invalid",
                            "is not a phone number: expected 3 to 17 digits with optional spaces, dashes, dots, slashes or parentheses, a leading + with a valid country code, and an optional extension (x123)"));
                    return Optional.empty();
                }
                return Optional.of(value);
            case URL:
                if (!Syntax.isWebsite(value)) {
                    errors.add(error(field, "lead.website.invalid",
                            "is not a web address: expected a host name such as example.com, optionally with http:// or https://"));
                    return Optional.empty();
                }
                return Optional.of(value);
            case CODE:
                return catalogueCode(field, value, field == LeadField.STATUS ? statuses : sources, errors);
            case INSTANT:
                try {
                    Instant when = Instant.parse(value).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                    if (when.isAfter(now)) {
                        errors.add(error(field, "lead.leadDate.future", "lies in the future; a lead date may be now or earlier"));
                        return Optional.empty();
                    }
                    return Optional.of(when.toString());
                } catch (DateTimeParseException e) {
                    errors.add(error(field, "lead.leadDate.invalid", "is not an ISO-8601 instant such as 2026-03-01T09:30:00Z"));
                    return Optional.empty();
                }
            case USER:
                if (directory.user(value).filter(u -> u.active()).isEmpty()) {
                    errors.add(error(field, "lead.owner.unknown", "names no active user of the directory"));
                    return Optional.empty();
                }
                return Optional.of(value);
            case TEXT:
            case PARAGRAPH:
            default:
                return Optional.of(value);
        }
    }

    private static Optional<String> catalogueCode(LeadField field, String code, Catalogue catalogue,
                                                  List<FieldError> errors) {
        Optional<CatalogueEntry> entry = catalogue.entry(code);
        if (entry.isEmpty()) {
            errors.add(error(field, "lead." + field.key() + ".unknown", "is not a code of the " + field.key()
                    + " catalogue; allowed: " + catalogue.activeEntries().stream().map(CatalogueEntry::code).toList()));
            return Optional.empty();
        }
        if (!entry.get().active()) {
            errors.add(error(field, "lead." + field.key() + ".inactive", "names a deactivated " + field.key()
                    + "; allowed: " + catalogue.activeEntries().stream().map(CatalogueEntry::code).toList()));
            return Optional.empty();
        }
        return Optional.of(code);
    }

    static void requirePresent(Set<LeadField> required, java.util.Map<LeadField, String> values,
                               Set<LeadField> checked, List<FieldError> errors) {
        for (LeadField field : required) {
            // A value that was given but refused already has its error; "required" would say it was left out.
            boolean refused = errors.stream().anyMatch(e -> e.field().equals(field.key()));
            if (checked.contains(field) && !values.containsKey(field) && !refused) {
                errors.add(error(field, "lead.field.required", "is required"));
            }
        }
    }

    static FieldError error(LeadField field, String code, String rule) {
        return new FieldError(field.key(), code, field.key() + " " + rule + ".");
    }
}
