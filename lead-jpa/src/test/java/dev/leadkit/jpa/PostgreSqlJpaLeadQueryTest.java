package dev.leadkit.jpa;

import org.junit.jupiter.api.BeforeAll;

/** The JPA store's lead-query cases (K6) on PostgreSql. */
class PostgreSqlJpaLeadQueryTest extends JpaLeadQueryTests {

    @BeforeAll
    static void migrate() {
        open(TestDatabase.POSTGRESQL);
    }
}
