package dev.leadkit;

/**
 * The record asked for does not exist (or was never visible to the store). Code
 * {@code <kind>.not_found}, for example {@code lead.not_found}.
 *
 * @since 0.1
 */
public final class NotFoundException extends LeadKitException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;

    /**
     * @param kind the kind of record, e.g. {@code lead}, {@code status}
     * @param id   the identifier that was looked up (an id, never personal data)
     */
    public NotFoundException(String kind, String id) {
        super(kind + ".not_found", "No " + kind + " with id '" + id + "' exists.");
        this.kind = kind;
        this.id = id;
    }

    /** @return the kind of record that was looked up */
    public String kind() {
        return kind;
    }

    /** @return the identifier that was looked up */
    public String id() {
        return id;
    }
}
