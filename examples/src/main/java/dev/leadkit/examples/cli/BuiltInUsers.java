package dev.leadkit.examples.cli;

import dev.leadkit.access.Directory;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.access.Role;

import java.util.List;

/**
 * The users the CLI knows when no host directory is plugged in: an administrator (the CLI's
 * default actor), a head of sales, sellers in Turkey, Lithuania and Denmark, and the technical
 * user a web form connector posts leads as.
 *
 * <pre>{@code
 * InMemoryDirectory directory = BuiltInUsers.directory();
 * directory.user(BuiltInUsers.AYSE).orElseThrow().teamId();   // Optional[sales-tr]
 * }</pre>
 */
final class BuiltInUsers {

    /** The built-in administrator; the CLI acts as this user unless {@code --as} says otherwise. */
    static final String ADMIN = "admin";
    /** Lars Kristensen, head of sales, manager of the three sellers. */
    static final String LARS = "lars";
    /** Ayşe Yılmaz, team sales-tr. */
    static final String AYSE = "ayse";
    /** Jonas Petraitis, team sales-lt. */
    static final String JONAS = "jonas";
    /** Mette Sørensen, team sales-dk. */
    static final String METTE = "mette";
    /** The web form connector's technical user. */
    static final String WEB_FORM = "webform";

    private static final List<String> IDS = List.of(ADMIN, LARS, AYSE, JONAS, METTE, WEB_FORM);

    private BuiltInUsers() {
    }

    /** @return a new directory holding the built-in users */
    static InMemoryDirectory directory() {
        return Directory.inMemory()
                .user(ADMIN, "Administrator").roles(Role.ADMIN).add()
                .user(LARS, "Lars Kristensen").roles(Role.MANAGER).team("sales").add()
                .user(AYSE, "Ayşe Yılmaz").team("sales-tr").manager(LARS).add()
                .user(JONAS, "Jonas Petraitis").team("sales-lt").manager(LARS).add()
                .user(METTE, "Mette Sørensen").team("sales-dk").manager(LARS).add()
                .user(WEB_FORM, "Web form connector").add();
    }

    /**
     * The directory port answers questions about one user at a time and cannot list them, so the
     * ids are kept here for the commands that print the team.
     *
     * @return the built-in user ids, administrator first
     */
    static List<String> ids() {
        return IDS;
    }
}
