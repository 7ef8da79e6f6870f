package dev.leadkit.store.contract;

import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data builder for stored leads: {@code aLead().named("Ayşe", "Yılmaz").createdAt(t).build()}.
 * Builds values as a store receives them (already normalised).
 */
public final class TestLeads {

    private static final AtomicLong COUNTER = new AtomicLong();

    private LeadId id = LeadId.of("lead-" + COUNTER.incrementAndGet() + "-" + System.nanoTime());
    private long version = 1;
    private final EnumMap<LeadField, String> values = new EnumMap<>(LeadField.class);
    private String createdBy = "ayse";
    private Instant createdAt = Instant.parse("2026-03-01T09:00:00Z");
    private Instant updatedAt;
    private boolean deleted;

    private TestLeads() {
        values.put(LeadField.FIRST_NAME, "Egon");
        values.put(LeadField.LAST_NAME, "Tester");
        values.put(LeadField.STATUS, "new");
        values.put(LeadField.SOURCE, "web_form");
        values.put(LeadField.LEAD_DATE, "2026-03-01T08:59:00Z");
        values.put(LeadField.OWNER, "ayse");
    }

    /** @return a builder for a plain valid lead */
    public static TestLeads aLead() {
        return new TestLeads();
    }

    /** @param value the id @return this */
    public TestLeads id(String value) {
        this.id = LeadId.of(value);
        return this;
    }

    /** @param first first name @param last last name @return this */
    public TestLeads named(String first, String last) {
        values.put(LeadField.FIRST_NAME, first);
        values.put(LeadField.LAST_NAME, last);
        return this;
    }

    /** @param field a field @param value its value ({@code null} removes) @return this */
    public TestLeads with(LeadField field, String value) {
        if (value == null) {
            values.remove(field);
        } else {
            values.put(field, value);
        }
        return this;
    }

    /** @param all values to set @return this */
    public TestLeads with(Map<LeadField, String> all) {
        values.putAll(all);
        return this;
    }

    /** @param at creation time @return this */
    public TestLeads createdAt(Instant at) {
        this.createdAt = at;
        return this;
    }

    /** @param by creator id @return this */
    public TestLeads createdBy(String by) {
        this.createdBy = by;
        return this;
    }

    /** @param v version @return this */
    public TestLeads version(long v) {
        this.version = v;
        return this;
    }

    /** @return this, soft-deleted */
    public TestLeads deleted() {
        this.deleted = true;
        return this;
    }

    /** @return the lead */
    public Lead build() {
        return Lead.of(id, version, values, createdBy, createdAt, updatedAt == null ? createdAt : updatedAt, deleted);
    }

    /**
     * @param lead  a stored lead
     * @param field the field to change
     * @param value the new value
     * @return the lead's next version with that value
     */
    public static Lead next(Lead lead, LeadField field, String value) {
        EnumMap<LeadField, String> changed = new EnumMap<>(lead.values());
        changed.put(field, value);
        return Lead.of(lead.id(), lead.version() + 1, changed, lead.createdBy(), lead.createdAt(),
                lead.updatedAt().plusSeconds(1), lead.isDeleted());
    }

    /**
     * @param lead a stored lead
     * @param del  the new deleted flag
     * @return the lead's next version
     */
    public static Lead nextDeleted(Lead lead, boolean del) {
        return Lead.of(lead.id(), lead.version() + 1, lead.values(), lead.createdBy(), lead.createdAt(),
                lead.updatedAt().plusSeconds(1), del);
    }
}
