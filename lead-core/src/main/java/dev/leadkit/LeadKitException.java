package dev.leadkit;

import java.util.Objects;

/**
 * The root of every error LeadKit throws. Unchecked, with a stable machine-readable {@link #code()}
 * that hosts localise by, and an English message that says what was wrong and what would be right.
 * Messages never contain the personal data that was rejected, so hosts may log them.
 *
 * <pre>{@code
 * try {
 *     leads.update(actor, id, patch, version);
 * } catch (ConflictException e) {
 *     ui.showReloadHint(e.code());          // "lead.version.stale"
 * } catch (LeadKitException e) {
 *     ui.showError(i18n.text(e.code()));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public class LeadKitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * Creates an error.
     *
     * @param code    a stable, dot-separated code such as {@code lead.not_found}
     * @param message a readable English message without personal data
     */
    public LeadKitException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * Creates an error caused by another (a store failure, for example).
     *
     * @param code    a stable code
     * @param message a readable English message without personal data
     * @param cause   the underlying failure
     */
    public LeadKitException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return the stable machine-readable code, e.g. {@code access.denied} */
    public String code() {
        return code;
    }
}
