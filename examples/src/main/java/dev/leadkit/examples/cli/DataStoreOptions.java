package dev.leadkit.examples.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Where {@code import} and {@code export} keep leads: a database given by {@code --jdbc-url}, or by
 * default an embedded H2 file database in {@code ./leadkit-data}, so that an import and a later
 * export (two separate commands) see the same leads.
 *
 * <pre>{@code
 * @Mixin DataStoreOptions data;
 * try (Stores.OpenStore opened = data.open()) { … }
 * }</pre>
 */
final class DataStoreOptions {

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Keep leads in this database (PostgreSQL, MariaDB or H2 JDBC URL) instead of the"
                    + " embedded H2 file database in --data.")
    private String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", defaultValue = "", description = "The database user, with --jdbc-url.")
    private String user;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "",
            description = "The database user's password, with --jdbc-url (default: none).")
    private String password;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "leadkit-data",
            description = "Without --jdbc-url: the folder of the embedded H2 database (default: ./${DEFAULT-VALUE}).")
    private Path data;

    /** @return the store, opened (migrated first) */
    Stores.OpenStore open() {
        if (jdbcUrl != null) {
            return Stores.openKeeping(new Stores.Database(jdbcUrl, user, password));
        }
        Path file = data.toAbsolutePath().resolve("leadkit");
        return Stores.openKeeping(new Stores.Database("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sa", ""));
    }
}
