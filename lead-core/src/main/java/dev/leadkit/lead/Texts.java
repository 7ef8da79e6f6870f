package dev.leadkit.lead;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The text rules every stored string follows: Unicode NFC, trimmed, no control characters (line
 * breaks and tabs only where a field allows several lines), no unpaired surrogates. Shared by
 * every feature that stores text, so they all agree.
 *
 * <pre>{@code
 * Texts.Result r = Texts.clean("  Søren\u0301 ", false);
 * if (r.problem().isEmpty()) store(r.value());
 * }</pre>
 *
 * @since 0.1
 */
public final class Texts {

    private Texts() {
    }

    /** What is wrong with a text, if anything. */
    public enum Problem {
        /** A control character (U+0000–U+001F, U+007F–U+009F) where none is allowed. */
        CONTROL_CHARACTER,
        /** Half of a surrogate pair: the text is not valid Unicode. */
        MALFORMED_UNICODE
    }

    /**
     * The cleaned text, or the problem that prevented cleaning.
     *
     * @param value   the normalised, trimmed text ("" when only blanks were given)
     * @param problem the problem, when there is one (then {@code value} is "")
     */
    public record Result(String value, Optional<Problem> problem) {
    }

    /**
     * Normalises one text.
     *
     * @param raw       the input
     * @param multiLine whether line breaks and tabs are allowed (CR LF and CR become LF)
     * @return the result
     */
    public static Result clean(String raw, boolean multiLine) {
        String text = raw;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return new Result("", Optional.of(Problem.MALFORMED_UNICODE));
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return new Result("", Optional.of(Problem.MALFORMED_UNICODE));
            } else if (Character.getType(c) == Character.CONTROL) {
                boolean allowed = multiLine && (c == '\n' || c == '\r' || c == '\t');
                if (!allowed) {
                    return new Result("", Optional.of(Problem.CONTROL_CHARACTER));
                }
            }
        }
        if (multiLine && text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            text = Normalizer.normalize(text, Normalizer.Form.NFC);
        }
        return new Result(text.strip(), Optional.empty());
    }

    /**
     * @param email a normalised, lower-case address
     * @return whether it is an e-mail address (local-part@domain.tld; letters of any script)
     */
    public static boolean isEmail(String email) {
        return Syntax.isEmail(email);
    }

    /**
     * @param phone a normalised phone number
     * @return whether it is a phone number: 3 to 17 digits with separators, a leading '+' with a
     *         country code that libphonenumber accepts, an optional extension
     */
    public static boolean isPhone(String phone) {
        return Syntax.isPhone(phone);
    }

    /**
     * @param url a normalised web address
     * @return whether it is a host name, optionally with http:// or https://, a port and a path
     */
    public static boolean isWebsite(String url) {
        return Syntax.isWebsite(url);
    }

    /**
     * @param text a string
     * @return its length in Unicode code points
     */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
