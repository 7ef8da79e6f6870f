package dev.leadkit.jpa;

import org.junit.jupiter.api.BeforeAll;

/** The JPA store's lead-query cases (K6) on MariaDb. */
class MariaDbJpaLeadQueryTest extends JpaLeadQueryTests {

    @BeforeAll
    static void migrate() {
        open(TestDatabase.MARIADB);
    }
}
