package dev.leadkit.jpa;

import dev.leadkit.LeadKitException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadKitMigrationsTest {

    @Test
    @DisplayName("every database folder holds exactly the released scripts, named as Flyway expects")
    void everyDialectHasEveryScript() throws IOException {
        for (Dialect dialect : Dialect.values()) {
            Path folder = Path.of("src/main/resources", dialect.scriptLocation());
            try (Stream<Path> files = Files.list(folder)) {
                List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
                assertThat(names).as(dialect.name()).allMatch(n -> n.matches("V\\d+__[a-z0-9_]+\\.sql"));
                assertThat(names.stream().map(n -> n.substring(1, n.indexOf("__"))).toList())
                        .as(dialect.name()).containsExactlyElementsOf(LeadKitMigrations.versions());
            }
        }
    }

    @Test
    @DisplayName("a script is split into statements at line-ending semicolons, comments dropped")
    void splitsStatements() {
        assertThat(LeadKitMigrations.statements("-- a comment; with a semicolon\ncreate table a (x int);\n\n"
                + "create index b\n  on a (x);\n")).containsExactly("create table a (x int)", "create index b\n  on a (x)");
    }

    @Test
    @DisplayName("migrating a fresh database creates the schema once; an edited released script is refused")
    void migratesOnceAndRefusesEditedScripts() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:migrations-" + System.nanoTime(), "sa", "")) {
            assertThat(LeadKitMigrations.migrate(c, Dialect.H2)).containsExactlyElementsOf(LeadKitMigrations.versions());
            assertThat(LeadKitMigrations.migrate(c, Dialect.H2)).isEmpty();
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update lk_schema_version set checksum = checksum + 1 where version = '1'");
            }
            assertThatThrownBy(() -> LeadKitMigrations.migrate(c, Dialect.H2)).isInstanceOf(LeadKitException.class)
                    .extracting(e -> ((LeadKitException) e).code()).isEqualTo("store.migration.changed");
        }
    }

    @Test
    @DisplayName("the dialect is recognised from the connection")
    void recognisesTheDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:dialect", "sa", "")) {
            assertThat(Dialect.of(c)).isEqualTo(Dialect.H2);
        }
    }
}
