package dev.leadkit.dedupe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Compares records by the {@link MatchRules} (requirements D2, D6) and names their blocking keys.
 * Stateless and thread-safe.
 *
 * <p>Each attribute present on both sides is compared by the comparator that fits it: exact for
 * e-mail, phone, website and identifiers (with partial credit for a shared e-mail local part, a
 * shared national number, one typing error in an identifier); Jaro-Winkler, nickname tables,
 * initials and Soundex for given names; Jaro-Winkler and Soundex for surnames (given name and
 * surname compared crosswise too, for swapped columns); token set for company and street;
 * digit-wise closeness for dates. The weights are summed into a score and a decision, and the
 * {@link Explanation} lists every line.
 *
 * <p>What strangers share is not evidence: e-mail addresses that differ in a mailbox number only
 * (john.smith1@ and john.smith2@) disagree; an e-mail one edit from the other counts nothing when
 * the names clearly differ, or when it differs where the names differ; city, postcode and house
 * number count for a match only where the streets do not disagree (and a street only where the
 * house numbers do not); company and address count for nothing when the names disagree. With
 * {@link MatchRules#evidenceFloor()} (the default), names alone score just below the possible
 * threshold.
 *
 * <pre>{@code
 * Matcher matcher = Matcher.of(MatchRules.defaults());
 * Match m = matcher.compare(a, b);
 * m.score(); m.decision(); m.explanation().rule();
 * Set<String> keys = matcher.blockingKeys(a);     // what a store indexes the record under
 * }</pre>
 *
 * @since 0.3
 */
public final class Matcher {

    private final MatchRules rules;

    private Matcher(MatchRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * @param rules the weights and thresholds
     * @return a matcher
     */
    public static Matcher of(MatchRules rules) {
        return new Matcher(rules);
    }

    /** @return the rules this matcher applies */
    public MatchRules rules() {
        return rules;
    }

    /**
     * Compares two records. A record compared with itself (same id) scores 1 whatever its values.
     *
     * @param a a record
     * @param b another record
     * @return the score, decision and explanation, from {@code a}'s side
     */
    public Match compare(MatchRecord a, MatchRecord b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return explain(prepare(a), prepare(b));
    }

    /**
     * The keys under which a record is indexed: records that share no key are never compared.
     * Several per record (e-mail, phone, identifiers, phonetic surname with given-name prefix,
     * name prefixes in either order, postcode with name prefixes, birth date with initials, company,
     * address), so a single error does not hide a pair. Keys contain normalised values: store them
     * like the values themselves.
     *
     * @param record a record
     * @return its blocking keys, at most 16, each at most 300 characters
     */
    public List<String> blockingKeys(MatchRecord record) {
        List<String> keys = prepare(record).blockingKeys();
        List<String> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            out.add(k.length() > 300 ? k.substring(0, 300) : k);
        }
        return List.copyOf(out);
    }

    /**
     * Compares a record with candidates (for example those a store found by blocking key) and
     * keeps the matches at or above the possible-duplicate threshold, best first.
     *
     * @param record      the record checked
     * @param candidates  records to compare it with; its own id among them is skipped
     * @param notDuplicate pairs a user declared distinct, by (record id, candidate id); skipped
     * @return the matches, best first
     */
    public List<Match> rank(MatchRecord record, Collection<MatchRecord> candidates,
                            BiPredicate<String, String> notDuplicate) {
        Objects.requireNonNull(notDuplicate, "notDuplicate");
        Prepared p = prepare(record);
        List<Prepared> prepared = new ArrayList<>(candidates.size());
        for (MatchRecord c : candidates) {
            if (!c.id().equals(record.id()) && !notDuplicate.test(record.id(), c.id())) {
                prepared.add(prepare(c));
            }
        }
        return rankPrepared(p, prepared);
    }

    List<Match> rankPrepared(Prepared p, List<Prepared> candidates) {
        List<Match> out = new ArrayList<>();
        double possible = rules.possibleThreshold();
        for (Prepared c : candidates) {
            if (canReach(p, c, possible) && score(weigh(p, c, null)) >= possible) {
                out.add(explain(p, c));
            }
        }
        out.sort(BEST_FIRST);
        return out;
    }

    static final Comparator<Match> BEST_FIRST = Comparator.comparingDouble(Match::score).reversed()
            .thenComparing(Match::otherId);

    Prepared prepare(MatchRecord r) {
        return new Prepared(r, rules);
    }

    double score(double weight) {
        double s = weight / rules.certainty();
        return s <= 0 ? 0.0 : Math.min(1.0, s);
    }

    Match explain(Prepared a, Prepared b) {
        if (a.id.equals(b.id)) {
            return new Match(a.id, b.id, 1.0, Decision.DUPLICATE,
                    new Explanation(List.of(), 0, "the same record"));
        }
        List<FieldScore> lines = new ArrayList<>();
        double total = weigh(a, b, lines);
        double score = score(total);
        Decision d = rules.decide(score);
        FieldScore strongest = null;
        for (FieldScore f : lines) {
            if (strongest == null || f.weight() > strongest.weight()) {
                strongest = f;
            }
        }
        String threshold;
        switch (d) {
            case DUPLICATE:
                threshold = String.format(Locale.ROOT, "≥ duplicate %.2f", rules.duplicateThreshold());
                break;
            case POSSIBLE_DUPLICATE:
                threshold = String.format(Locale.ROOT, "≥ possible duplicate %.2f", rules.possibleThreshold());
                break;
            default:
                threshold = String.format(Locale.ROOT, "< possible duplicate %.2f", rules.possibleThreshold());
                break;
        }
        String rule = String.format(Locale.ROOT, "weighted evidence %.1f of %.1f, score %.2f %s", total,
                rules.certainty(), score, threshold)
                + (strongest == null ? "; no attribute on both sides"
                : "; strongest: " + strongest.field() + " " + strongest.comparator());
        for (FieldScore f : lines) {
            if (f.field() == MatchField.FULL_NAME && f.comparator().startsWith(EVIDENCE_FLOOR)) {
                rule += "; " + EVIDENCE_FLOOR + ": names alone";
            }
        }
        return new Match(a.id, b.id, score, d, new Explanation(lines, total, rule));
    }

    // ---- the weights ---------------------------------------------------------------------------

    /**
     * An upper bound of {@link #weigh} from cheap comparisons only (no Jaro-Winkler or token set):
     * each attribute whose comparator is expensive counts at its agreement weight (the first name
     * at least 1, what an agreeing initial earns), each cheap one (exact, one typing error, dates)
     * at the weight {@link #weigh} gives it. When {@code score(bound(a, b))} is below a threshold, so is the
     * pair's score, and the pair need not be weighed.
     */
    double bound(Prepared a, Prepared b) {
        return namesBound(a, b) + restBound(a, b, new boolean[1]);
    }

    /** An upper bound of what the names add to {@link #weigh}. */
    private double namesBound(Prepared a, Prepared b) {
        double w = 0;
        if (a.first != null && b.first != null) {
            w += a.first.equals(b.first) ? agree(MatchField.FIRST_NAME) : Math.max(agree(MatchField.FIRST_NAME), 1.0);
            if (a.last != null && b.last != null && a.first.equals(b.first) && a.last.equals(b.last)) {
                w -= commonNamePenalty(a, b);
            }
        }
        if (a.last != null && b.last != null) {
            w += agree(MatchField.LAST_NAME);
        }
        if (a.middle != null && b.middle != null) {
            w += agree(MatchField.MIDDLE_NAME);
        }
        return w;
    }

    /**
     * An upper bound of what everything but the names adds to {@link #weigh}. {@code support[0]}
     * becomes true when some attribute other than names, country and region may agree (the
     * evidence that lifts the evidence floor); false means it surely does not.
     */
    private double restBound(Prepared a, Prepared b, boolean[] support) {
        double w = 0;
        double x;
        boolean may = false;
        if (a.email != null && b.email != null) {
            if (a.email.equals(b.email)) {
                w += agree(MatchField.EMAIL);
                may = true;
            } else if (a.emailLocal != null && a.emailLocal.equals(b.emailLocal)) {
                w += 0; // the local part alone is worth nothing
            } else if (Similarity.withinOneEdit(a.email, b.email) && !mailboxNumber(a.email, b.email)) {
                w += partial(MatchField.EMAIL, 0.5);
                may = true;
            } else {
                w += disagree(MatchField.EMAIL);
            }
        }
        if (a.phone != null && b.phone != null) {
            if (a.phone.equals(b.phone)) {
                w += agree(MatchField.PHONE);
                may = true;
            } else if (a.phone.length() >= 10 && b.phone.length() >= 10 && a.phone.regionMatches(
                    a.phone.length() - 8, b.phone, b.phone.length() - 8, 8)) {
                w += partial(MatchField.PHONE, 0.7);
                may = true;
            } else {
                w += disagree(MatchField.PHONE);
            }
        }
        if (a.company != null && b.company != null) {
            w += agree(MatchField.COMPANY);
            may = true;
        }
        if (a.street != null && b.street != null) {
            w += agree(MatchField.STREET);
            may = true;
        }
        if (a.house != null && b.house != null) {
            if (a.house.equals(b.house)) {
                w += agree(MatchField.HOUSE_NUMBER);
                may = true;
            } else {
                w += disagree(MatchField.HOUSE_NUMBER);
            }
        }
        if (a.line2 != null && b.line2 != null) {
            w += agree(MatchField.ADDRESS_LINE_2);
            may = true;
        }
        if (a.city != null && b.city != null) {
            w += agree(MatchField.CITY);
            may = true;
        }
        if (a.postcode != null && b.postcode != null) {
            x = nearlyExactBound(MatchField.POSTCODE, a.postcode, b.postcode);
            w += x;
            may |= x > 0;
        }
        if (a.region != null && b.region != null) {
            w += agree(MatchField.REGION);
        }
        if (a.country != null && b.country != null) {
            w += a.country.equals(b.country) ? agree(MatchField.COUNTRY) : disagree(MatchField.COUNTRY);
        }
        if (a.website != null && b.website != null) {
            if (a.website.equals(b.website)) {
                w += agree(MatchField.WEBSITE);
                may = true;
            } else {
                w += disagree(MatchField.WEBSITE);
            }
        }
        if (a.registration != null && b.registration != null) {
            x = nearlyExactBound(MatchField.REGISTRATION_NUMBER, a.registration, b.registration);
            w += x;
            may |= x > 0;
        }
        if (a.birthDate != null && b.birthDate != null) {
            x = scaled(MatchField.BIRTH_DATE, Similarity.dates(a.birthDate, b.birthDate), 0);
            w += x;
            may |= x > 0;
        }
        if (a.nationalId != null && b.nationalId != null) {
            x = nearlyExactBound(MatchField.NATIONAL_ID, a.nationalId, b.nationalId);
            w += x;
            may |= x > 0;
        }
        support[0] = may;
        return w;
    }

    /**
     * Whether two e-mail addresses differ in one digit only — a digit replaced by another, a
     * digit added, or two digits swapped — as a mail provider numbers the mailboxes of namesakes
     * (john.smith1@ and john.smith2@, jane.doe27@ and jane.doe72@): two mailboxes, not a typing
     * error. False for any other difference.
     */
    static boolean mailboxNumber(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (la < lb) {
            return mailboxNumber(b, a);
        }
        int i = 0;
        while (i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            if (i >= la || !isDigit(a.charAt(i)) || !isDigit(b.charAt(i))) {
                return false;
            }
            if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
                return true;
            }
            // two adjacent digits swapped
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, la - i - 2);
        }
        return la == lb + 1 && isDigit(a.charAt(i)) && a.regionMatches(i + 1, b, i, lb - i);
    }

    /**
     * Whether a given name or surname that differs between the records appears, as each record
     * spells it, in that record's e-mail address: then an e-mail one edit from the other repeats
     * the names' difference rather than adding evidence of its own.
     */
    private static boolean emailFollowsNames(Prepared a, Prepared b) {
        return followsPart(a.last, b.last, a.email, b.email) || followsPart(a.first, b.first, a.email, b.email);
    }

    private static boolean followsPart(String x, String y, String ex, String ey) {
        return x != null && y != null && !x.equals(y) && ex.contains(x) && ey.contains(y);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private double nearlyExactBound(MatchField f, String a, String b) {
        if (a.equals(b)) {
            return agree(f);
        }
        return Similarity.withinOneEdit(a, b) ? partial(f, 0.5) : disagree(f);
    }

    /**
     * Whether two records can score at or above {@code threshold}; false only when they surely
     * cannot. First by {@link #bound}; then, when that leaves it open, by the names weighed in
     * full (Jaro-Winkler) plus the bound of the rest, which spares the token-set comparisons of
     * company and address for records whose names disagree.
     */
    boolean canReach(Prepared a, Prepared b, double threshold) {
        boolean[] support = new boolean[1];
        double rest = restBound(a, b, support);
        double names = namesBound(a, b);
        if (!support[0] && rules.evidenceFloor()) {
            // Names alone: capped below the possible threshold, so no string similarity is needed.
            return Math.min(score(names + rest), rules.namesOnlyCap()) >= threshold;
        }
        if (score(names + rest) < threshold) {
            return false;
        }
        return score(names(a, b, null, new boolean[1]) + rest) >= threshold;
    }

    /**
     * The summed weight of two records; each line goes to {@code sink} when it is not null. With
     * the evidence floor on, a total that rests on names alone is capped at
     * {@link MatchRules#namesOnlyCap()} (a {@link MatchField#FULL_NAME} line says so).
     */
    double weigh(Prepared a, Prepared b, List<FieldScore> sink) {
        int before = sink == null ? 0 : sink.size();
        boolean[] namesDisagree = new boolean[1];
        double w = names(a, b, sink, namesDisagree);
        // Whether an attribute other than names, country and region agrees: what lifts the evidence floor.
        boolean support = false;
        double x;
        if (a.email != null && b.email != null) {
            if (a.email.equals(b.email)) {
                w += line(sink, MatchField.EMAIL, "exact", 1, agree(MatchField.EMAIL));
                support = true;
            } else if (a.emailLocal != null && a.emailLocal.equals(b.emailLocal)) {
                w += line(sink, MatchField.EMAIL, "local-part", 0.5, 0);
            } else if (Math.abs(a.email.length() - b.email.length()) <= 1 && Similarity.osaDistance(a.email, b.email) == 1) {
                if (mailboxNumber(a.email, b.email)) {
                    // john.smith1@ and john.smith2@: the provider numbered two namesakes' mailboxes.
                    w += line(sink, MatchField.EMAIL, "mailbox-number", 0, disagree(MatchField.EMAIL));
                } else if (namesDisagree[0]) {
                    // One edit apart, but the names clearly differ: no evidence either way.
                    w += line(sink, MatchField.EMAIL, "edit-distance, not counted: names disagree", 0.7, 0);
                } else if (emailFollowsNames(a, b)) {
                    // The addresses differ where the names differ (kazlauskas@ and kazlauskis@ of a
                    // Kazlauskas and a Kazlauskis): the e-mail repeats the names, it adds nothing.
                    w += line(sink, MatchField.EMAIL, "edit-distance, not counted: follows the names", 0.7, 0);
                } else {
                    w += line(sink, MatchField.EMAIL, "edit-distance", 0.7, partial(MatchField.EMAIL, 0.5));
                    support = true;
                }
            } else {
                w += line(sink, MatchField.EMAIL, "exact", 0, disagree(MatchField.EMAIL));
            }
        }
        if (a.phone != null && b.phone != null) {
            if (a.phone.equals(b.phone)) {
                w += line(sink, MatchField.PHONE, "exact", 1, agree(MatchField.PHONE));
                support = true;
            } else if (a.phone.length() >= 10 && b.phone.length() >= 10 && a.phone.regionMatches(
                    a.phone.length() - 8, b.phone, b.phone.length() - 8, 8)) {
                x = line(sink, MatchField.PHONE, "national-number", 0.8, partial(MatchField.PHONE, 0.7));
                w += x;
                support |= x > 0;
            } else {
                w += line(sink, MatchField.PHONE, "exact", 0, disagree(MatchField.PHONE));
            }
        }
        // Company and address: when both records name a person and the names disagree, what they
        // share is what colleagues and relatives have in common, so it adds no evidence (it may
        // still count against).
        double sharedFor = 0;
        double sharedAgainst = 0;
        boolean sharedSupport = false;
        if (a.company != null && b.company != null) {
            double s = Similarity.tokenSet(a.company, b.company);
            x = line(sink, MatchField.COMPANY, "token-set", s, scaled(MatchField.COMPANY, s, 0.8));
            if (x > 0) {
                sharedFor += x;
                sharedSupport = true;
            } else {
                sharedAgainst += x;
            }
        }
        // City, postcode and house number support a match only where the streets do not disagree:
        // the same town or number on another street is what strangers share.
        boolean streetsDisagree = false;
        if (a.street != null && b.street != null) {
            double s = Similarity.tokenSet(a.street, b.street);
            double weight = scaled(MatchField.STREET, s, STREET_FLOOR);
            if (weight > 0 && a.house != null && b.house != null && !Similarity.withinOneEdit(a.house, b.house)) {
                x = line(sink, MatchField.STREET, "token-set, not counted: house numbers differ", s, 0);
                streetsDisagree = true;
            } else {
                x = line(sink, MatchField.STREET, "token-set", s, weight);
            }
            if (x > 0) {
                sharedFor += x;
                sharedSupport = true;
            } else {
                sharedAgainst += x;
                // Disagreement: unlike streets, or near ones (sharing a word such as "Lane") under
                // another house number. A near miss at the same number is a misspelt street.
                streetsDisagree |= s <= STREET_FLOOR || x < 0 && (a.house == null || !a.house.equals(b.house));
            }
        }
        if (a.house != null && b.house != null) {
            boolean same = a.house.equals(b.house);
            if (same && streetsDisagree) {
                line(sink, MatchField.HOUSE_NUMBER, "exact, not counted: streets disagree", 1, 0);
            } else {
                x = exact(sink, MatchField.HOUSE_NUMBER, a.house, b.house);
                if (x > 0) {
                    sharedFor += x;
                    sharedSupport = true;
                } else {
                    sharedAgainst += x;
                }
            }
        }
        if (a.line2 != null && b.line2 != null) {
            double s = Similarity.tokenSet(a.line2, b.line2);
            x = line(sink, MatchField.ADDRESS_LINE_2, "token-set", s, scaled(MatchField.ADDRESS_LINE_2, s, 0.75));
            if (x > 0) {
                sharedFor += x;
                sharedSupport = true;
            } else {
                sharedAgainst += x;
            }
        }
        if (a.city != null && b.city != null) {
            double s = Similarity.jaroWinkler(a.city, b.city);
            double weight = scaled(MatchField.CITY, s, 0.8);
            if (weight > 0 && streetsDisagree) {
                line(sink, MatchField.CITY, "jaro-winkler, not counted: streets disagree", s, 0);
            } else {
                x = line(sink, MatchField.CITY, "jaro-winkler", s, weight);
                if (x > 0) {
                    sharedFor += x;
                    sharedSupport = true;
                } else {
                    sharedAgainst += x;
                }
            }
        }
        if (a.postcode != null && b.postcode != null) {
            if (streetsDisagree && nearlyExact(null, MatchField.POSTCODE, a.postcode, b.postcode) > 0) {
                boolean same = a.postcode.equals(b.postcode);
                line(sink, MatchField.POSTCODE, (same ? "exact" : "edit-distance") + ", not counted: streets disagree",
                        same ? 1 : 0.5, 0);
            } else {
                x = nearlyExact(sink, MatchField.POSTCODE, a.postcode, b.postcode);
                if (x > 0) {
                    sharedFor += x;
                    sharedSupport = true;
                } else {
                    sharedAgainst += x;
                }
            }
        }
        if (a.region != null && b.region != null) {
            double s = Similarity.jaroWinkler(a.region, b.region);
            x = line(sink, MatchField.REGION, "jaro-winkler", s, scaled(MatchField.REGION, s, 0.8));
            if (x > 0) {
                sharedFor += x;
            } else {
                sharedAgainst += x;
            }
        }
        if (a.country != null && b.country != null) {
            x = exact(sink, MatchField.COUNTRY, a.country, b.country);
            if (x > 0) {
                sharedFor += x;
            } else {
                sharedAgainst += x;
            }
        }
        if (a.website != null && b.website != null) {
            x = exact(sink, MatchField.WEBSITE, a.website, b.website);
            if (x > 0) {
                sharedFor += x;
                sharedSupport = true;
            } else {
                sharedAgainst += x;
            }
        }
        if (a.registration != null && b.registration != null) {
            x = nearlyExact(sink, MatchField.REGISTRATION_NUMBER, a.registration, b.registration);
            if (x > 0) {
                sharedFor += x;
                sharedSupport = true;
            } else {
                sharedAgainst += x;
            }
        }
        if (namesDisagree[0]) {
            if (sink != null && sharedFor > 0) {
                for (int i = before; i < sink.size(); i++) {
                    FieldScore f = sink.get(i);
                    if (SHARED.contains(f.field()) && f.weight() > 0) {
                        sink.set(i, new FieldScore(f.field(), f.comparator() + ", not counted: names disagree",
                                f.similarity(), 0));
                    }
                }
            }
            sharedFor = 0;
            sharedSupport = false;
        }
        w += sharedFor + sharedAgainst;
        support |= sharedSupport;
        if (a.birthDate != null && b.birthDate != null) {
            double s = Similarity.dates(a.birthDate, b.birthDate);
            x = line(sink, MatchField.BIRTH_DATE, "date", s, scaled(MatchField.BIRTH_DATE, s, 0));
            w += x;
            support |= x > 0;
        }
        if (a.nationalId != null && b.nationalId != null) {
            x = nearlyExact(sink, MatchField.NATIONAL_ID, a.nationalId, b.nationalId);
            w += x;
            support |= x > 0;
        }
        if (!support && rules.evidenceFloor()) {
            double cap = rules.namesOnlyCap() * rules.certainty();
            if (w > cap) {
                line(sink, MatchField.FULL_NAME, String.format(Locale.ROOT,
                        EVIDENCE_FLOOR + ": names alone (no other attribute agrees), capped at score %.2f",
                        rules.namesOnlyCap()), 1, cap - w);
                w = cap;
            }
        }
        return w;
    }

    /** The token-set similarity of streets at or below which they disagree fully. */
    private static final double STREET_FLOOR = 0.75;

    /** The comparator name of the line the evidence floor adds. */
    static final String EVIDENCE_FLOOR = "evidence floor";

    private static final java.util.Set<MatchField> SHARED = java.util.EnumSet.of(MatchField.COMPANY,
            MatchField.STREET, MatchField.HOUSE_NUMBER, MatchField.ADDRESS_LINE_2, MatchField.CITY,
            MatchField.POSTCODE, MatchField.REGION, MatchField.COUNTRY, MatchField.WEBSITE,
            MatchField.REGISTRATION_NUMBER);

    /** Names, given and surname straight or crosswise; {@code disagree[0]} says whether either part clearly disagreed. */
    private double names(Prepared a, Prepared b, List<FieldScore> sink, boolean[] disagree) {
        boolean firsts = a.first != null && b.first != null;
        boolean lasts = a.last != null && b.last != null;
        double w = 0;
        // Computed once here and reused below (NaN: not computed).
        double firstSim = Double.NaN;
        double lastSim = Double.NaN;
        if (firsts && lasts) {
            firstSim = firstSimilarity(a.first, a.firstGroups, a.firstSdx, b.first, b.firstGroups, b.firstSdx);
            lastSim = lastSimilarity(a.last, a.lastSdx, b.last, b.lastSdx);
            double straight = firstSim + lastSim;
            // Crosswise similarities add up to at most 2, so from 1.7 straight they cannot win: not computed.
            if (straight < 1.7 && crossSimilarity(a.first, b.last) + crossSimilarity(a.last, b.first) > straight + 0.3) {
                // Given name and surname swapped between the records: credit the crosswise agreement.
                // The pair that agrees less is weighed as the given name: the same from either side.
                double s1 = crossSimilarity(a.first, b.last);
                double s2 = crossSimilarity(a.last, b.first);
                double sf = Math.min(s1, s2);
                double sl = Math.max(s1, s2);
                double wf = line(sink, MatchField.FIRST_NAME, "swapped", sf, scaled(MatchField.FIRST_NAME, sf, 0.75) - 0.5);
                double wl = line(sink, MatchField.LAST_NAME, "swapped", sl, scaled(MatchField.LAST_NAME, sl, 0.75) - 0.5);
                w += wf + wl;
                disagree[0] = wf < 0 || wl < 0;
                return w + middles(a, b, sink);
            }
        }
        if (firsts) {
            double f = firstLine(a, b, sink, firstSim);
            disagree[0] |= f < 0;
            w += f;
        }
        if (firsts && lasts && a.first.equals(b.first) && a.last.equals(b.last)) {
            double common = commonNamePenalty(a, b);
            if (common > 0) {
                w += line(sink, MatchField.LAST_NAME, "common name (" + Math.min(a.nameCount, b.nameCount)
                        + " records)", 1, -common);
            }
        }
        if (lasts) {
            double s = Double.isNaN(lastSim) ? lastSimilarity(a.last, a.lastSdx, b.last, b.lastSdx) : lastSim;
            String how = a.last.equals(b.last) ? "exact" : s == SOUNDEX_FLOOR ? "soundex"
                    : a.last.indexOf(' ') >= 0 || b.last.indexOf(' ') >= 0 ? "token-set" : "jaro-winkler";
            double l = line(sink, MatchField.LAST_NAME, how, s, scaled(MatchField.LAST_NAME, s, 0.75));
            disagree[0] |= l < 0;
            w += l;
        }
        return w + middles(a, b, sink);
    }

    /** Records sharing a full name before it counts for less: about what a file of 100,000 people gives a common name. */
    static final int COMMON_NAME = 16;
    /** The most a common full name loses: enough that the name alone stays below the possible threshold. */
    static final double COMMON_NAME_MAX_PENALTY = 4;

    /**
     * What an exactly shared full name loses because many records have it (frequency-based
     * weighting, as Fellegi and Sunter proposed): one unit per doubling beyond
     * {@link #COMMON_NAME} records, at most {@link #COMMON_NAME_MAX_PENALTY}. Zero unless a scan
     * has counted the names.
     */
    static double commonNamePenalty(Prepared a, Prepared b) {
        int count = Math.min(a.nameCount, b.nameCount);
        if (count <= COMMON_NAME) {
            return 0;
        }
        return Math.min(COMMON_NAME_MAX_PENALTY, Math.log((double) count / COMMON_NAME) / Math.log(2));
    }

    private double middles(Prepared a, Prepared b, List<FieldScore> sink) {
        if (a.middle == null || b.middle == null) {
            return 0;
        }
        if (a.middle.length() == 1 || b.middle.length() == 1) {
            boolean same = a.middle.charAt(0) == b.middle.charAt(0);
            return line(sink, MatchField.MIDDLE_NAME, "initial", same ? 1 : 0,
                    same ? agree(MatchField.MIDDLE_NAME) / 2 : disagree(MatchField.MIDDLE_NAME));
        }
        double s = Similarity.tokenSet(a.middle, b.middle);
        return line(sink, MatchField.MIDDLE_NAME, "token-set", s, scaled(MatchField.MIDDLE_NAME, s, 0.75));
    }

    /** @param known firstSimilarity of the two, when already computed; NaN when not */
    private double firstLine(Prepared a, Prepared b, List<FieldScore> sink, double known) {
        if (a.first.equals(b.first)) {
            return line(sink, MatchField.FIRST_NAME, "exact", 1, agree(MatchField.FIRST_NAME));
        }
        if (a.first.length() == 1 || b.first.length() == 1) {
            boolean same = a.first.charAt(0) == b.first.charAt(0);
            return line(sink, MatchField.FIRST_NAME, "initial", same ? 1 : 0,
                    same ? 1.0 : disagree(MatchField.FIRST_NAME));
        }
        if (sharesGroup(a.firstGroups, b.firstGroups)) {
            return line(sink, MatchField.FIRST_NAME, "nickname", NICKNAME, scaled(MatchField.FIRST_NAME, NICKNAME, 0.75));
        }
        double s = Double.isNaN(known)
                ? firstSimilarity(a.first, a.firstGroups, a.firstSdx, b.first, b.firstGroups, b.firstSdx) : known;
        String how = s == SOUNDEX_FLOOR ? "soundex"
                : a.first.indexOf(' ') >= 0 || b.first.indexOf(' ') >= 0 ? "token-set" : "jaro-winkler";
        return line(sink, MatchField.FIRST_NAME, how, s, scaled(MatchField.FIRST_NAME, s, 0.75));
    }

    private static final double NICKNAME = 0.95;
    private static final double SOUNDEX_FLOOR = 0.88;

    private static double firstSimilarity(String a, int[] ga, String sa, String b, int[] gb, String sb) {
        if (a.equals(b)) {
            return 1;
        }
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) == b.charAt(0) ? 0.8 : 0;
        }
        if (sharesGroup(ga, gb)) {
            return NICKNAME;
        }
        double s = wordsSimilarity(a, b);
        if (s < SOUNDEX_FLOOR && sa != null && sa.equals(sb)) {
            s = SOUNDEX_FLOOR;
        }
        return s;
    }

    private static double lastSimilarity(String a, String sa, String b, String sb) {
        if (a.equals(b)) {
            return 1;
        }
        double s = wordsSimilarity(a, b);
        if (s < SOUNDEX_FLOOR && sa != null && sa.equals(sb)) {
            s = SOUNDEX_FLOOR;
        }
        return s;
    }

    private static double crossSimilarity(String a, String b) {
        return a.equals(b) ? 1 : wordsSimilarity(a, b);
    }

    private static double wordsSimilarity(String a, String b) {
        if (a.indexOf(' ') >= 0 || b.indexOf(' ') >= 0) {
            return Similarity.tokenSet(a, b);
        }
        return Similarity.jaroWinkler(a, b);
    }

    private static boolean sharesGroup(int[] a, int[] b) {
        if (a == null || b == null) {
            return false;
        }
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }

    private double exact(List<FieldScore> sink, MatchField f, String a, String b) {
        boolean same = a.equals(b);
        return line(sink, f, "exact", same ? 1 : 0, same ? agree(f) : disagree(f));
    }

    /** Exact, with partial credit for one typing error (substitution, insertion, deletion, transposition). */
    private double nearlyExact(List<FieldScore> sink, MatchField f, String a, String b) {
        if (a.equals(b)) {
            return line(sink, f, "exact", 1, agree(f));
        }
        if (Math.abs(a.length() - b.length()) <= 1 && Similarity.osaDistance(a, b) == 1) {
            return line(sink, f, "edit-distance", 0.5, partial(f, 0.5));
        }
        return line(sink, f, "exact", 0, disagree(f));
    }

    /** The weight between disagreement (similarity at or below {@code floor}) and agreement (similarity 1). */
    private double scaled(MatchField f, double similarity, double floor) {
        if (similarity >= 1) {
            return agree(f);
        }
        if (similarity <= floor) {
            return disagree(f);
        }
        return partial(f, (similarity - floor) / (1 - floor));
    }

    private double partial(MatchField f, double fraction) {
        return disagree(f) + (agree(f) - disagree(f)) * fraction;
    }

    private double agree(MatchField f) {
        return rules.agreeWeight(f);
    }

    private double disagree(MatchField f) {
        return rules.disagreeWeight(f);
    }

    private static double line(List<FieldScore> sink, MatchField f, String comparator, double similarity, double weight) {
        if (sink != null) {
            sink.add(new FieldScore(f, comparator, Math.max(0, Math.min(1, similarity)), weight));
        }
        return weight;
    }
}
