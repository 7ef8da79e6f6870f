package dev.leadkit.dedupe;

import dev.leadkit.lead.LeadField;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a merge builds the survivor's values (requirement D5): a default {@link Survivorship} rule,
 * rules per field, and explicit picks per field — standard fields and custom fields by key. The
 * fields that place a lead in the workflow and the organisation — status, source, lead date,
 * owner and external id — always keep the survivor's value. Immutable.
 *
 * <pre>{@code
 * MergePlan plan = MergePlan.builder()
 *         .defaultRule(Survivorship.NON_EMPTY_WINS)         // the default
 *         .rule(LeadField.PHONE, Survivorship.NEWEST_WINS)
 *         .pick(LeadField.EMAIL, MergePlan.Side.MERGED)     // the user chose the other lead's e-mail
 *         .pickCustom("industry", MergePlan.Side.MERGED)
 *         .build();
 * Lead survivor = kit.duplicates().merge(ayse, keep.id(), keep.version(), other.id(), other.version(), plan);
 * }</pre>
 *
 * @since 0.2
 */
public final class MergePlan {

    /** Which of the two leads a picked value comes from. */
    public enum Side {
        /** The lead that stays. */
        SURVIVOR,
        /** The lead merged away. */
        MERGED
    }

    /** The fields that always keep the survivor's value. */
    public static final Set<LeadField> FIXED = Collections.unmodifiableSet(java.util.EnumSet.of(
            LeadField.STATUS, LeadField.SOURCE, LeadField.LEAD_DATE, LeadField.OWNER, LeadField.EXTERNAL_ID));

    private final Survivorship defaultRule;
    private final Map<LeadField, Survivorship> rules;
    private final Map<LeadField, Side> picks;
    private final Map<String, Survivorship> customRules;
    private final Map<String, Side> customPicks;

    private MergePlan(Builder b) {
        this.defaultRule = b.defaultRule;
        this.rules = Collections.unmodifiableMap(new EnumMap<>(b.rules));
        this.picks = Collections.unmodifiableMap(new EnumMap<>(b.picks));
        this.customRules = Collections.unmodifiableMap(new TreeMap<>(b.customRules));
        this.customPicks = Collections.unmodifiableMap(new TreeMap<>(b.customPicks));
    }

    /** @return the plan most users want: non-empty wins everywhere */
    public static MergePlan defaults() {
        return builder().build();
    }

    /** @return a builder starting from {@link Survivorship#NON_EMPTY_WINS} for every field */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the rule of fields without their own rule or pick */
    public Survivorship defaultRule() {
        return defaultRule;
    }

    /**
     * @param field a standard field
     * @return its explicit pick, if any
     */
    public Optional<Side> pick(LeadField field) {
        return Optional.ofNullable(picks.get(field));
    }

    /**
     * @param field a standard field
     * @return its rule: its own, or the default
     */
    public Survivorship rule(LeadField field) {
        return rules.getOrDefault(field, defaultRule);
    }

    /**
     * @param key a custom field key
     * @return its explicit pick, if any
     */
    public Optional<Side> pickCustom(String key) {
        return Optional.ofNullable(customPicks.get(key));
    }

    /**
     * @param key a custom field key
     * @return its rule: its own, or the default
     */
    public Survivorship ruleCustom(String key) {
        return customRules.getOrDefault(key, defaultRule);
    }

    /** Collects a {@link MergePlan}. Not thread-safe. */
    public static final class Builder {
        private Survivorship defaultRule = Survivorship.NON_EMPTY_WINS;
        private final Map<LeadField, Survivorship> rules = new EnumMap<>(LeadField.class);
        private final Map<LeadField, Side> picks = new EnumMap<>(LeadField.class);
        private final Map<String, Survivorship> customRules = new TreeMap<>();
        private final Map<String, Side> customPicks = new TreeMap<>();

        private Builder() {
        }

        /**
         * @param rule the rule of every field without its own
         * @return this builder
         */
        public Builder defaultRule(Survivorship rule) {
            this.defaultRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * @param field a standard field, not one of {@link #FIXED}
         * @param rule  its rule
         * @return this builder
         * @throws IllegalArgumentException for a field of {@link #FIXED}
         */
        public Builder rule(LeadField field, Survivorship rule) {
            rules.put(mergeable(field), Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * @param field a standard field, not one of {@link #FIXED}
         * @param side  whose value the survivor keeps, also an empty one
         * @return this builder
         * @throws IllegalArgumentException for a field of {@link #FIXED}
         */
        public Builder pick(LeadField field, Side side) {
            picks.put(mergeable(field), Objects.requireNonNull(side, "side"));
            return this;
        }

        /**
         * @param key  a custom field key
         * @param rule its rule
         * @return this builder
         */
        public Builder ruleCustom(String key, Survivorship rule) {
            customRules.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * @param key  a custom field key
         * @param side whose value the survivor keeps, also an empty one
         * @return this builder
         */
        public Builder pickCustom(String key, Side side) {
            customPicks.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(side, "side"));
            return this;
        }

        private static LeadField mergeable(LeadField field) {
            Objects.requireNonNull(field, "field");
            if (FIXED.contains(field)) {
                throw new IllegalArgumentException(field.key() + " always keeps the survivor's value in a merge;"
                        + " change it on the survivor before or after merging");
            }
            return field;
        }

        /** @return the plan */
        public MergePlan build() {
            return new MergePlan(this);
        }
    }
}
