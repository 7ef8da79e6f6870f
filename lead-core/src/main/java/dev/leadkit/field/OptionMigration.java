package dev.leadkit.field;

import java.util.Objects;
import java.util.Optional;

/**
 * What to do with the leads holding an option that is being removed: move them to another option,
 * or clear the value.
 *
 * <pre>{@code
 * fields.removeOption(admin, "interests", "legacy_crm", OptionMigration.replaceWith("crm"));
 * }</pre>
 *
 * @param replacement the option code that takes its place, or empty to clear it
 * @since 0.1
 */
public record OptionMigration(Optional<String> replacement) {

    /** Checks the component. */
    public OptionMigration {
        Objects.requireNonNull(replacement, "replacement");
    }

    /**
     * @param code an active option of the same field
     * @return a migration to that option
     */
    public static OptionMigration replaceWith(String code) {
        return new OptionMigration(Optional.of(Objects.requireNonNull(code, "code")));
    }

    /** @return a migration that removes the option from every lead's value */
    public static OptionMigration clear() {
        return new OptionMigration(Optional.empty());
    }
}
