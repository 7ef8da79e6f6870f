package dev.leadkit.access;

/**
 * The roles of requirement P2, assigned by the host's {@link Directory}.
 *
 * @since 0.1
 */
public enum Role {
    /** Settings, custom fields, import, automation, and every right on every lead. */
    ADMIN,
    /** Sees every lead, with the team rights on them. */
    ALL_ACCESS,
    /** Sees their own leads and those owned by direct reports. */
    MANAGER,
    /** Sees their own leads, their team's, and those granted to them. */
    USER
}
