package dev.leadkit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input was invalid. Lists every field error at once, so a form can show them all. Nothing
 * was stored. Code {@code validation.failed}.
 *
 * <pre>{@code
 * try {
 *     leads.create(actor, draft);
 * } catch (ValidationException e) {
 *     for (FieldError error : e.errors()) form.mark(error.field(), i18n.text(error.code()));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class ValidationException extends LeadKitException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    /**
     * @param errors one or more field errors
     */
    public ValidationException(List<FieldError> errors) {
        super("validation.failed", describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    /**
     * A single-field error.
     *
     * @param field   the field key
     * @param code    the stable code
     * @param message the explanation
     * @return the exception
     */
    public static ValidationException of(String field, String code, String message) {
        return new ValidationException(List.of(new FieldError(field, code, message)));
    }

    /** @return every field error, in the order the fields were checked */
    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return "The input has " + errors.size() + (errors.size() == 1 ? " problem: " : " problems: ")
                + errors.stream().map(e -> e.message().startsWith(e.field()) ? e.message() : e.field() + ": " + e.message())
                .collect(Collectors.joining(" "));
    }
}
