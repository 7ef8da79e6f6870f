package dev.leadkit.jpa.internal;

import dev.leadkit.LeadKitException;
import dev.leadkit.activity.HistoryAction;
import dev.leadkit.activity.HistoryEntry;
import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.Settings;
import dev.leadkit.workflow.Catalogue;
import dev.leadkit.workflow.CatalogueKind;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.Objects;

/**
 * Maps the core's values to rows and back. Every text is checked against its column's length in
 * code points before it is written, so an over-long value fails the same way on every database
 * and names the column, never the value.
 */
final class LeadMapping {

    private LeadMapping() {
    }

    // ---------------------------------------------------------------- leads

    static LeadEntity newLead(Lead lead) {
        LeadEntity row = new LeadEntity(checked("lk_lead", "id", lead.id().value(), Columns.ID));
        row.version = lead.version();
        row.createdBy = checked("lk_lead", "created_by", lead.createdBy(), Columns.USER_ID);
        row.createdAt = micros(lead.createdAt());
        copyChangeable(lead, row);
        return row;
    }

    /** One {@code lk_lead} row read by JDBC, through the same mapping as the entity. */
    static Lead fromRow(java.sql.ResultSet rs, boolean mariadb) throws java.sql.SQLException {
        LeadEntity row = new LeadEntity(rs.getString("id"));
        row.version = rs.getLong("version");
        for (dev.leadkit.lead.LeadField field : dev.leadkit.lead.LeadField.values()) {
            LeadMapping.set(row, field, rs.getString(LeadMapping.column(field)));
        }
        row.createdBy = rs.getString("created_by");
        row.createdAt = instant(rs, "created_at", mariadb);
        row.updatedAt = instant(rs, "updated_at", mariadb);
        row.statusSince = instant(rs, "status_since", mariadb);
        row.deleted = rs.getBoolean("deleted");
        row.closeReason = rs.getString("close_reason");
        row.custom = rs.getString("custom");
        row.tags = rs.getString("tags");
        row.products = rs.getString("products");
        row.mergedInto = rs.getString("merged_into");
        return toLead(row, row.version);
    }

    /** MariaDB's DATETIME holds UTC wall-clock time; H2 and PostgreSQL a time with zone. */
    private static Instant instant(java.sql.ResultSet rs, String column, boolean mariadb) throws java.sql.SQLException {
        return mariadb ? rs.getObject(column, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC)
                : rs.getObject(column, java.time.OffsetDateTime.class).toInstant();
    }

    /**
     * Copies what an update may change.
     *
     * @return whether any column changed
     */
    static boolean copyChangeable(Lead lead, LeadEntity row) {
        boolean changed = false;
        for (LeadField field : LeadField.values()) {
            String value = lead.get(field).orElse(null);
            if (value != null) {
                checked("lk_lead", column(field), value, field.maxLength());
            }
            if (!Objects.equals(get(row, field), value)) {
                set(row, field, value);
                changed = true;
            }
        }
        Instant updatedAt = micros(lead.updatedAt());
        if (!updatedAt.equals(row.updatedAt)) {
            row.updatedAt = updatedAt;
            changed = true;
        }
        if (lead.isDeleted() != row.deleted) {
            row.deleted = lead.isDeleted();
            changed = true;
        }
        Instant statusSince = micros(lead.statusSince());
        if (!statusSince.equals(row.statusSince)) {
            row.statusSince = statusSince;
            changed = true;
        }
        String closeReason = lead.closeReason().orElse(null);
        if (closeReason != null) {
            checked("lk_lead", "close_reason", closeReason, Columns.CODE);
        }
        if (!Objects.equals(closeReason, row.closeReason)) {
            row.closeReason = closeReason;
            changed = true;
        }
        String mergedInto = lead.mergedInto().map(LeadId::value).orElse(null);
        if (!Objects.equals(mergedInto, row.mergedInto)) {
            row.mergedInto = mergedInto;
            changed = true;
        }
        String tags = Json.tags(lead.tags());
        if (!Objects.equals(tags, row.tags)) {
            row.tags = tags;
            // Read (one select) only when the tags changed; only differing rows are written.
            Map<String, String> keys = SearchKeys.tagKeys(lead.tags());
            row.tagKeys.keySet().retainAll(keys.keySet());
            row.tagKeys.putAll(keys);
            changed = true;
        }
        String products = Json.products(lead.products());
        if (!Objects.equals(products, row.products)) {
            row.products = products;
            changed = true;
        }
        changed |= copyKeys(lead, row);
        String custom = Json.custom(lead.custom());
        if (!Objects.equals(custom, row.custom)) {
            row.custom = custom;
            // Touching the lazy set reads it (one select) only when the custom values changed;
            // Hibernate then writes only the option rows that differ.
            Set<CustomOptionEmbeddable> options = options(lead.custom());
            row.options.retainAll(options);
            row.options.addAll(options);
            Map<String, CustomValueEmbeddable> values = SearchKeys.customValues(lead.custom());
            row.customValues.keySet().retainAll(values.keySet());
            values.forEach((key, value) -> {
                if (!value.equals(row.customValues.get(key))) {
                    row.customValues.put(key, value);
                }
            });
            changed = true;
        }
        return changed;
    }

    /**
     * Sets the folded keys and the lead date's microseconds from the lead's values.
     *
     * @return whether any of them changed
     */
    static boolean copyKeys(Lead lead, LeadEntity row) {
        boolean changed = false;
        for (LeadField field : SearchKeys.KEYED) {
            String key = SearchKeys.key(field, lead.get(field).orElse(null));
            if (!Objects.equals(key(row, field), key)) {
                setKey(row, field, key);
                changed = true;
            }
        }
        String ownerKey = lead.owner().map(o -> SearchKeys.fold(o, Columns.OWNER * 4)).orElse(null);
        if (!Objects.equals(ownerKey, row.ownerKey)) {
            row.ownerKey = ownerKey;
            changed = true;
        }
        String createdByKey = SearchKeys.fold(lead.createdBy(), Columns.USER_ID * 4);
        if (!createdByKey.equals(row.createdByKey)) {
            row.createdByKey = createdByKey;
            changed = true;
        }
        String tagsKey = SearchKeys.tagsKey(lead.tags());
        if (!Objects.equals(tagsKey, row.tagsKey)) {
            row.tagsKey = tagsKey;
            changed = true;
        }
        Long leadAt = SearchKeys.leadAt(lead.get(LeadField.LEAD_DATE).orElseThrow());
        if (!leadAt.equals(row.leadAt)) {
            row.leadAt = leadAt;
            changed = true;
        }
        if (!Integer.valueOf(SearchKeys.VERSION).equals(row.searchKeysVersion)) {
            row.searchKeysVersion = SearchKeys.VERSION;
            changed = true;
        }
        return changed;
    }

    private static String key(LeadEntity row, LeadField field) {
        switch (field) {
            case FIRST_NAME: return row.firstNameKey;
            case LAST_NAME: return row.lastNameKey;
            case EMAIL: return row.emailKey;
            case PHONE: return row.phoneKey;
            case COMPANY: return row.companyKey;
            case DEPARTMENT: return row.departmentKey;
            case TITLE: return row.titleKey;
            case DESCRIPTION: return row.descriptionKey;
            case STREET: return row.streetKey;
            case CITY: return row.cityKey;
            case POSTCODE: return row.postcodeKey;
            case REGION: return row.regionKey;
            case COUNTRY: return row.countryKey;
            case WEBSITE: return row.websiteKey;
            case REGISTRATION_NUMBER: return row.registrationNumberKey;
            case EXTERNAL_ID: return row.externalIdKey;
            default: throw new IllegalStateException("no key column for " + field);
        }
    }

    private static void setKey(LeadEntity row, LeadField field, String key) {
        switch (field) {
            case FIRST_NAME: row.firstNameKey = key; break;
            case LAST_NAME: row.lastNameKey = key; break;
            case EMAIL: row.emailKey = key; break;
            case PHONE: row.phoneKey = key; break;
            case COMPANY: row.companyKey = key; break;
            case DEPARTMENT: row.departmentKey = key; break;
            case TITLE: row.titleKey = key; break;
            case DESCRIPTION: row.descriptionKey = key; break;
            case STREET: row.streetKey = key; break;
            case CITY: row.cityKey = key; break;
            case POSTCODE: row.postcodeKey = key; break;
            case REGION: row.regionKey = key; break;
            case COUNTRY: row.countryKey = key; break;
            case WEBSITE: row.websiteKey = key; break;
            case REGISTRATION_NUMBER: row.registrationNumberKey = key; break;
            case EXTERNAL_ID: row.externalIdKey = key; break;
            default: throw new IllegalStateException("no key column for " + field);
        }
    }

    /**
     * The option codes a lead's values hold: every code of a multi-select, and a text that is
     * shaped like an option code (a dropdown's value). A longer or differently shaped text can
     * never equal an option code, so it is not indexed.
     */
    static Set<CustomOptionEmbeddable> options(Map<String, FieldValue> custom) {
        Set<CustomOptionEmbeddable> options = new HashSet<>();
        custom.forEach((key, value) -> {
            if (!isCode(key)) {
                return;
            }
            if (value instanceof FieldValue.Choices) {
                for (String code : ((FieldValue.Choices) value).codes()) {
                    if (isCode(code)) {
                        options.add(new CustomOptionEmbeddable(key, code));
                    }
                }
            } else if (value instanceof FieldValue.Text && isCode(((FieldValue.Text) value).value())) {
                options.add(new CustomOptionEmbeddable(key, ((FieldValue.Text) value).value()));
            }
        });
        return options;
    }

    /** Whether a text fits {@code lk_lead_custom_option}'s key and code columns (the core's code shape). */
    static boolean isCode(String text) {
        return CODE.matcher(text).matches();
    }

    /** The core's shape of field keys and option codes ({@code CustomField}, {@code FieldOption}). */
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** @param version the version the core sees (ahead of the row's while a change is unflushed) */
    static Lead toLead(LeadEntity row, long version) {
        EnumMap<LeadField, String> values = new EnumMap<>(LeadField.class);
        for (LeadField field : LeadField.values()) {
            String value = get(row, field);
            if (value != null) {
                values.put(field, value);
            }
        }
        try {
            return Lead.of(LeadId.of(row.id), version, values, Json.custom(row.custom), Json.tags(row.tags),
                    Json.products(row.products), row.createdBy, row.createdAt, row.updatedAt, row.statusSince,
                    Optional.ofNullable(row.closeReason), row.deleted, Optional.ofNullable(row.mergedInto).map(LeadId::of));
        } catch (IllegalArgumentException e) {
            throw new LeadKitException("store.data.corrupt", "The stored lead '" + row.id
                    + "' cannot be read: " + e.getMessage() + ". Was the row written by something other than LeadKit?", e);
        }
    }

    /** The column that holds a standard field: the field's key in snake case. */
    static String column(LeadField field) {
        switch (field) {
            case OWNER:
                return "owner_id";
            case REGISTRATION_NUMBER:
                return "registration_number";
            case FIRST_NAME:
                return "first_name";
            case LAST_NAME:
                return "last_name";
            case LEAD_DATE:
                return "lead_date";
            case EXTERNAL_ID:
                return "external_id";
            default:
                return field.key().toLowerCase(Locale.ROOT);
        }
    }

    /** The entity attribute that holds a standard field, for queries. */
    static String attribute(LeadField field) {
        return field == LeadField.OWNER ? "ownerId" : field.key();
    }

    private static String get(LeadEntity row, LeadField field) {
        switch (field) {
            case FIRST_NAME: return row.firstName;
            case LAST_NAME: return row.lastName;
            case EMAIL: return row.email;
            case PHONE: return row.phone;
            case COMPANY: return row.company;
            case DEPARTMENT: return row.department;
            case TITLE: return row.title;
            case DESCRIPTION: return row.description;
            case STREET: return row.street;
            case CITY: return row.city;
            case POSTCODE: return row.postcode;
            case REGION: return row.region;
            case COUNTRY: return row.country;
            case WEBSITE: return row.website;
            case REGISTRATION_NUMBER: return row.registrationNumber;
            case SOURCE: return row.source;
            case STATUS: return row.status;
            case LEAD_DATE: return row.leadDate;
            case OWNER: return row.ownerId;
            case EXTERNAL_ID: return row.externalId;
            default: throw new IllegalStateException("no column for " + field);
        }
    }

    static void set(LeadEntity row, LeadField field, String value) {
        switch (field) {
            case FIRST_NAME: row.firstName = value; break;
            case LAST_NAME: row.lastName = value; break;
            case EMAIL: row.email = value; break;
            case PHONE: row.phone = value; break;
            case COMPANY: row.company = value; break;
            case DEPARTMENT: row.department = value; break;
            case TITLE: row.title = value; break;
            case DESCRIPTION: row.description = value; break;
            case STREET: row.street = value; break;
            case CITY: row.city = value; break;
            case POSTCODE: row.postcode = value; break;
            case REGION: row.region = value; break;
            case COUNTRY: row.country = value; break;
            case WEBSITE: row.website = value; break;
            case REGISTRATION_NUMBER: row.registrationNumber = value; break;
            case SOURCE: row.source = value; break;
            case STATUS: row.status = value; break;
            case LEAD_DATE: row.leadDate = value; break;
            case OWNER: row.ownerId = value; break;
            case EXTERNAL_ID: row.externalId = value; break;
            default: throw new IllegalStateException("no column for " + field);
        }
    }

    // ---------------------------------------------------------------- history

    static HistoryEntity newHistory(HistoryEntry entry) {
        return new HistoryEntity(checked("lk_history", "lead_id", entry.leadId(), Columns.ID), micros(entry.at()),
                checked("lk_history", "actor_id", entry.actorId(), Columns.USER_ID), entry.action().name(),
                Json.changes(entry.changes()));
    }

    static HistoryEntry toHistory(HistoryEntity row) {
        HistoryAction action;
        try {
            action = HistoryAction.valueOf(row.action);
        } catch (IllegalArgumentException e) {
            throw new LeadKitException("store.data.corrupt", "History entry " + row.sequence + " records the action '"
                    + row.action + "', which this LeadKit version does not know. Upgrade LeadKit to read it.", e);
        }
        return new HistoryEntry(row.sequence, row.leadId, row.at, row.actorId, action, Json.changes(row.changes));
    }

    // ---------------------------------------------------------------- catalogues and settings

    static void copy(Catalogue catalogue, CatalogueEntity row) {
        row.defaultCode = checked("lk_catalogue", "default_code", catalogue.defaultCode(), Columns.CODE);
        row.entries = Json.entries(catalogue.entries());
    }

    static Catalogue toCatalogue(CatalogueEntity row, long version) {
        return toCatalogue(row.kind, version, row.defaultCode, row.entries);
    }

    static Catalogue toCatalogue(String kind, long version, String defaultCode, String entries) {
        try {
            return new Catalogue(CatalogueKind.valueOf(kind), Json.entries(entries), defaultCode, version);
        } catch (IllegalArgumentException e) {
            throw new LeadKitException("store.data.corrupt", "The stored catalogue '" + kind
                    + "' cannot be read: " + e.getMessage(), e);
        }
    }

    static String kind(CatalogueKind kind) {
        return kind.name();
    }

    static Settings toSettings(SettingsEntity row, long version) {
        return new Settings(Json.values(row.entries), version);
    }

    // ---------------------------------------------------------------- values

    /**
     * The databases keep microseconds (PostgreSQL would round finer values, MariaDB cut them);
     * the core already truncates its timestamps to microseconds, so this changes only values
     * built by hand.
     */
    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String checked(String table, String column, String value, int maxCodePoints) {
        if (value.length() > maxCodePoints && value.codePointCount(0, value.length()) > maxCodePoints) {
            throw new LeadKitException("store.value.too_long", "A value for column " + table + "." + column + " is "
                    + value.codePointCount(0, value.length()) + " characters long; the column holds at most "
                    + maxCodePoints + ". Nothing was stored.");
        }
        return value;
    }
}
