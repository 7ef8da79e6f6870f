package dev.leadkit.dedupe;

/**
 * The string and value comparators of requirement D2, hand-written for the matching hot path
 * (no allocation beyond small work arrays). Similarities are symmetric and in [0, 1]; distances
 * are symmetric and non-negative. Inputs are expected already normalised ({@link Normalisers}).
 *
 * <pre>{@code
 * Similarity.jaroWinkler("martha", "marhta");        // 0.961…
 * Similarity.osaDistance("ca", "ac");                // 1 (one transposition)
 * Similarity.tokenSet("ann marie lee", "lee ann");   // high: word order and extra words matter little
 * Similarity.soundex("robert");                      // "R163"
 * }</pre>
 *
 * @since 0.3
 */
public final class Similarity {

    private Similarity() {
    }

    /**
     * Jaro-Winkler similarity with the usual prefix scale 0.1 over at most 4 characters, applied
     * when the Jaro similarity is at least 0.7 (as Apache Commons Text computes it).
     *
     * @param a a string
     * @param b a string
     * @return the similarity in [0, 1]; 1 for equal strings, 0 when nothing matches
     */
    public static double jaroWinkler(CharSequence a, CharSequence b) {
        if (a.equals(b) || (a.length() == b.length() && !(a instanceof String && b instanceof String)
                && a.toString().contentEquals(b))) {
            return 1.0;
        }
        // Symmetric by construction: the shorter string is always the first.
        if (a.length() > b.length()) {
            CharSequence t = a;
            a = b;
            b = t;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0) {
            return 0.0;
        }
        if (lb > 64) {
            return jaroWinklerLong(a, b);
        }
        // Up to 64 characters (every name): the matched positions as bits, nothing allocated.
        int range = Math.max(lb / 2 - 1, 0);
        long matchedA = 0;
        long matchedB = 0;
        int m = 0;
        for (int i = 0; i < la; i++) {
            char c = a.charAt(i);
            int from = Math.max(0, i - range);
            int to = Math.min(i + range + 1, lb);
            for (int j = from; j < to; j++) {
                if ((matchedB & (1L << j)) == 0 && c == b.charAt(j)) {
                    matchedB |= 1L << j;
                    matchedA |= 1L << i;
                    m++;
                    break;
                }
            }
        }
        if (m == 0) {
            return 0.0;
        }
        // The k-th matched character of a against the k-th matched character of b.
        int transpositions = 0;
        long restA = matchedA;
        long restB = matchedB;
        while (restB != 0) {
            int i = Long.numberOfTrailingZeros(restA);
            int j = Long.numberOfTrailingZeros(restB);
            if (a.charAt(i) != b.charAt(j)) {
                transpositions++;
            }
            restA &= restA - 1;
            restB &= restB - 1;
        }
        return winkler(a, b, la, lb, m, transpositions);
    }

    /** Jaro-Winkler for a longer string than 64 characters, with flag arrays. */
    private static double jaroWinklerLong(CharSequence a, CharSequence b) {
        int la = a.length();
        int lb = b.length();
        int range = Math.max(lb / 2 - 1, 0);
        boolean[] matchedB = new boolean[lb];
        char[] ma = new char[la];
        int m = 0;
        for (int i = 0; i < la; i++) {
            char c = a.charAt(i);
            int from = Math.max(0, i - range);
            int to = Math.min(i + range + 1, lb);
            for (int j = from; j < to; j++) {
                if (!matchedB[j] && c == b.charAt(j)) {
                    matchedB[j] = true;
                    ma[m++] = c;
                    break;
                }
            }
        }
        if (m == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int k = 0;
        for (int j = 0; j < lb; j++) {
            if (matchedB[j]) {
                if (ma[k] != b.charAt(j)) {
                    transpositions++;
                }
                k++;
            }
        }
        return winkler(a, b, la, lb, m, transpositions);
    }

    private static double winkler(CharSequence a, CharSequence b, int la, int lb, int m, int transpositions) {
        int prefix = 0;
        int maxPrefix = Math.min(4, la);
        while (prefix < maxPrefix && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        double dm = m;
        double jaro = (dm / la + dm / lb + (dm - transpositions / 2.0) / dm) / 3.0;
        return jaro < 0.7 ? jaro : jaro + 0.1 * prefix * (1.0 - jaro);
    }

    /**
     * @param a a string
     * @param b a string
     * @return the Levenshtein distance: insertions, deletions and substitutions
     */
    public static int levenshteinDistance(CharSequence a, CharSequence b) {
        int la = a.length();
        int lb = b.length();
        if (la == 0) {
            return lb;
        }
        if (lb == 0) {
            return la;
        }
        int[] prev = new int[lb + 1];
        int[] cur = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[lb];
    }

    /**
     * Whether two strings are at most one edit apart (substitution, insertion, deletion or
     * transposition of two adjacent characters): {@code osaDistance(a, b) <= 1} in linear time
     * and without allocating.
     */
    static boolean withinOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (la < lb) {
            return withinOneEdit(b, a);
        }
        if (la - lb > 1) {
            return false;
        }
        int i = 0;
        while (i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == lb) {
            return true;
        }
        if (la == lb) {
            // substitution at i, or transposition of i and i + 1
            if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
                return true;
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, la - i - 2);
        }
        // a is one longer: delete a's character at i
        return a.regionMatches(i + 1, b, i, lb - i);
    }

    /**
     * The optimal-string-alignment (restricted Damerau-Levenshtein) distance: Levenshtein plus
     * transposition of two adjacent characters, no substring edited twice.
     *
     * @param a a string
     * @param b a string
     * @return the distance
     */
    public static int osaDistance(CharSequence a, CharSequence b) {
        int la = a.length();
        int lb = b.length();
        if (la == 0) {
            return lb;
        }
        if (lb == 0) {
            return la;
        }
        int[] prev2 = new int[lb + 1];
        int[] prev = new int[lb + 1];
        int[] cur = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[lb];
    }

    /**
     * @param a a string
     * @param b a string
     * @return 1 − OSA distance / length of the longer string; 1 for two empty strings
     */
    public static double editSimilarity(CharSequence a, CharSequence b) {
        int max = Math.max(a.length(), b.length());
        return max == 0 ? 1.0 : 1.0 - (double) osaDistance(a, b) / max;
    }

    /**
     * Token-set similarity of two space-separated word lists: each word is paired with its most
     * similar word on the other side (Jaro-Winkler), the scores are averaged per side and the two
     * sides averaged, so word order does not matter and an extra word costs a little.
     *
     * @param a words separated by single spaces
     * @param b words separated by single spaces
     * @return the similarity in [0, 1]; 0 when either side is empty and the other is not
     */
    public static double tokenSet(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        String[] ta = a.split(" ");
        String[] tb = b.split(" ");
        double s = (bestAverage(ta, tb) + bestAverage(tb, ta)) / 2.0;
        return Math.min(1.0, Math.max(0.0, s));
    }

    private static double bestAverage(String[] from, String[] to) {
        double sum = 0;
        for (String x : from) {
            double best = 0;
            for (String y : to) {
                double s = jaroWinkler(x, y);
                if (s > best) {
                    best = s;
                }
            }
            sum += best;
        }
        return sum / from.length;
    }

    /**
     * American Soundex of the letters a–z in the word (others are skipped): the first letter and
     * three digits, h and w not separating equal codes (as Apache Commons Codec computes it).
     *
     * @param word a word, normalised
     * @return the code, e.g. "R163"; empty when the word has no letter a–z
     */
    public static String soundex(String word) {
        char[] out = {'0', '0', '0', '0'};
        int n = 0;
        char last = 0;
        for (int i = 0; i < word.length() && n < 4; i++) {
            char c = word.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c < 'a' || c > 'z') {
                continue;
            }
            char code = SOUNDEX.charAt(c - 'a');
            if (n == 0) {
                out[n++] = (char) (c - 32);
                last = code;
            } else if (code == '-') {
                // h and w: the code before them carries over
                continue;
            } else if (code == '0') {
                last = '0';
            } else if (code != last) {
                out[n++] = code;
                last = code;
            }
        }
        return n == 0 ? "" : new String(out);
    }

    private static final String SOUNDEX = "0123012-02245501262301-202";

    /**
     * Closeness of two numbers on a linear scale.
     *
     * @param a     a number
     * @param b     a number
     * @param scale the difference at which closeness reaches 0 (positive)
     * @return 1 − |a − b| / scale, at least 0
     */
    public static double numeric(double a, double b, double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("the scale of a numeric comparison must be positive");
        }
        double d = Math.abs(a - b);
        return d >= scale || Double.isNaN(d) ? 0.0 : 1.0 - d / scale;
    }

    /**
     * Closeness of two dates as {@link Normalisers#birthDate} writes them ("yyyy-mm-dd" or "yyyy"):
     * 1 when equal; 0.8 when day and month are swapped; 0.7 when exactly one digit differs or two
     * adjacent digits are swapped (typing errors); 0.6 when one side is a year alone and the years
     * agree; 0.4 when the years differ by one and month and day agree; 0 otherwise.
     *
     * @param a a normalised date
     * @param b a normalised date
     * @return the closeness in [0, 1]
     */
    public static double dates(String a, String b) {
        if (a.equals(b)) {
            return a.isEmpty() ? 0.0 : 1.0;
        }
        if (a.length() == 4 || b.length() == 4) {
            return a.length() >= 4 && b.length() >= 4 && a.regionMatches(0, b, 0, 4) ? 0.6 : 0.0;
        }
        if (a.length() != 10 || b.length() != 10) {
            return 0.0;
        }
        if (a.regionMatches(0, b, 0, 5) && a.regionMatches(5, b, 8, 2) && a.regionMatches(8, b, 5, 2)) {
            return 0.8;
        }
        int diff = 0;
        int first = -1;
        for (int i = 0; i < 10; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first < 0) {
                    first = i;
                }
                diff++;
            }
        }
        if (diff == 1) {
            return 0.7;
        }
        if (diff == 2 && first + 1 < 10 && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first)) {
            return 0.7;
        }
        if (a.regionMatches(4, b, 4, 6)) {
            try {
                int ya = Integer.parseInt(a.substring(0, 4));
                int yb = Integer.parseInt(b.substring(0, 4));
                if (Math.abs(ya - yb) == 1) {
                    return 0.4;
                }
            } catch (NumberFormatException e) {
                return 0.0;
            }
        }
        return 0.0;
    }
}
