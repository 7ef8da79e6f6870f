package dev.leadkit.dedupe;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.leadkit.internal.Phones;
import dev.leadkit.query.TextFold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The normalisers of requirement D1: each turns a raw value into the form the comparators see.
 * Every one is idempotent ({@code f(f(x)).equals(f(x))}), never returns null and returns the empty
 * string when nothing usable is left.
 *
 * <p>Letters are folded with {@link TextFold} (case, accents, ı/İ, ş, ç, ğ, æ, ø, å, ß, š, ž, ė, ų …).
 * For person names and streets the spelled-out forms of German and Nordic letters are reduced on
 * top of that: {@code oe → o}, {@code ue → u}, {@code aa → a}, so "Søren", "Soeren" and "Soren"
 * agree, as do "Müller" and "Mueller", "Åse" and "Aase" (ö → o, not oe: folding drops the mark,
 * and the digraph rule brings the transliteration to the same place).
 *
 * <pre>{@code
 * Normalisers.email("Ann.Lee+news@GoogleMail.com", true);   // "annlee@gmail.com"
 * Normalisers.phone("20 30 40 50", "DK");                    // "+4520304050"
 * Normalisers.personName("  Şükrü  ÖZTÜRK ");                // "sukru ozturk"
 * Normalisers.company("Ørsted Vind A/S");                    // "orsted vind"
 * Normalisers.domain("https://www.Example.com/contact");     // "example.com"
 * Normalisers.street("Hauptstraße 12 b");                    // "haupt strasse 12b"
 * }</pre>
 *
 * @since 0.3
 */
public final class Normalisers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Set<String> PLUS_TAG_DOMAINS = Set.of("gmail.com", "outlook.com", "hotmail.com",
            "live.com", "icloud.com", "me.com", "protonmail.com", "proton.me", "fastmail.com");
    private static final Map<String, String> COUNTRIES = countries();

    private Normalisers() {
    }

    /**
     * The e-mail address without provider rules: trimmed, {@code mailto:} and angle brackets
     * dropped, lower case.
     *
     * @param raw an e-mail address as entered
     * @return the normalised address
     */
    public static String email(String raw) {
        return email(raw, false);
    }

    /**
     * @param raw           an e-mail address as entered
     * @param providerRules whether to apply the rules of providers that ignore parts of the address:
     *                      Gmail ignores dots and "+tag" in the local part ({@code googlemail.com}
     *                      is {@code gmail.com}); Outlook, Hotmail, iCloud, Proton and Fastmail ignore "+tag"
     * @return the normalised address
     */
    public static String email(String raw, boolean providerRules) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("mailto:")) {
            s = s.substring(7);
        }
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            s = s.substring(lt + 1, gt);
        }
        s = removeWhitespace(s);
        int at = s.lastIndexOf('@');
        if (!providerRules || at <= 0) {
            return s;
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (domain.equals("googlemail.com")) {
            domain = "gmail.com";
        }
        if (PLUS_TAG_DOMAINS.contains(domain)) {
            int plus = local.indexOf('+');
            if (plus > 0) {
                local = local.substring(0, plus);
            }
        }
        if (domain.equals("gmail.com")) {
            String undotted = local.replace(".", "");
            local = undotted.isEmpty() ? local : undotted;
        }
        return local + "@" + domain;
    }

    /**
     * @param raw           a phone number in any format: national, international with + or 00
     * @param defaultRegion the ISO 3166 region assumed for numbers without a country prefix, e.g. "DK"
     * @return the number in E.164 ({@code +4520304050}); empty when it holds no number
     */
    public static String phone(String raw, String defaultRegion) {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        String s = raw.strip();
        if (s.isEmpty()) {
            return "";
        }
        Phonenumber.PhoneNumber fast = Phones.fastInternational(s);
        if (fast != null) {
            // E.164 of a number without leading zeros: exactly what format(…, E164) writes.
            return "+" + fast.getCountryCode() + fast.getNationalNumber();
        }
        String region = defaultRegion.toUpperCase(Locale.ROOT);
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = PHONES.parse(s, region);
        } catch (NumberParseException e) {
            return "";
        }
        String out = PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        if (!parsed.isItalianLeadingZero()) {
            return out;
        }
        // Numbers of zeros only can shrink when parsed again; settle on the fixed point so that
        // normalising twice changes nothing, or give up on such a number.
        for (int i = 0; i < 4 && !out.isEmpty(); i++) {
            String again = e164(out, region);
            if (again.equals(out)) {
                return out;
            }
            out = again;
        }
        return "";
    }

    private static String e164(String s, String region) {
        try {
            Phonenumber.PhoneNumber n = PHONES.parse(s, region);
            return PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return "";
        }
    }

    /**
     * A person's name (any part, or the whole): folded, punctuation to spaces (apostrophes dropped,
     * so "O'Brien" is "obrien"), the digraphs oe, ue, aa reduced, whitespace collapsed. Initials
     * stay as single letters: "J. R." is "j r".
     *
     * @param raw a name as entered
     * @return the normalised name
     */
    public static String personName(String raw) {
        return reduceDigraphs(words(raw, true));
    }

    /**
     * A company name: folded, dots and slashes dropped (so "A/S", "A.Ş." and "AS" agree), other
     * punctuation to spaces, "&amp;" as "and", legal-form words (A/S, ApS, I/S, Ltd, LLC, Inc, GmbH,
     * AG, A.Ş., Ltd. Şti., UAB, AB, AS, Oy, S.A. … — see the shipped {@code legal-forms.txt}) dropped
     * at the end and at the start, and a leading "the". At least one word is kept.
     *
     * @param raw a company name as entered
     * @return the normalised name
     */
    public static String company(String raw) {
        String folded = TextFold.fold(raw).replace("&", " and ");
        StringBuilder b = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '.' || c == '/' || c == '\'' || c == '\u2019') {
                continue;
            }
            b.append(Character.isLetterOrDigit(c) ? c : ' ');
        }
        List<String> tokens = new ArrayList<>(List.of(collapse(b.toString()).split(" ")));
        if (tokens.size() == 1 && tokens.get(0).isEmpty()) {
            return "";
        }
        boolean changed = true;
        while (changed && tokens.size() > 1) {
            changed = false;
            if (tokens.get(0).equals("the")) {
                tokens.remove(0);
                changed = true;
                continue;
            }
            for (String[] form : Tables.LEGAL_FORMS) {
                if (form.length < tokens.size() && endsWith(tokens, form)) {
                    tokens.subList(tokens.size() - form.length, tokens.size()).clear();
                    changed = true;
                    break;
                }
                if (form.length < tokens.size() && startsWith(tokens, form)) {
                    tokens.subList(0, form.length).clear();
                    changed = true;
                    break;
                }
            }
        }
        return String.join(" ", tokens);
    }

    /**
     * @param raw a web address or a bare domain
     * @return the host name in lower case without scheme, "www.", port, path or trailing dot
     */
    public static String domain(String raw) {
        String s = removeWhitespace(raw.strip().toLowerCase(Locale.ROOT));
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == ':' || c == '?' || c == '#') {
                s = s.substring(0, i);
                break;
            }
        }
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        while (s.startsWith("www.")) {
            s = s.substring(4);
        }
        return s;
    }

    /**
     * A street line: folded, punctuation to spaces, the digraphs reduced, numbers split from
     * letters except a house-number letter ("12b"), German "…straße" split off, street-type words
     * shortened by the shipped {@code street-types.txt} (Street → st, Road → rd, Sokak → sok, …).
     *
     * @param raw a street line, with or without house number
     * @return the normalised street
     */
    public static String street(String raw) {
        String s = reduceDigraphs(words(raw, true));
        if (s.isEmpty()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (String token : splitDigits(s).split(" ")) {
            if (token.length() > 7 && token.endsWith("strasse")) {
                append(out, token.substring(0, token.length() - 7));
                token = "strasse";
            } else if (token.length() > 4 && token.endsWith("str") && !token.endsWith("strasse")) {
                append(out, token.substring(0, token.length() - 3));
                token = "strasse";
            }
            append(out, Tables.STREET_TYPES.getOrDefault(token, token));
        }
        return out.toString();
    }

    /**
     * @param raw a house number ("12", "12 B", "12-14", "No. 7")
     * @return letters and digits in lower case, nothing else ("12b", "1214", "7"); a leading "no" dropped
     */
    public static String houseNumber(String raw) {
        String s = alnum(TextFold.fold(raw));
        if (s.startsWith("no") && s.length() > 2 && Character.isDigit(s.charAt(2))) {
            s = s.substring(2);
        }
        return s;
    }

    /**
     * @param raw a postal code ("2100", "DK-2100", "sw1a 1aa")
     * @return letters in upper case and digits, a country prefix before a dash dropped ("2100", "SW1A1AA")
     */
    public static String postcode(String raw) {
        String s = raw.strip();
        int dash = s.indexOf('-');
        if (dash > 0 && dash <= 3 && s.substring(0, dash).chars().allMatch(Character::isLetter)) {
            s = s.substring(dash + 1);
        }
        return alnum(TextFold.fold(s)).toUpperCase(Locale.ROOT);
    }

    /**
     * @param raw a registration number or national id, in any grouping ("DK 12 34 56 78", "123-45-6789")
     * @return its letters in upper case and its digits, nothing else
     */
    public static String identifier(String raw) {
        return alnum(TextFold.fold(raw)).toUpperCase(Locale.ROOT);
    }

    /**
     * A date of birth, read by shape, not checked against the calendar (a typo such as month 13 is
     * still compared digit by digit). Shapes: yyyy-mm-dd, yyyy/mm/dd, yyyymmdd, dd.mm.yyyy,
     * dd/mm/yyyy, dd-mm-yyyy (day first), yyyy alone.
     *
     * @param raw a date of birth or a birth year
     * @return "yyyy-mm-dd" or "yyyy"; empty when it has none of these shapes
     */
    public static String birthDate(String raw) {
        String s = raw.strip();
        int n = s.length();
        if (n == 4 && digits(s, 0, 4)) {
            return s;
        }
        if (n == 8 && digits(s, 0, 8)) {
            return s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6, 8);
        }
        String[] parts = s.split("[-./ ]+");
        if (parts.length == 3 && parts[0].length() == 4 && allDigits(parts)) {
            return date(parts[0], parts[1], parts[2]);
        }
        if (parts.length == 3 && parts[2].length() == 4 && allDigits(parts)) {
            return date(parts[2], parts[1], parts[0]);
        }
        // An ISO date-time: keep the date.
        if (n > 10 && s.charAt(10) == 'T') {
            return birthDate(s.substring(0, 10));
        }
        return "";
    }

    /**
     * Free text such as a city or region: folded, punctuation to spaces, whitespace collapsed.
     *
     * @param raw text as entered
     * @return the normalised text
     */
    public static String text(String raw) {
        return words(raw, true);
    }

    /**
     * @param raw a country as an ISO code (alpha-2 or alpha-3) or its English or own name
     * @return the ISO alpha-2 code in lower case when known; otherwise the text normalised
     */
    public static String country(String raw) {
        String t = text(raw);
        return COUNTRIES.getOrDefault(t, t);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String date(String y, String m, String d) {
        if (y.length() != 4 || m.length() > 2 || d.length() > 2 || m.isEmpty() || d.isEmpty()) {
            return "";
        }
        return y + "-" + (m.length() == 1 ? "0" + m : m) + "-" + (d.length() == 1 ? "0" + d : d);
    }

    private static boolean allDigits(String[] parts) {
        for (String p : parts) {
            if (p.isEmpty() || !digits(p, 0, p.length())) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Folded letters and digits as words; apostrophes dropped when asked, other characters to spaces. */
    static String words(String raw, boolean dropApostrophes) {
        String folded = TextFold.fold(raw);
        StringBuilder b = new StringBuilder(folded.length());
        boolean space = true;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
                space = false;
            } else if (dropApostrophes && (c == '\'' || c == '\u2019' || c == '`')) {
                continue;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == ' ') {
            b.setLength(len - 1);
        }
        return b.toString();
    }

    /** oe → o, ue → u, aa → a, repeated until none is left (so the rule is idempotent). */
    static String reduceDigraphs(String s) {
        if (s.indexOf("oe") < 0 && s.indexOf("ue") < 0 && s.indexOf("aa") < 0) {
            return s;
        }
        String prev;
        do {
            prev = s;
            s = s.replace("oe", "o").replace("ue", "u").replace("aa", "a");
        } while (!s.equals(prev));
        return s;
    }

    /** Puts a space between digits and letters, except a single letter right after digits ("12b"). */
    private static String splitDigits(String s) {
        StringBuilder b = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i > 0 && c != ' ' && s.charAt(i - 1) != ' ') {
                boolean digit = Character.isDigit(c);
                boolean prevDigit = Character.isDigit(s.charAt(i - 1));
                if (digit != prevDigit) {
                    boolean houseLetter = prevDigit && (i + 1 == s.length() || s.charAt(i + 1) == ' ');
                    if (!houseLetter) {
                        b.append(' ');
                    }
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    private static void append(StringBuilder out, String token) {
        if (token.isEmpty()) {
            return;
        }
        if (out.length() > 0) {
            out.append(' ');
        }
        out.append(token);
    }

    /**
     * {@code String.join(" ", s.strip().split("\\s+"))} without compiling a pattern per call: runs
     * of ASCII whitespace (what {@code \\s} means) become one space ({@code NormalisersProperties}
     * holds it to the regular expression).
     */
    static String collapse(String s) {
        String t = s.strip();
        StringBuilder b = null; // only when the result differs from t in more than the kept single spaces
        boolean inRun = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) {
                if (b != null) {
                    b.append(c);
                }
                inRun = false;
            } else if (inRun) {
                if (b == null) {
                    b = new StringBuilder(t.length()).append(t, 0, i); // the run's first space is in already
                }
            } else {
                inRun = true;
                if (c != ' ' && b == null) {
                    b = new StringBuilder(t.length()).append(t, 0, i);
                }
                if (b != null) {
                    b.append(' ');
                }
            }
        }
        return b == null ? t : b.toString();
    }

    private static String alnum(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String removeWhitespace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean endsWith(List<String> tokens, String[] form) {
        int off = tokens.size() - form.length;
        for (int i = 0; i < form.length; i++) {
            if (!tokens.get(off + i).equals(form[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(List<String> tokens, String[] form) {
        for (int i = 0; i < form.length; i++) {
            if (!tokens.get(i).equals(form[i])) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> countries() {
        Map<String, String> m = new HashMap<>();
        for (String cc : Locale.getISOCountries()) {
            Locale l = new Locale("", cc);
            String code = cc.toLowerCase(Locale.ROOT);
            m.put(code, code);
            try {
                m.put(l.getISO3Country().toLowerCase(Locale.ROOT), code);
            } catch (java.util.MissingResourceException ignored) {
                // no alpha-3 code: the alpha-2 and the name still work
            }
            m.put(words(l.getDisplayCountry(Locale.ENGLISH), true), code);
        }
        m.put("danmark", "dk");
        m.put("deutschland", "de");
        m.put("turkiye", "tr");
        m.put("turkey", "tr");
        m.put("lietuva", "lt");
        m.put("sverige", "se");
        m.put("norge", "no");
        m.put("suomi", "fi");
        m.put("uk", "gb");
        m.put("england", "gb");
        m.put("usa", "us");
        m.put("united states of america", "us");
        return Map.copyOf(m);
    }
}
