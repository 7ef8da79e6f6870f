package dev.leadkit.dedupe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A record normalised once for many comparisons: every value in the form its comparator needs,
 * phonetic codes and nickname groups precomputed. Null means missing.
 */
final class Prepared {

    final String id;
    final String first;
    final int[] firstGroups;
    final String firstSdx;
    final String middle;
    final String last;
    final String lastSdx;
    final String email;
    final String emailLocal;
    final String phone;
    final String company;
    final String street;
    final String house;
    final String line2;
    final String city;
    final String postcode;
    final String region;
    final String country;
    final String website;
    final String registration;
    final String birthDate;
    final String nationalId;
    /**
     * How many records of the data compared share this record's full name (given name and
     * surname, normalised): set by a scan that has counted them, 1 when unknown.
     */
    int nameCount = 1;

    Prepared(MatchRecord r, MatchRules rules) {
        id = r.id();
        String f = name(r, MatchField.FIRST_NAME);
        String m = name(r, MatchField.MIDDLE_NAME);
        String l = name(r, MatchField.LAST_NAME);
        String full = r.get(MatchField.FULL_NAME).orElse(null);
        if (full != null && f == null && l == null) {
            String[] parts = splitFullName(full);
            f = parts[0];
            m = m == null ? parts[1] : m;
            l = parts[2];
        }
        first = f;
        middle = m;
        last = l;
        firstGroups = f == null ? null : Tables.NICKNAME_GROUPS.get(firstWord(f));
        firstSdx = f == null ? null : nonEmpty(Similarity.soundex(canonicalFirst(f)));
        lastSdx = l == null ? null : nonEmpty(Similarity.soundex(l));
        email = r.get(MatchField.EMAIL).map(e -> nonEmpty(Normalisers.email(e, rules.emailProviderRules()))).orElse(null);
        int at = email == null ? -1 : email.lastIndexOf('@');
        emailLocal = at > 2 ? email.substring(0, at) : null;
        phone = r.get(MatchField.PHONE).map(p -> nonEmpty(Normalisers.phone(p, rules.defaultRegion()))).orElse(null);
        company = r.get(MatchField.COMPANY).map(c -> nonEmpty(Normalisers.company(c))).orElse(null);
        String s = r.get(MatchField.STREET).map(v -> nonEmpty(Normalisers.street(v))).orElse(null);
        String h = r.get(MatchField.HOUSE_NUMBER).map(v -> nonEmpty(Normalisers.houseNumber(v))).orElse(null);
        if (s != null) {
            // The street's words without its numbers; a number in the street is the house number when none is given.
            StringBuilder words = new StringBuilder();
            String number = null;
            for (String t : s.split(" ")) {
                if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
                    if (number == null) {
                        number = t;
                    }
                } else {
                    if (words.length() > 0) {
                        words.append(' ');
                    }
                    words.append(t);
                }
            }
            s = nonEmpty(words.toString());
            if (h == null) {
                h = number;
            }
        }
        street = s;
        house = h;
        line2 = r.get(MatchField.ADDRESS_LINE_2).map(v -> nonEmpty(Normalisers.street(v))).orElse(null);
        city = r.get(MatchField.CITY).map(v -> nonEmpty(Normalisers.text(v))).orElse(null);
        postcode = r.get(MatchField.POSTCODE).map(v -> nonEmpty(Normalisers.postcode(v))).orElse(null);
        region = r.get(MatchField.REGION).map(v -> nonEmpty(Normalisers.text(v))).orElse(null);
        country = r.get(MatchField.COUNTRY).map(v -> nonEmpty(Normalisers.country(v))).orElse(null);
        website = r.get(MatchField.WEBSITE).map(v -> nonEmpty(Normalisers.domain(v))).orElse(null);
        registration = r.get(MatchField.REGISTRATION_NUMBER).map(v -> nonEmpty(Normalisers.identifier(v))).orElse(null);
        birthDate = r.get(MatchField.BIRTH_DATE).map(v -> nonEmpty(Normalisers.birthDate(v))).orElse(null);
        nationalId = r.get(MatchField.NATIONAL_ID).map(v -> nonEmpty(Normalisers.identifier(v))).orElse(null);
    }

    private static String name(MatchRecord r, MatchField field) {
        return r.get(field).map(v -> nonEmpty(Normalisers.personName(v))).orElse(null);
    }

    /** "Jensen, Ann Marie" → ann / marie / jensen; "Ann Marie Jensen" → the same. */
    private static String[] splitFullName(String raw) {
        int comma = raw.indexOf(',');
        String lastPart = null;
        String rest = raw;
        if (comma >= 0) {
            lastPart = nonEmpty(Normalisers.personName(raw.substring(0, comma)));
            rest = raw.substring(comma + 1);
        }
        String norm = Normalisers.personName(rest);
        String[] tokens = norm.isEmpty() ? new String[0] : norm.split(" ");
        if (lastPart != null) {
            if (tokens.length == 0) {
                return new String[] {null, null, lastPart};
            }
            return new String[] {tokens[0], tokens.length > 1 ? join(tokens, 1, tokens.length) : null, lastPart};
        }
        if (tokens.length == 0) {
            return new String[] {null, null, null};
        }
        if (tokens.length == 1) {
            return new String[] {null, null, tokens[0]};
        }
        String middle = tokens.length > 2 ? join(tokens, 1, tokens.length - 1) : null;
        return new String[] {tokens[0], middle, tokens[tokens.length - 1]};
    }

    private static String join(String[] t, int from, int to) {
        return String.join(" ", java.util.Arrays.copyOfRange(t, from, to));
    }

    static String firstWord(String s) {
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }

    /** The nickname table's canonical form of a given name's first word, or the word. */
    static String canonicalFirst(String first) {
        String w = firstWord(first);
        return Tables.NICKNAME_CANONICAL.getOrDefault(w, w);
    }

    /** The key counted for {@link #nameCount}: given name and surname, or null without both. */
    String fullNameKey() {
        return first != null && last != null ? first + '\u0001' + last : null;
    }

    static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * The blocking keys: several per record, so that one error in one attribute does not keep a
     * pair out of every block. Prefixes keep kinds apart.
     */
    List<String> blockingKeys() {
        Set<String> keys = new LinkedHashSet<>();
        if (email != null) {
            keys.add("e:" + email);
        }
        if (phone != null && phone.length() >= 8) {
            keys.add("p:" + phone);
        }
        if (registration != null && registration.length() >= 4) {
            keys.add("r:" + registration);
        }
        if (nationalId != null && nationalId.length() >= 4) {
            keys.add("i:" + nationalId);
        }
        if (website != null) {
            keys.add("w:" + website);
        }
        String f2 = first == null ? null : prefix(canonicalFirst(first), 2);
        if (lastSdx != null && f2 != null) {
            keys.add("ls:" + lastSdx + f2);
        }
        if (firstSdx != null && last != null) {
            keys.add("fs:" + firstSdx + prefix(last, 1) + (postcode != null ? prefix(postcode, 2) : ""));
        }
        if (first != null && last != null) {
            // Word order free: catches swapped given name and surname.
            String a = prefix(last, 3);
            String b = prefix(firstWord(first), 3);
            keys.add("nt:" + (a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a));
        } else if (last != null && first == null && company == null) {
            keys.add("ln:" + last);
        }
        if (postcode != null && last != null) {
            keys.add("pl:" + postcode + ":" + prefix(last, 2));
        }
        if (postcode != null && first != null) {
            keys.add("pf:" + postcode + ":" + prefix(canonicalFirst(first), 2));
        }
        if (birthDate != null && birthDate.length() == 10) {
            keys.add("bd:" + birthDate + (last != null ? prefix(last, 1) : ""));
            if (first != null) {
                keys.add("bf:" + birthDate + prefix(canonicalFirst(first), 1));
            }
        }
        if (company != null) {
            keys.add("c:" + company);
            String w = firstWord(company);
            if (w.length() >= 3) {
                keys.add("cw:" + Similarity.soundex(w) + (city != null ? prefix(city, 3) : postcode != null ? prefix(postcode, 3) : ""));
            }
        }
        if (street != null && house != null && (postcode != null || city != null)) {
            keys.add("a:" + (postcode != null ? postcode : prefix(city, 4)) + ":" + house + ":" + prefix(street, 2));
        }
        return new ArrayList<>(keys);
    }

    private static String prefix(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
