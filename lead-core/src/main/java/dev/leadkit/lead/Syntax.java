package dev.leadkit.lead;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.leadkit.internal.Phones;

/**
 * Syntax checks for e-mail addresses and web addresses: strict enough to catch typing mistakes
 * ("a@", "name example.com"), loose enough for internationalised names (letters of any script).
 */
final class Syntax {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~.-";

    private Syntax() {
    }

    static boolean isEmail(String s) {
        int at = s.lastIndexOf('@');
        if (at <= 0 || at != s.indexOf('@') || at > 64) {
            return false;
        }
        String local = s.substring(0, at);
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        for (int i = 0; i < local.length(); ) {
            int cp = local.codePointAt(i);
            if (!(Character.isLetterOrDigit(cp) || LOCAL_SPECIALS.indexOf(cp) >= 0)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return isDomain(s.substring(at + 1));
    }

    /** A domain of at least two labels; the last (the TLD) of letters only. */
    static boolean isDomain(String d) {
        if (d.isEmpty() || d.length() > 253 || d.endsWith(".")) {
            return false;
        }
        String[] labels = d.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); ) {
                int cp = label.codePointAt(i);
                if (!(Character.isLetterOrDigit(cp) || cp == '-')) {
                    return false;
                }
                i += Character.charCount(cp);
            }
        }
        String tld = labels[labels.length - 1];
        return tld.length() >= 2 && tld.codePoints().allMatch(Character::isLetter);
    }

    /**
     * Phone syntax: digits and separators, an optional leading '+', an optional extension. An
     * international number (leading '+') must also be a possible number of a real country code,
     * as libphonenumber judges it; a national number cannot be judged without knowing its country.
     */
    static boolean isPhone(String s) {
        String number = s;
        int ext = indexOfExtension(s);
        if (ext >= 0) {
            String digits = s.substring(ext).replaceFirst("^(?i)\\s*(ext\\.?|x|#)\\s*", "");
            if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) {
                return false;
            }
            number = s.substring(0, ext).strip();
        }
        int digitCount = 0;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                digitCount++;
            } else if (c == '+') {
                if (i != 0) {
                    return false;
                }
            } else if (" -.()/".indexOf(c) < 0) {
                return false;
            }
        }
        if (number.startsWith("+")) {
            // An international number is judged by libphonenumber alone, so our answer never differs from it;
            // the common form is read without its full parse (PhonesProperties holds the two equal).
            com.google.i18n.phonenumbers.Phonenumber.PhoneNumber fast = Phones.fastInternational(number);
            if (fast != null) {
                return PHONES.isPossibleNumber(fast);
            }
            try {
                return PHONES.isPossibleNumber(PHONES.parse(number, "ZZ"));
            } catch (NumberParseException e) {
                return false;
            }
        }
        return digitCount >= 3 && digitCount <= 17;
    }

    private static int indexOfExtension(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        for (String marker : new String[] {"ext", "x", "#"}) {
            int i = lower.indexOf(marker);
            if (i > 0) {
                return i;
            }
        }
        return -1;
    }

    static boolean isWebsite(String s) {
        String rest = s;
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            String name = s.substring(0, scheme).toLowerCase(java.util.Locale.ROOT);
            if (!name.equals("http") && !name.equals("https")) {
                return false;
            }
            rest = s.substring(scheme + 3);
        }
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == ':') {
                end = i;
                break;
            }
        }
        String host = rest.substring(0, end);
        String tail = rest.substring(end);
        if (tail.startsWith(":")) {
            int slash = tail.indexOf('/');
            String port = slash < 0 ? tail.substring(1) : tail.substring(1, slash);
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return isDomain(host) && tail.codePoints().noneMatch(Character::isWhitespace);
    }
}
