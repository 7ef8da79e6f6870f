package dev.leadkit.jpa;

import org.junit.jupiter.api.BeforeAll;

/** The JPA store's own activity, stream, attachment and reminder cases on MariaDb. */
class MariaDbJpaActivityStoreTest extends JpaActivityStoreTests {

    @BeforeAll
    static void migrate() {
        open(TestDatabase.MARIADB);
    }
}
