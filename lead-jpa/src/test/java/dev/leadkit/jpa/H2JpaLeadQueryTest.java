package dev.leadkit.jpa;

import org.junit.jupiter.api.BeforeAll;

/** The JPA store's lead-query cases (K6) on H2. */
class H2JpaLeadQueryTest extends JpaLeadQueryTests {

    @BeforeAll
    static void migrate() {
        open(TestDatabase.H2);
    }
}
