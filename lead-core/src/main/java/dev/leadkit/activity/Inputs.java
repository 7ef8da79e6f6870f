package dev.leadkit.activity;

import dev.leadkit.FieldError;
import dev.leadkit.lead.Texts;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text and time rules of activities, stream posts and attachments, in two forms: cleaning
 * caller input into field errors (services), and checking that a stored value already obeys them
 * (the records' constructors, for store adapters).
 */
final class Inputs {

    static final int SUBJECT_MAX = 200;
    static final int POST_MAX = 10_000;
    static final int NAME_MAX = 255;
    static final int MEDIA_TYPE_MAX = 127;
    static final Duration DURATION_MAX = Duration.ofDays(30);

    /**
     * The instants an activity may hold: wide enough for any plan, narrow enough that every
     * supported database stores them (MariaDB's DATETIME ends in year 9999) and that adding the
     * longest reminder offset never overflows.
     */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-01T00:00:00Z");

    /** RFC 6838 restricted names, type and subtype; parameters are not part of the stored media type. */
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}");

    private Inputs() {
    }

    // ------------------------------------------------------------------ cleaning input

    /** @return the cleaned subject, or {@code null} after adding an error */
    static String subject(String raw, List<FieldError> errors) {
        return line(raw, "subject", "activity.subject", SUBJECT_MAX, errors);
    }

    /** @return the cleaned post text, or {@code null} after adding an error */
    static String postText(String raw, List<FieldError> errors) {
        Texts.Result r = Texts.clean(raw, true);
        if (r.problem().isPresent() || r.value().indexOf('\t') >= 0) {
            errors.add(new FieldError("text", "stream.text.invalid",
                    "the text may contain line breaks but no tabs or other control characters, and must be valid Unicode"));
            return null;
        }
        int length = Texts.length(r.value());
        if (length == 0) {
            errors.add(new FieldError("text", "stream.text.required", "the text must not be empty"));
            return null;
        }
        if (length > POST_MAX) {
            errors.add(new FieldError("text", "stream.text.too_long",
                    "the text is at most " + POST_MAX + " characters long"));
            return null;
        }
        return r.value();
    }

    /** @return the cleaned file name, or {@code null} after adding an error */
    static String fileName(String raw, List<FieldError> errors) {
        String name = line(raw, "name", "attachment.name", NAME_MAX, errors);
        if (name != null && !isSafeName(name)) {
            errors.add(new FieldError("name", "attachment.name.invalid",
                    "a file name holds no '/' or '\\' and is not '.' or '..'"));
            return null;
        }
        return name;
    }

    /** @return the media type in lower case, or {@code null} after adding an error */
    static String mediaType(String raw, List<FieldError> errors) {
        String type = raw.strip().toLowerCase(java.util.Locale.ROOT);
        if (!isMediaType(type)) {
            errors.add(new FieldError("mediaType", "attachment.media_type.invalid",
                    "a media type is type/subtype, e.g. application/pdf, at most " + MEDIA_TYPE_MAX
                            + " characters, without parameters"));
            return null;
        }
        return type;
    }

    /** Microseconds, as the stores keep them; {@code null} after adding an error when out of range. */
    static Instant instant(Instant raw, String field, List<FieldError> errors) {
        Instant value = raw.truncatedTo(ChronoUnit.MICROS);
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            errors.add(new FieldError(field, "activity." + field + ".out_of_range",
                    field + " must lie between " + EARLIEST + " and " + LATEST));
            return null;
        }
        return value;
    }

    /** Microseconds; {@code null} after adding an error when negative or longer than 30 days. */
    static Duration duration(Duration raw, List<FieldError> errors) {
        Duration value = raw.truncatedTo(ChronoUnit.MICROS);
        if (value.isNegative() || value.compareTo(DURATION_MAX) > 0) {
            errors.add(new FieldError("duration", "activity.duration.out_of_range",
                    "a duration lies between zero and 30 days"));
            return null;
        }
        return value;
    }

    private static String line(String raw, String field, String code, int max, List<FieldError> errors) {
        Texts.Result r = Texts.clean(raw, false);
        if (r.problem().isPresent()) {
            errors.add(new FieldError(field, code + ".invalid",
                    "the " + field + " is one line without control characters, in valid Unicode"));
            return null;
        }
        int length = Texts.length(r.value());
        if (length == 0) {
            errors.add(new FieldError(field, code + ".required", "the " + field + " must not be empty"));
            return null;
        }
        if (length > max) {
            errors.add(new FieldError(field, code + ".too_long", "the " + field + " is at most " + max + " characters long"));
            return null;
        }
        return r.value();
    }

    // ------------------------------------------------------------------ checking stored values

    static void requireId(String value, String what) {
        java.util.Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    static void requireCleanLine(String value, String what, int max) {
        java.util.Objects.requireNonNull(value, what);
        Texts.Result r = Texts.clean(value, false);
        int length = Texts.length(value);
        if (r.problem().isPresent() || !r.value().equals(value) || length == 0 || length > max) {
            throw new IllegalArgumentException(what + " must be 1 to " + max
                    + " characters of one-line NFC text without surrounding blanks or control characters");
        }
    }

    static void requireCleanPostText(String value) {
        java.util.Objects.requireNonNull(value, "text");
        Texts.Result r = Texts.clean(value, true);
        int length = Texts.length(value);
        if (r.problem().isPresent() || !r.value().equals(value) || value.indexOf('\t') >= 0 || length == 0
                || length > POST_MAX) {
            throw new IllegalArgumentException("a post's text must be 1 to " + POST_MAX
                    + " characters of NFC text, LF line breaks only, without surrounding blanks or control characters");
        }
    }

    static boolean isSafeName(String name) {
        return name.indexOf('/') < 0 && name.indexOf('\\') < 0 && !name.equals(".") && !name.equals("..");
    }

    static boolean isMediaType(String type) {
        return type.length() <= MEDIA_TYPE_MAX && MEDIA_TYPE.matcher(type).matches();
    }

    static void requireStorable(Instant value, String what) {
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST) || value.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException(what + " must lie between " + EARLIEST + " and " + LATEST
                    + ", in whole microseconds");
        }
    }
}
