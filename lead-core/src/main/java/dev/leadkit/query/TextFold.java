package dev.leadkit.query;

import java.text.Normalizer;

/**
 * Folds text for search, sorting and matching: case and accents are dropped, and letters that do
 * not decompose are spelled out, so that {@code "istanbul"} finds {@code "İstanbul"},
 * {@code "soren"} finds {@code "Søren"} and {@code "sarunas"} finds {@code "Šarūnas"}.
 *
 * <p>The rule, identical for every store (so every store searches and orders alike whatever its
 * collation): compatibility decomposition (NFKD), combining marks removed, then each letter
 * lower-cased without locale and mapped by an explicit table for the letters that have no
 * decomposition:
 * <table>
 * <caption>Letters spelled out</caption>
 * <tr><th>letter</th><th>folded</th><th>letter</th><th>folded</th></tr>
 * <tr><td>I İ ı i</td><td>i</td><td>ß ẞ</td><td>ss</td></tr>
 * <tr><td>Æ æ</td><td>ae</td><td>Ø ø</td><td>o</td></tr>
 * <tr><td>Œ œ</td><td>oe</td><td>Đ đ Ð ð</td><td>d</td></tr>
 * <tr><td>Ł ł</td><td>l</td><td>Þ þ</td><td>th</td></tr>
 * <tr><td>Ħ ħ</td><td>h</td><td>ŀ ĸ</td><td>l, k</td></tr>
 * </table>
 * Everything else (digits, punctuation, spaces, emoji) is kept as it is. The result is in NFC.
 * Folding is idempotent: {@code fold(fold(s)).equals(fold(s))}.
 *
 * <pre>{@code
 * TextFold.fold("Şarūnas Ørsted-Æbelø");   // "sarunas orsted-aebelo"
 * TextFold.contains("İstanbul Ltd. Şti.", "istanbul");   // true
 * }</pre>
 *
 * @since 0.2
 */
public final class TextFold {

    private TextFold() {
    }

    /**
     * @param text any text
     * @return the folded text; the empty string for the empty string
     */
    public static String fold(String text) {
        int n = text.length();
        int i = 0;
        // Fast path: plain ASCII needs only lower-casing.
        while (i < n) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                break;
            }
            i++;
        }
        if (i == n) {
            return asciiLower(text);
        }
        String latin = foldLatin(text, i);
        if (latin != null) {
            return latin;
        }
        return foldSlow(text);
    }

    /** The rule as written: NFKD, marks dropped, lower-cased and spelled out, settled, NFC. */
    static String foldSlow(String text) {
        String once = foldOnce(text);
        // A lower-cased letter may itself decompose (rare compatibility forms): one more pass settles it.
        String settled = Normalizer.isNormalized(once, Normalizer.Form.NFKD) ? once : foldOnce(once);
        return Normalizer.normalize(settled, Normalizer.Form.NFC);
    }

    /** Below this, each character folds alone: see {@link #foldLatin}. */
    private static final int LATIN_END = 0x250;
    /** The fold of each character from 0x80 to {@link #LATIN_END}, by the rule as written. */
    private static final String[] LATIN = new String[LATIN_END - 0x80];

    static {
        for (int c = 0x80; c < LATIN_END; c++) {
            LATIN[c - 0x80] = foldSlow(String.valueOf((char) c));
        }
    }

    /**
     * The fold of text made of Latin letters only (Latin-1, Latin Extended-A and -B: Turkish,
     * Danish, Lithuanian and most European names), by table. Each such character decomposes on
     * its own, its marks are dropped, and what is left holds no mark for NFC to compose, so the
     * fold of the text is the folds of its characters put together ({@code TextFoldProperties}
     * holds this to the rule as written).
     *
     * @param from the first character that is not ASCII
     * @return the fold, or null when a character lies outside the table
     */
    private static String foldLatin(String text, int from) {
        int n = text.length();
        for (int k = from; k < n; k++) {
            if (text.charAt(k) >= LATIN_END) {
                return null;
            }
        }
        StringBuilder out = new StringBuilder(n + 4);
        for (int k = 0; k < n; k++) {
            char c = text.charAt(k);
            if (c < 0x80) {
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            } else {
                out.append(LATIN[c - 0x80]);
            }
        }
        return out.toString();
    }

    private static String foldOnce(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int k = 0; k < decomposed.length(); ) {
            int cp = decomposed.codePointAt(k);
            k += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            String spelled = spell(cp);
            if (spelled != null) {
                out.append(spelled);
            } else {
                out.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return out.toString();
    }

    /**
     * @param text   the text searched
     * @param needle what is looked for
     * @return whether the folded text contains the folded needle (the empty needle is everywhere)
     */
    public static boolean contains(String text, String needle) {
        return fold(text).contains(fold(needle));
    }

    private static String spell(int cp) {
        switch (cp) {
            case 'I': case 0x130: case 0x131:
                return "i";
            case 0xDF: case 0x1E9E:
                return "ss";
            case 0xC6: case 0xE6:
                return "ae";
            case 0xD8: case 0xF8:
                return "o";
            case 0x152: case 0x153:
                return "oe";
            case 0x110: case 0x111: case 0xD0: case 0xF0:
                return "d";
            case 0x141: case 0x142: case 0x13F: case 0x140:
                return "l";
            case 0xDE: case 0xFE:
                return "th";
            case 0x126: case 0x127:
                return "h";
            case 0x138:
                return "k";
            default:
                return null;
        }
    }

    private static String asciiLower(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = text.toCharArray();
                for (int k = i; k < n; k++) {
                    char d = chars[k];
                    if (d >= 'A' && d <= 'Z') {
                        chars[k] = (char) (d + 32);
                    }
                }
                return new String(chars);
            }
        }
        return text;
    }
}
