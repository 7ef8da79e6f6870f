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
            if (score(weigh(p, c, null)) >= possible) {
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
        return new Match(a.id, b.id, score, d, new Explanation(lines, total, rule));
    }

    // ---- the weights ---------------------------------------------------------------------------

    /** The summed weight of two records; each line goes to {@code sink} when it is not null. */
    double weigh(Prepared a, Prepared b, List<FieldScore> sink) {
        double w = 0;
        w += names(a, b, sink);
        if (a.email != null && b.email != null) {
            if (a.email.equals(b.email)) {
                w += line(sink, MatchField.EMAIL, "exact", 1, agree(MatchField.EMAIL));
            } else if (a.emailLocal != null && a.emailLocal.equals(b.emailLocal)) {
                w += line(sink, MatchField.EMAIL, "local-part", 0.5, partial(MatchField.EMAIL, 0.35));
            } else {
                w += line(sink, MatchField.EMAIL, "exact", 0, disagree(MatchField.EMAIL));
            }
        }
        if (a.phone != null && b.phone != null) {
            if (a.phone.equals(b.phone)) {
                w += line(sink, MatchField.PHONE, "exact", 1, agree(MatchField.PHONE));
            } else if (a.phone.length() >= 10 && b.phone.length() >= 10 && a.phone.regionMatches(
                    a.phone.length() - 8, b.phone, b.phone.length() - 8, 8)) {
                w += line(sink, MatchField.PHONE, "national-number", 0.8, partial(MatchField.PHONE, 0.7));
            } else {
                w += line(sink, MatchField.PHONE, "exact", 0, disagree(MatchField.PHONE));
            }
        }
        if (a.company != null && b.company != null) {
            double s = Similarity.tokenSet(a.company, b.company);
            w += line(sink, MatchField.COMPANY, "token-set", s, scaled(MatchField.COMPANY, s, 0.8));
        }
        if (a.street != null && b.street != null) {
            double s = Similarity.tokenSet(a.street, b.street);
            w += line(sink, MatchField.STREET, "token-set", s, scaled(MatchField.STREET, s, 0.75));
        }
        if (a.house != null && b.house != null) {
            w += exact(sink, MatchField.HOUSE_NUMBER, a.house, b.house);
        }
        if (a.line2 != null && b.line2 != null) {
            double s = Similarity.tokenSet(a.line2, b.line2);
            w += line(sink, MatchField.ADDRESS_LINE_2, "token-set", s, scaled(MatchField.ADDRESS_LINE_2, s, 0.75));
        }
        if (a.city != null && b.city != null) {
            double s = Similarity.jaroWinkler(a.city, b.city);
            w += line(sink, MatchField.CITY, "jaro-winkler", s, scaled(MatchField.CITY, s, 0.8));
        }
        if (a.postcode != null && b.postcode != null) {
            w += nearlyExact(sink, MatchField.POSTCODE, a.postcode, b.postcode);
        }
        if (a.region != null && b.region != null) {
            double s = Similarity.jaroWinkler(a.region, b.region);
            w += line(sink, MatchField.REGION, "jaro-winkler", s, scaled(MatchField.REGION, s, 0.8));
        }
        if (a.country != null && b.country != null) {
            w += exact(sink, MatchField.COUNTRY, a.country, b.country);
        }
        if (a.website != null && b.website != null) {
            w += exact(sink, MatchField.WEBSITE, a.website, b.website);
        }
        if (a.registration != null && b.registration != null) {
            w += nearlyExact(sink, MatchField.REGISTRATION_NUMBER, a.registration, b.registration);
        }
        if (a.birthDate != null && b.birthDate != null) {
            double s = Similarity.dates(a.birthDate, b.birthDate);
            w += line(sink, MatchField.BIRTH_DATE, "date", s, scaled(MatchField.BIRTH_DATE, s, 0));
        }
        if (a.nationalId != null && b.nationalId != null) {
            w += nearlyExact(sink, MatchField.NATIONAL_ID, a.nationalId, b.nationalId);
        }
        return w;
    }

    private double names(Prepared a, Prepared b, List<FieldScore> sink) {
        boolean firsts = a.first != null && b.first != null;
        boolean lasts = a.last != null && b.last != null;
        double w = 0;
        if (firsts && lasts) {
            double straight = firstSimilarity(a.first, a.firstGroups, a.firstSdx, b.first, b.firstGroups, b.firstSdx)
                    + lastSimilarity(a.last, a.lastSdx, b.last, b.lastSdx);
            double cross = crossSimilarity(a.first, b.last) + crossSimilarity(a.last, b.first);
            if (cross > straight + 0.3) {
                // Given name and surname swapped between the records: credit the crosswise agreement.
                double sf = crossSimilarity(a.first, b.last);
                double sl = crossSimilarity(a.last, b.first);
                w += line(sink, MatchField.FIRST_NAME, "swapped", sf, scaled(MatchField.FIRST_NAME, sf, 0.75) - 0.5);
                w += line(sink, MatchField.LAST_NAME, "swapped", sl, scaled(MatchField.LAST_NAME, sl, 0.75) - 0.5);
                return w + middles(a, b, sink);
            }
        }
        if (firsts) {
            w += firstLine(a, b, sink);
        }
        if (lasts) {
            double s = lastSimilarity(a.last, a.lastSdx, b.last, b.lastSdx);
            String how = a.last.equals(b.last) ? "exact" : s == SOUNDEX_FLOOR ? "soundex"
                    : a.last.indexOf(' ') >= 0 || b.last.indexOf(' ') >= 0 ? "token-set" : "jaro-winkler";
            w += line(sink, MatchField.LAST_NAME, how, s, scaled(MatchField.LAST_NAME, s, 0.75));
        }
        return w + middles(a, b, sink);
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

    private double firstLine(Prepared a, Prepared b, List<FieldScore> sink) {
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
        double s = firstSimilarity(a.first, a.firstGroups, a.firstSdx, b.first, b.firstGroups, b.firstSdx);
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
