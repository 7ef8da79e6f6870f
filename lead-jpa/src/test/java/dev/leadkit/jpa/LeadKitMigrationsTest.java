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
    @DisplayName("version 3 gives leads stored before it a status-since of their creation time")
    void version3BackfillsStatusSince() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:backfill-" + System.nanoTime(), "sa", "");
             Statement s = c.createStatement()) {
            // The state a version-2 database is in: scripts 1 and 2 applied and recorded.
            s.execute("create table " + LeadKitMigrations.HISTORY_TABLE + " (version varchar(20) not null primary key,"
                    + " description varchar(200) not null, script varchar(200) not null, checksum bigint not null,"
                    + " installed_at timestamp not null, execution_ms bigint not null)");
            for (String[] script : new String[][] {{"1", "leadkit_schema"}, {"2", "lead_sharing"}}) {
                String text;
                try (var in = LeadKitMigrations.class.getResourceAsStream(
                        "/db/leadkit/h2/V" + script[0] + "__" + script[1] + ".sql")) {
                    text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
                for (String sql : LeadKitMigrations.statements(text)) {
                    s.execute(sql);
                }
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(text.replace("\r\n", "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                s.execute("insert into " + LeadKitMigrations.HISTORY_TABLE + " values ('" + script[0] + "', '" + script[1]
                        + "', 'V" + script[0] + "__" + script[1] + ".sql', " + crc.getValue() + ", current_timestamp, 0)");
            }
            s.execute("insert into lk_lead (id, version, source, status, lead_date, created_by, created_at, updated_at, deleted)"
                    + " values ('old', 3, 'web', 'new', '2025-01-01', 'admin', timestamp with time zone '2025-01-02 03:04:05.123456+00',"
                    + " timestamp with time zone '2025-06-01 00:00:00+00', false)");
            // Every script after version 2, in order (3, 4, and whatever later versions add).
            List<String> later = LeadKitMigrations.versions().subList(2, LeadKitMigrations.versions().size());
            assertThat(LeadKitMigrations.migrate(c, Dialect.H2)).startsWith("3", "4").containsExactlyElementsOf(later);
            try (var rs = s.executeQuery("select status_since = created_at, close_reason, custom from lk_lead where id = 'old'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.getString(2)).isNull();
                assertThat(rs.getString(3)).isNull();
            }
        }
    }

    @Test
    @DisplayName("a DO block's body is one statement, whatever semicolons end its lines")
    void keepsDollarQuotedBodiesWhole() {
        assertThat(LeadKitMigrations.statements("create table a (x int);\ndo $$\nbegin\n  perform 1;\nend\n$$;\n"
                + "create index b on a (x);\n"))
                .containsExactly("create table a (x int)", "do $$\nbegin\n  perform 1;\nend\n$$", "create index b on a (x)");
    }

    @Test
    @DisplayName("version 5 computes the folded keys, tags and typed custom values of leads stored before it")
    void version5KeysLeadsStoredBeforeIt() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:keys-" + System.nanoTime(), "sa", "");
             Statement s = c.createStatement()) {
            // The state a version-4 database is in.
            s.execute("create table " + LeadKitMigrations.HISTORY_TABLE + " (version varchar(20) not null primary key,"
                    + " description varchar(200) not null, script varchar(200) not null, checksum bigint not null,"
                    + " installed_at timestamp not null, execution_ms bigint not null)");
            for (String[] script : new String[][] {{"1", "leadkit_schema"}, {"2", "lead_sharing"},
                    {"3", "lead_workflow_fields"}, {"4", "activities_stream_attachments"}}) {
                String text;
                try (var in = LeadKitMigrations.class.getResourceAsStream(
                        "/db/leadkit/h2/V" + script[0] + "__" + script[1] + ".sql")) {
                    text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
                for (String sql : LeadKitMigrations.statements(text)) {
                    s.execute(sql);
                }
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(text.replace("\r\n", "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                s.execute("insert into " + LeadKitMigrations.HISTORY_TABLE + " values ('" + script[0] + "', '" + script[1]
                        + "', 'V" + script[0] + "__" + script[1] + ".sql', " + crc.getValue() + ", current_timestamp, 0)");
            }
            s.execute("insert into lk_lead (id, version, first_name, last_name, company, source, status, lead_date,"
                    + " created_by, created_at, updated_at, deleted, status_since, custom, tags, products)"
                    + " values ('old', 3, 'Şarūnas', 'Ørsted', 'İstanbul Straße A/S', 'web', 'new', '2025-01-01T00:00:00.000001Z', 'admin',"
                    + " timestamp with time zone '2025-01-02 03:04:05.123456+00', timestamp with time zone '2025-06-01 00:00:00+00',"
                    + " false, timestamp with time zone '2025-06-01 00:00:00+00',"
                    + " '{\"budget\":{\"kind\":\"NUMBER\",\"canonical\":\"12.5\"},\"met\":{\"kind\":\"DATE\",\"canonical\":\"1970-01-11\"}}',"
                    + " '[\"VIP\",\"Ærø\"]', '')");
            assertThat(LeadKitMigrations.migrate(c, Dialect.H2)).containsExactly("5", "6", "7");
            try (var rs = s.executeQuery("select first_name_key, last_name_key, company_key, email_key, lead_at,"
                    + " search_keys_version from lk_lead where id = 'old'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("sarunas");
                assertThat(rs.getString(2)).isEqualTo("orsted");
                assertThat(rs.getString(3)).isEqualTo("istanbul strasse a/s");
                assertThat(rs.getString(4)).isNull();
                assertThat(rs.getLong(5)).isEqualTo(1_735_689_600_000_001L);
                assertThat(rs.getInt(6)).isEqualTo(dev.leadkit.jpa.internal.SearchKeys.VERSION);
            }
            try (var rs = s.executeQuery("select tag, tag_key from lk_lead_tag where lead_id = 'old' order by tag")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + "/" + rs.getString(2)).isEqualTo("VIP/vip");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + "/" + rs.getString(2)).isEqualTo("Ærø/aero");
            }
            try (var rs = s.executeQuery("select field_key, kind, text_key, number_value, date_value"
                    + " from lk_lead_custom_value where lead_id = 'old' order by field_key")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).isEqualTo("budget NUMBER 12.5");
                assertThat(rs.getBigDecimal(4)).isEqualByComparingTo("12.5");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("met DATE");
                assertThat(rs.getLong(5)).isEqualTo(10L);
            }
            // Keyed once: a second run finds nothing to do.
            assertThat(dev.leadkit.jpa.internal.SearchKeys.refresh(c)).isZero();
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
