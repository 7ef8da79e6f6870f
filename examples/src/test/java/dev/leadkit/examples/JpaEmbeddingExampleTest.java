package dev.leadkit.examples;

import dev.leadkit.lead.Lead;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's JPA snippet, run on an in-memory H2 database. */
class JpaEmbeddingExampleTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void theJpaStoreKeepsTheLeadInLeadKitsTablesOnH2() throws SQLException {
        String url = "jdbc:h2:mem:jpa-embedding";
        // Held open so that the in-memory database outlives the store's own connections, and to look inside.
        try (Connection database = DriverManager.getConnection(url, "sa", "")) {
            Lead lead = JpaEmbeddingExample.onDatabase(out, url, "sa", "");

            assertThat(lead.version()).isEqualTo(1);
            assertThat(lead.owner()).contains("mette");
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Egon Tester, version 1, owner mette");
            try (Statement statement = database.createStatement();
                 ResultSet rs = statement.executeQuery("select count(*) from lk_lead")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }
}
