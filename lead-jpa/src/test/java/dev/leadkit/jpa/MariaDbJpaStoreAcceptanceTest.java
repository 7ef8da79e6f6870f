package dev.leadkit.jpa;

import org.junit.jupiter.api.BeforeAll;

/** The JPA store's acceptance cases on MariaDB. */
class MariaDbJpaStoreAcceptanceTest extends JpaStoreAcceptanceTests {

    @BeforeAll
    static void migrate() {
        open(TestDatabase.MARIADB);
    }
}
