package dev.leadkit.dedupe.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Applies one corruption to a row's columns. */
final class Corruptor {

    private static final String[][] OCR = {{"o", "0"}, {"0", "o"}, {"l", "1"}, {"1", "l"}, {"i", "1"}, {"s", "5"},
            {"5", "s"}, {"b", "8"}, {"8", "b"}, {"g", "9"}, {"rn", "m"}, {"m", "rn"}, {"cl", "d"}, {"d", "cl"},
            {"e", "c"}, {"h", "b"}, {"u", "v"}, {"n", "ri"}, {"z", "2"}, {"2", "z"}};
    private static final String[][] PHONETIC = {{"ph", "f"}, {"f", "ph"}, {"ck", "k"}, {"c", "k"}, {"k", "c"},
            {"ie", "y"}, {"y", "ie"}, {"ey", "y"}, {"ou", "u"}, {"th", "t"}, {"sch", "sh"}, {"w", "v"}, {"v", "w"},
            {"z", "s"}, {"s", "z"}, {"i", "y"}, {"ks", "x"}, {"x", "ks"}, {"tt", "t"}, {"ll", "l"}, {"nn", "n"},
            {"ss", "s"}, {"mm", "m"}, {"ee", "ea"}, {"ai", "ay"}, {"qu", "kw"}, {"dt", "t"}, {"ae", "e"}};
    private static final String[][] TRANSLIT_SPELLED = {{"ø", "oe"}, {"å", "aa"}, {"æ", "ae"}, {"ü", "ue"},
            {"ö", "oe"}, {"ä", "ae"}, {"ß", "ss"}, {"Ø", "Oe"}, {"Å", "Aa"}, {"Ü", "Ue"}, {"Ö", "Oe"}, {"Ä", "Ae"}};
    private static final String LETTERS = "abcdefghijklmnoprstuvy";

    private Corruptor() {
    }

    /** @return whether the row changed (a corruption that does not apply to the row is skipped) */
    static boolean apply(Corruption kind, SyntheticData.Profile profile, Map<String, String> row, Random rnd,
                         Map<String, List<String>> nicknames) {
        boolean persons = profile == SyntheticData.Profile.PERSONS;
        String given = persons ? "given_name" : "first_name";
        String surname = persons ? "surname" : "last_name";
        switch (kind) {
            case TYPO: {
                String col = pickPresent(row, rnd, persons
                        ? List.of(given, surname, surname, given, "address_1", "suburb", "address_2")
                        : List.of("first_name", "last_name", "last_name", "company", "street", "city", "email"));
                return col != null && change(row, col, typo(row.get(col), rnd));
            }
            case OCR: {
                String col = pickPresent(row, rnd, persons
                        ? List.of(given, surname, "address_1", "suburb", "street_number", "postcode", "soc_sec_id")
                        : List.of("first_name", "last_name", "company", "street", "city", "postcode"));
                return col != null && change(row, col, replaceOne(row.get(col), OCR, rnd));
            }
            case PHONETIC: {
                String col = pickPresent(row, rnd, List.of(given, surname, surname));
                return col != null && change(row, col, replaceOne(row.get(col), PHONETIC, rnd));
            }
            case MISSING: {
                String col = pickPresent(row, rnd, persons
                        ? List.of(given, surname, "street_number", "address_1", "address_2", "suburb", "postcode",
                        "state", "date_of_birth", "soc_sec_id")
                        : List.of("first_name", "email", "phone", "company", "street", "postcode", "city", "website"));
                if (col == null) {
                    return false;
                }
                row.remove(col);
                return true;
            }
            case SWAP_NAMES: {
                String a = row.get(given);
                String b = row.get(surname);
                if (a == null || b == null) {
                    return false;
                }
                row.put(given, b);
                row.put(surname, a);
                return true;
            }
            case NICKNAME: {
                String g = row.get(given);
                if (g == null) {
                    return false;
                }
                List<String> nicks = nicknames.get(g.toLowerCase(Locale.ROOT));
                if (nicks == null) {
                    return false;
                }
                String nick = nicks.get(rnd.nextInt(nicks.size()));
                return change(row, given, persons ? nick : Character.toUpperCase(nick.charAt(0)) + nick.substring(1));
            }
            case TRANSLITERATION: {
                boolean changed = false;
                for (String col : List.of(given, surname, "street", "city", "company")) {
                    String v = row.get(col);
                    if (v == null) {
                        continue;
                    }
                    String t = rnd.nextBoolean() ? spelled(v) : SyntheticData.ascii(v).isEmpty() ? v : stripped(v);
                    changed |= change(row, col, t);
                }
                return changed;
            }
            case PHONE_FORMAT: {
                String p = row.get("phone");
                return p != null && change(row, "phone", reformatPhone(p, rnd));
            }
            case EMAIL_FORMAT: {
                String e = row.get("email");
                return e != null && change(row, "email", reformatEmail(e, rnd));
            }
            case COMPANY_SUFFIX: {
                String c = row.get("company");
                return c != null && change(row, "company", resuffix(c, rnd));
            }
            case ABBREVIATION: {
                String col = persons ? (rnd.nextBoolean() ? "address_1" : given) : (rnd.nextBoolean() ? "street" : given);
                String v = row.get(col);
                if (v == null) {
                    return false;
                }
                if (col.equals(given)) {
                    return change(row, col, v.substring(0, 1) + (persons ? "" : "."));
                }
                return change(row, col, abbreviateStreet(v));
            }
            case DIGIT: {
                String col = pickPresent(row, rnd, persons ? List.of("postcode", "date_of_birth", "date_of_birth", "street_number")
                        : List.of("postcode", "street"));
                if (col == null) {
                    return false;
                }
                String v = row.get(col);
                if (col.equals("date_of_birth") && rnd.nextInt(3) == 0 && v.length() == 8) {
                    return change(row, col, v.substring(0, 4) + v.substring(6, 8) + v.substring(4, 6));
                }
                return change(row, col, changeDigit(v, rnd));
            }
            default:
                throw new IllegalArgumentException(kind.name());
        }
    }

    private static boolean change(Map<String, String> row, String col, String value) {
        if (value == null || value.isEmpty() || value.equals(row.get(col))) {
            return false;
        }
        row.put(col, value);
        return true;
    }

    private static String pickPresent(Map<String, String> row, Random rnd, List<String> columns) {
        List<String> present = new ArrayList<>();
        for (String c : columns) {
            if (row.get(c) != null && !row.get(c).isEmpty()) {
                present.add(c);
            }
        }
        return present.isEmpty() ? null : present.get(rnd.nextInt(present.size()));
    }

    static String typo(String s, Random rnd) {
        if (s.length() < 2) {
            return s;
        }
        // Errors rarely hit the first letter (FEBRL does the same).
        int i = 1 + rnd.nextInt(s.length() - 1);
        char c = LETTERS.charAt(rnd.nextInt(LETTERS.length()));
        switch (rnd.nextInt(4)) {
            case 0:
                return s.substring(0, i) + c + s.substring(i);
            case 1:
                return s.substring(0, i) + s.substring(i + 1);
            case 2:
                return s.substring(0, i) + c + s.substring(i + 1);
            default:
                if (i + 1 < s.length()) {
                    return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
                }
                return s.substring(0, i - 1) + s.charAt(i) + s.charAt(i - 1);
        }
    }

    private static String replaceOne(String s, String[][] table, Random rnd) {
        List<int[]> options = new ArrayList<>();
        for (int t = 0; t < table.length; t++) {
            String from = table[t][0];
            for (int at = 0; at + from.length() <= s.length(); at++) {
                if (s.regionMatches(true, at, from, 0, from.length())) {
                    options.add(new int[] {t, at});
                }
            }
        }
        if (options.isEmpty()) {
            return typo(s, rnd);
        }
        int[] o = options.get(rnd.nextInt(options.size()));
        String[] rule = table[o[0]];
        return s.substring(0, o[1]) + rule[1] + s.substring(o[1] + rule[0].length());
    }

    private static String spelled(String v) {
        String s = v;
        for (String[] t : TRANSLIT_SPELLED) {
            s = s.replace(t[0], t[1]);
        }
        return stripped(s);
    }

    private static String stripped(String v) {
        String s = v.replace("ı", "i").replace("İ", "I").replace("ø", "o").replace("Ø", "O").replace("æ", "ae")
                .replace("ß", "ss");
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static String reformatPhone(String p, Random rnd) {
        String digits = p.replaceAll("[^0-9]", "");
        String cc;
        String rest;
        if (p.startsWith("+45") || p.startsWith("+49") || p.startsWith("+90") || p.startsWith("+44")) {
            cc = digits.substring(0, 2);
            rest = digits.substring(2);
        } else {
            cc = digits.substring(0, 3);
            rest = digits.substring(3);
        }
        switch (rnd.nextInt(4)) {
            case 0:
                return "00" + cc + rest;
            case 1:
                return "+" + cc + "-" + rest.substring(0, 3) + "-" + rest.substring(3);
            case 2:
                return "(+" + cc + ") " + rest;
            default:
                // Written nationally: the trunk prefix where the country has one.
                return (cc.equals("45") ? "" : cc.equals("370") ? "8" : "0") + rest;
        }
    }

    private static String reformatEmail(String e, Random rnd) {
        int at = e.indexOf('@');
        if (at < 1) {
            return e.toUpperCase(Locale.ROOT);
        }
        String local = e.substring(0, at);
        String domain = e.substring(at + 1);
        switch (rnd.nextInt(3)) {
            case 0:
                return e.toUpperCase(Locale.ROOT);
            case 1:
                if (domain.equals("gmail.com")) {
                    return local.replace(".", "") + "@googlemail.com";
                }
                return Character.toUpperCase(local.charAt(0)) + local.substring(1) + "@" + domain.toUpperCase(Locale.ROOT);
            default:
                if (domain.equals("gmail.com") || domain.equals("outlook.com") || domain.equals("hotmail.com")) {
                    return local + "+crm@" + domain;
                }
                return " " + e + " ";
        }
    }

    private static final List<String> ALL_FORMS = List.of("A/S", "ApS", "AS", "GmbH", "AG", "A.Ş.", "AŞ", "Ltd. Şti.",
            "UAB", "AB", "Ltd", "Limited", "LLC", "Inc.", "Ltd.");

    private static String resuffix(String c, Random rnd) {
        String[] words = c.split(" ");
        String last = words[words.length - 1];
        boolean hasForm = ALL_FORMS.stream().anyMatch(f -> f.equalsIgnoreCase(last)) || last.equals("KG")
                || last.equals("Şti.") || last.equals("Şti") || last.equals("MB") || last.equals("I/S")
                || last.equals("IVS") || last.equals("K/S") || last.equals("UG") || last.equals("LLP") || last.equals("PLC");
        String bare = c;
        if (hasForm) {
            int cut = c.lastIndexOf(' ');
            bare = c.substring(0, cut);
            if (bare.endsWith(" Ltd.") || bare.endsWith(" Ltd") || bare.endsWith(" & Co.")) {
                bare = bare.substring(0, bare.lastIndexOf(' '));
            }
            if (bare.endsWith(" GmbH &")) {
                bare = bare.substring(0, bare.length() - 7);
            }
        }
        switch (rnd.nextInt(3)) {
            case 0:
                return bare;
            case 1:
                return bare + " " + ALL_FORMS.get(rnd.nextInt(ALL_FORMS.size()));
            default:
                return hasForm ? c.replace("/", "").replace(".", "").toUpperCase(Locale.ROOT) : c + " Ltd";
        }
    }

    private static String abbreviateStreet(String v) {
        String[][] abbr = {{"straße", "str."}, {"Street", "St"}, {"Road", "Rd"}, {"Avenue", "Ave"}, {"Lane", "Ln"},
                {"Drive", "Dr"}, {"Place", "Pl"}, {"Close", "Cl"}, {"Crescent", "Cres"}, {"Sokak", "Sk."},
                {"Caddesi", "Cd."}, {"Bulvarı", "Blv."}, {"gatvė", "g."}, {"allé", "alle"}, {"plads", "pl."},
                {"street", "st"}, {"road", "rd"}, {"avenue", "ave"}, {"place", "pl"}, {"crescent", "cres"},
                {"drive", "dr"}, {"court", "ct"}, {"close", "cl"}, {"parade", "pde"}, {"terrace", "tce"},
                {"lane", "ln"}, {"circuit", "cct"}};
        for (String[] a : abbr) {
            if (v.contains(a[0])) {
                return v.replace(a[0], a[1]);
            }
        }
        return v;
    }

    private static String changeDigit(String v, Random rnd) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < v.length(); i++) {
            if (Character.isDigit(v.charAt(i))) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return v;
        }
        int p = positions.get(rnd.nextInt(positions.size()));
        char c = v.charAt(p);
        char d = (char) ('0' + (c - '0' + 1 + rnd.nextInt(9)) % 10);
        return v.substring(0, p) + d + v.substring(p + 1);
    }
}
