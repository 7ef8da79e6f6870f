package dev.leadkit;

import java.util.Objects;

/**
 * One problem with one field of an input. The message names the field and the rule, never the
 * rejected value.
 *
 * @param field   the field key, e.g. {@code email}, {@code lastName}, {@code cf.budget}
 * @param code    a stable code, e.g. {@code lead.email.invalid}, {@code lead.field.required}
 * @param message a readable English explanation naming what is allowed
 * @since 0.1
 */
public record FieldError(String field, String code, String message) {

    /** Checks that no component is null. */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
