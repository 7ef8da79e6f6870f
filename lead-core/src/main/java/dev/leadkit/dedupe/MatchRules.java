package dev.leadkit.dedupe;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The configurable part of matching (requirement D2): a Fellegi–Sunter-style weight per
 * attribute for agreement and for disagreement, the weight that counts as certain, and the two
 * thresholds on the resulting score. Immutable; build one with {@link #builder()} or start from
 * {@link #defaults()}.
 *
 * <p>Comparing two records sums, over the attributes both have, a weight between the attribute's
 * disagreement weight (values unlike) and its agreement weight (values equal), placed by the
 * comparator's similarity. A missing value adds nothing. The score is that sum divided by
 * {@link #certainty()}, clamped to [0, 1]. Defaults for leads: e-mail, phone, registration number
 * and national id are strong alone; names are strong with company, address, postcode or birth
 * date; a clear disagreement of names or birth date outweighs a shared address.
 *
 * <p>The evidence floor ({@link #evidenceFloor()}, on by default): when names are the only
 * attributes that agree — no agreeing e-mail, phone, registration number, national id, company,
 * website, address, postcode, city or birth date — the score is capped just below the possible
 * threshold, at {@code possibleThreshold() - 0.05}, so a shared name alone never makes a possible
 * duplicate, however strongly the name weights are set. Country and region do not lift the floor.
 *
 * <pre>{@code
 * MatchRules rules = MatchRules.defaults().toBuilder()
 *         .duplicateThreshold(0.7)
 *         .weights(MatchField.COMPANY, 6, -2)
 *         .defaultRegion("DK")
 *         .build();
 * }</pre>
 *
 * @since 0.3
 */
public final class MatchRules {

    private static final MatchRules DEFAULTS = new Builder().build();

    private final double duplicateThreshold;
    private final double possibleThreshold;
    private final double certainty;
    private final double[] agree;
    private final double[] disagree;
    private final String defaultRegion;
    private final boolean emailProviderRules;
    private final boolean evidenceFloor;

    private MatchRules(Builder b) {
        this.duplicateThreshold = b.duplicateThreshold;
        this.possibleThreshold = b.possibleThreshold;
        this.certainty = b.certainty;
        this.agree = b.agree.clone();
        this.disagree = b.disagree.clone();
        this.defaultRegion = b.defaultRegion;
        this.emailProviderRules = b.emailProviderRules;
        this.evidenceFloor = b.evidenceFloor;
    }

    /** @return the default rules for leads */
    public static MatchRules defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these rules */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return the score from which a pair is a duplicate */
    public double duplicateThreshold() {
        return duplicateThreshold;
    }

    /** @return the score from which a pair is a possible duplicate */
    public double possibleThreshold() {
        return possibleThreshold;
    }

    /** @return the total weight that maps to score 1 */
    public double certainty() {
        return certainty;
    }

    /**
     * @param field an attribute
     * @return the weight added when its values agree
     */
    public double agreeWeight(MatchField field) {
        return agree[field.ordinal()];
    }

    /**
     * @param field an attribute
     * @return the weight added when its values disagree (zero or negative)
     */
    public double disagreeWeight(MatchField field) {
        return disagree[field.ordinal()];
    }

    /** @return the ISO region assumed for phone numbers without a country prefix */
    public String defaultRegion() {
        return defaultRegion;
    }

    /** @return whether e-mail addresses are compared by provider rules (Gmail dots, +tags) */
    public boolean emailProviderRules() {
        return emailProviderRules;
    }

    /**
     * Whether a pair whose only agreeing attributes are names is capped just below the possible
     * threshold (at {@code possibleThreshold() - 0.05}, never below 0). On by default: a shared
     * name alone is not a possible duplicate. Off, names alone score by their weights, as they
     * did before the floor existed.
     *
     * @return whether the evidence floor applies
     */
    public boolean evidenceFloor() {
        return evidenceFloor;
    }

    /**
     * The highest score a pair reaches on names alone when {@link #evidenceFloor()} is on:
     * {@code possibleThreshold() - 0.05}, at least 0.
     *
     * @return the cap of a names-only score
     */
    double namesOnlyCap() {
        return Math.max(0, possibleThreshold - NAMES_ONLY_MARGIN);
    }

    /** How far below the possible threshold the evidence floor caps a names-only score. */
    static final double NAMES_ONLY_MARGIN = 0.05;

    /**
     * @param score a comparison score
     * @return the decision the thresholds give it
     */
    public Decision decide(double score) {
        if (score >= duplicateThreshold) {
            return Decision.DUPLICATE;
        }
        return score >= possibleThreshold ? Decision.POSSIBLE_DUPLICATE : Decision.DISTINCT;
    }

    /** Builds {@link MatchRules}; fails fast on an inconsistent setting. */
    public static final class Builder {
        private double duplicateThreshold = 0.65;
        private double possibleThreshold = 0.45;
        private double certainty = 20;
        private final double[] agree = new double[MatchField.values().length];
        private final double[] disagree = new double[MatchField.values().length];
        private String defaultRegion = "DK";
        private boolean emailProviderRules = true;
        private boolean evidenceFloor = true;

        private Builder() {
            Map<MatchField, double[]> w = new EnumMap<>(MatchField.class);
            w.put(MatchField.FIRST_NAME, new double[] {5, -6});
            w.put(MatchField.MIDDLE_NAME, new double[] {1.5, -1});
            w.put(MatchField.LAST_NAME, new double[] {7, -6});
            w.put(MatchField.FULL_NAME, new double[] {0, 0});
            w.put(MatchField.EMAIL, new double[] {14, -3});
            w.put(MatchField.PHONE, new double[] {14, -2.5});
            w.put(MatchField.COMPANY, new double[] {4, -1.5});
            w.put(MatchField.STREET, new double[] {4, -2});
            w.put(MatchField.HOUSE_NUMBER, new double[] {2, -2});
            w.put(MatchField.ADDRESS_LINE_2, new double[] {1, -0.5});
            w.put(MatchField.CITY, new double[] {2, -1.5});
            w.put(MatchField.POSTCODE, new double[] {4, -2.5});
            w.put(MatchField.REGION, new double[] {0.5, -1});
            w.put(MatchField.COUNTRY, new double[] {0.5, -3});
            w.put(MatchField.WEBSITE, new double[] {5, -1});
            w.put(MatchField.REGISTRATION_NUMBER, new double[] {10, -4});
            w.put(MatchField.BIRTH_DATE, new double[] {8, -7});
            w.put(MatchField.NATIONAL_ID, new double[] {12, -6});
            w.forEach((f, v) -> {
                agree[f.ordinal()] = v[0];
                disagree[f.ordinal()] = v[1];
            });
        }

        private Builder(MatchRules r) {
            duplicateThreshold = r.duplicateThreshold;
            possibleThreshold = r.possibleThreshold;
            certainty = r.certainty;
            System.arraycopy(r.agree, 0, agree, 0, agree.length);
            System.arraycopy(r.disagree, 0, disagree, 0, disagree.length);
            defaultRegion = r.defaultRegion;
            emailProviderRules = r.emailProviderRules;
            evidenceFloor = r.evidenceFloor;
        }

        /**
         * @param score the score from which a pair is a duplicate, in (0, 1]
         * @return this builder
         */
        public Builder duplicateThreshold(double score) {
            if (!(score > 0 && score <= 1)) {
                throw new IllegalArgumentException("the duplicate threshold is a score in (0, 1]");
            }
            this.duplicateThreshold = score;
            return this;
        }

        /**
         * @param score the score from which a pair is a possible duplicate, in (0, 1]
         * @return this builder
         */
        public Builder possibleThreshold(double score) {
            if (!(score > 0 && score <= 1)) {
                throw new IllegalArgumentException("the possible-duplicate threshold is a score in (0, 1]");
            }
            this.possibleThreshold = score;
            return this;
        }

        /**
         * @param weight the total weight that maps to score 1, positive
         * @return this builder
         */
        public Builder certainty(double weight) {
            if (!(weight > 0)) {
                throw new IllegalArgumentException("the certainty weight is positive");
            }
            this.certainty = weight;
            return this;
        }

        /**
         * @param field    an attribute
         * @param agree    the weight added when its values agree, zero or positive
         * @param disagree the weight added when they disagree, zero or negative
         * @return this builder
         */
        public Builder weights(MatchField field, double agree, double disagree) {
            Objects.requireNonNull(field, "field");
            if (!(agree >= 0) || !(disagree <= 0)) {
                throw new IllegalArgumentException("an agreement weight is at least 0 and a disagreement weight at most 0");
            }
            this.agree[field.ordinal()] = agree;
            this.disagree[field.ordinal()] = disagree;
            return this;
        }

        /**
         * @param region the ISO 3166 region for phone numbers without a country prefix, e.g. "DK"
         * @return this builder
         */
        public Builder defaultRegion(String region) {
            Objects.requireNonNull(region, "region");
            if (!region.matches("[A-Za-z]{2}")) {
                throw new IllegalArgumentException("the default region is a two-letter ISO 3166 code");
            }
            this.defaultRegion = region.toUpperCase(Locale.ROOT);
            return this;
        }

        /**
         * @param on whether to compare e-mail addresses by provider rules (default on)
         * @return this builder
         */
        public Builder emailProviderRules(boolean on) {
            this.emailProviderRules = on;
            return this;
        }

        /**
         * Sets the evidence floor (default on): when names are the only attributes that agree,
         * the score is capped at {@code possibleThreshold - 0.05}, and the explanation says so on
         * a {@link MatchField#FULL_NAME} line. Off, a shared name alone can be a possible
         * duplicate (or, with heavy name weights, a duplicate).
         *
         * @param on whether a names-only pair stays below the possible threshold
         * @return this builder
         */
        public Builder evidenceFloor(boolean on) {
            this.evidenceFloor = on;
            return this;
        }

        /**
         * @return the rules
         * @throws IllegalArgumentException when the possible threshold is above the duplicate one
         */
        public MatchRules build() {
            if (possibleThreshold > duplicateThreshold) {
                throw new IllegalArgumentException("the possible-duplicate threshold must not be above the duplicate threshold");
            }
            return new MatchRules(this);
        }
    }
}
