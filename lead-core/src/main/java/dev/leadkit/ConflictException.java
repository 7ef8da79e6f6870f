package dev.leadkit;

/**
 * The change conflicts with the stored state: a stale version, a concurrent change, a key that is
 * already taken, a record in a state that forbids the change. Nothing was changed; the caller
 * usually reloads and tries again.
 *
 * <pre>{@code
 * Lead fresh = leads.get(actor, id);
 * leads.update(actor, id, patch, fresh.version());   // retry on the current version
 * }</pre>
 *
 * @since 0.1
 */
public final class ConflictException extends LeadKitException {

    private static final long serialVersionUID = 1L;

    /**
     * @param code    a stable code such as {@code lead.version.stale}
     * @param message what conflicted and what to do about it
     */
    public ConflictException(String code, String message) {
        super(code, message);
    }

    /**
     * @param code    a stable code
     * @param message what conflicted and what to do about it
     * @param cause   the store's own failure, kept for diagnosis
     */
    public ConflictException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /**
     * The standard stale-version conflict.
     *
     * @param kind     the kind of record, e.g. {@code lead}
     * @param id       its id
     * @param expected the version the caller based the change on
     * @param actual   the version in the store
     * @return the exception
     */
    public static ConflictException staleVersion(String kind, String id, long expected, long actual) {
        return new ConflictException(kind + ".version.stale",
                "The " + kind + " '" + id + "' was changed by someone else: the change was based on version "
                        + expected + " but the stored version is " + actual + ". Reload it and apply the change again.");
    }
}
