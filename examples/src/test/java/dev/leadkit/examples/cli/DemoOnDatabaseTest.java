package dev.leadkit.examples.cli;

import dev.leadkit.jpa.Dialect;
import dev.leadkit.jpa.LeadKitMigrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.leadkit.examples.cli.CliRun.leadkit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code leadkit demo --jdbc-url …}: the same story through the JPA store, here on H2 (the CI runs
 * the jar on PostgreSQL too), and the guard that keeps the demo's fixed ids off a database that
 * already holds LeadKit data.
 */
class DemoOnDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void theDemoTellsTheSameStoryOnH2ThroughTheJpaStore() {
        CliRun onH2 = leadkit("demo", "--jdbc-url", "jdbc:h2:mem:demo-story");
        CliRun inMemory = leadkit("demo");

        assertThat(onH2.err()).isEmpty();
        assertThat(onH2.exitCode()).isZero();
        assertThat(onH2.out()).containsPattern("store\\s+JPA store on H2, jdbc:h2:mem:demo-story");
        assertThat(withoutStoreLine(onH2.out())).isEqualTo(withoutStoreLine(inMemory.out()));
    }

    @Test
    void aDatabaseHoldingLeadKitDataIsRefusedWithOneLineAndExitCode2AndIsLeftAsItWas() throws SQLException {
        String url = fileDatabase("refused");
        try (Connection held = DriverManager.getConnection(url, "sa", "")) {
            givenLeadKitDataAndAHostTable(held);

            CliRun run = leadkit("demo", "--jdbc-url", url, "--user", "sa");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).singleElement().asString()
                    .contains(url + " already holds LeadKit data (1 row(s) in its lk_* tables)", "give --reset");
            assertThat(count(held, "lk_settings")).isEqualTo(1);
            assertThat(count(held, "host_orders")).isEqualTo(1);
        }
    }

    @Test
    void resetEmptiesLeadKitsTablesOnlyAndKeepsTheMigrationRecord() throws SQLException {
        String url = fileDatabase("reset");
        try (Connection held = DriverManager.getConnection(url, "sa", "")) {
            givenLeadKitDataAndAHostTable(held);
            long migrations = count(held, LeadKitMigrations.HISTORY_TABLE);

            try (Stores.OpenStore opened = Stores.open(new Stores.Database(url, "sa", ""), true)) {
                assertThat(opened.description())
                        .isEqualTo("JPA store on H2, " + url + " (LeadKit's tables emptied by --reset)");
            }

            assertThat(count(held, "lk_settings")).isZero();
            assertThat(count(held, "host_orders")).isEqualTo(1);
            assertThat(count(held, LeadKitMigrations.HISTORY_TABLE)).isEqualTo(migrations).isPositive();
        }
    }

    @Test
    void anEmptyDatabaseIsMigratedAndOpenedWithoutReset() throws SQLException {
        String url = fileDatabase("fresh");

        try (Stores.OpenStore opened = Stores.open(new Stores.Database(url, "sa", ""), false)) {
            assertThat(opened.description()).startsWith("JPA store on H2, jdbc:h2:file:").doesNotContain("emptied");
        }

        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertThat(count(connection, LeadKitMigrations.HISTORY_TABLE)).isEqualTo(LeadKitMigrations.versions().size());
        }
    }

    @Test
    void anUnreachableDatabaseIsARefusalOnOneLineWithExitCode1() {
        CliRun run = leadkit("demo", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/nowhere", "--user", "postgres",
                "--password", "secret-word");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("error: Could not connect to jdbc:postgresql://127.0.0.1:1/nowhere")
                .endsWith("(store.failure)")
                .doesNotContain("secret-word");
    }

    @Test
    void databaseOptionsWithoutAJdbcUrlAreABadArgument() {
        CliRun run = leadkit("demo", "--reset");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("need --jdbc-url");
    }

    @Test
    void theHelpExplainsTheDatabaseOptionsAndTheReset() {
        String help = leadkit("demo", "--help").out().replaceAll("\\s+", " ");

        assertThat(help).contains("--jdbc-url=URL", "--user=USER", "--password=PASSWORD", "--reset",
                "127.0.0.1:5432/test", "empty LeadKit's tables (lk_*, nothing else)",
                "a database that already holds LeadKit data is refused (exit code 2)");
    }

    @Test
    void theShownUrlDropsParametersThatMayHoldCredentials() {
        assertThat(new Stores.Database("jdbc:postgresql://db:5432/crm?password=x&ssl=true", "u", "").shownUrl())
                .isEqualTo("jdbc:postgresql://db:5432/crm");
        assertThat(new Stores.Database("jdbc:h2:mem:demo;PASSWORD=x", "u", "").shownUrl()).isEqualTo("jdbc:h2:mem:demo");
        assertThat(new Stores.Database("jdbc:mariadb://db/crm", "u", "secret").toString()).doesNotContain("secret");
    }

    private String fileDatabase(String name) {
        return "jdbc:h2:file:" + dir.resolve(name);
    }

    /** LeadKit's schema with one settings row, and a host table beside it that must never be touched. */
    private static void givenLeadKitDataAndAHostTable(Connection connection) throws SQLException {
        LeadKitMigrations.migrate(connection, Dialect.H2);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into lk_settings (id, version, entries) values (1, 1, '{}')");
            statement.executeUpdate("create table host_orders (id integer primary key)");
            statement.executeUpdate("insert into host_orders (id) values (1)");
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String withoutStoreLine(String out) {
        return out.replaceAll("(?m)^  store .*\\R", "");
    }
}
