package dev.leadkit.internal;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Map;
import java.util.Set;

/**
 * The common international phone form read without libphonenumber's full parse, for the two
 * places that parse every imported phone: validation ({@code Syntax.isPhone}) and the duplicate
 * key ({@code Normalisers.phone}). libphonenumber's parse is most of the cost of both; the form
 * "+45 20 30 40 50" or "(+370) 612-34567" is read here when the result is certain to be the
 * parse's own: a known calling code, no national prefix after it that parsing would strip,
 * 4 to 14 national digits, nothing but spaces, dashes, dots, slashes and parentheses between.
 * Anything else returns null and is left to libphonenumber. {@code PhonesProperties} holds this
 * to the full parse as the oracle.
 */
public final class Phones {

    /** libphonenumber, loaded once. */
    public static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /**
     * @param s a phone number as entered, stripped
     * @return the number as libphonenumber's {@code parse(s, anyRegion)} would give it, or null
     *         when the fast reading cannot be sure of that
     */
    public static Phonenumber.PhoneNumber fastInternational(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && (s.charAt(i) == '(' || s.charAt(i) == ' ')) {
            i++;
        }
        if (i >= n || s.charAt(i) != '+') {
            return null;
        }
        char[] digits = new char[n];
        int d = 0;
        for (i++; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits[d++] = c;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') {
                return null;
            }
        }
        if (d < 6 || d > 15 || digits[0] == '0') {
            return null;
        }
        int cc = 0;
        for (int len = 1; len <= 3; len++) {
            cc = cc * 10 + (digits[len - 1] - '0');
            String prefix = FAST_PREFIX[cc];
            if (prefix == null) {
                continue;
            }
            if (prefix.equals("-")) {
                return null;
            }
            int national = d - len;
            if (national < 4 || national > 14 || digits[len] == '0' || startsWith(digits, len, d, prefix)) {
                return null;
            }
            long number = 0;
            for (int k = len; k < d; k++) {
                number = number * 10 + (digits[k] - '0');
            }
            return new Phonenumber.PhoneNumber().setCountryCode(cc).setNationalNumber(number);
        }
        return null;
    }

    /** @return whether digits[from, to) start with the prefix, or (for a class "[…]") with one of its digits */
    private static boolean startsWith(char[] digits, int from, int to, String prefix) {
        if (prefix.isEmpty()) {
            return false;
        }
        if (prefix.charAt(0) == '[') {
            return prefix.indexOf(digits[from], 1) > 0;
        }
        if (to - from < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (digits[from + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Calling codes whose national prefix is a plain fixed string. */
    private static final Set<Integer> SIMPLE_PREFIX = Set.of(30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47,
            48, 49, 90, 351, 352, 353, 354, 356, 357, 358, 359, 371, 372, 420, 421, 385, 386);

    /**
     * Calling codes whose parsing strips one of several single digits ({@code national_prefix_for_parsing}
     * of the form {@code [08]}, which libphonenumber does not expose): a national number starting with
     * one of them is left to the full parse. Lithuania strips 0 or 8.
     */
    private static final Map<Integer, String> PREFIX_CLASS = Map.of(370, "[08]");

    /** Per calling code: null when unknown, "-" when the fast path must not be used, else the national prefix ("" for none, "[…]" for one of several digits). */
    private static final String[] FAST_PREFIX = fastPrefixes();

    private static String[] fastPrefixes() {
        String[] out = new String[1000];
        for (int cc : UTIL.getSupportedCallingCodes()) {
            if (cc >= 1000) {
                continue;
            }
            // The national prefix of the calling code's main region; where parsing strips more than
            // a fixed prefix (a pattern or a transform rule), the fast path stays out.
            String region = UTIL.getRegionCodeForCountryCode(cc);
            if (region.equals("001") || region.equals("ZZ")) {
                // Non-geographic numbers (+800 …): left to the full parse.
                out[cc] = "-";
                continue;
            }
            String prefix = UTIL.getNddPrefixForRegion(region, true);
            out[cc] = PREFIX_CLASS.containsKey(cc) ? PREFIX_CLASS.get(cc)
                    : prefix == null ? "" : SIMPLE_PREFIX.contains(cc) ? prefix : "-";
        }
        return out;
    }
}
