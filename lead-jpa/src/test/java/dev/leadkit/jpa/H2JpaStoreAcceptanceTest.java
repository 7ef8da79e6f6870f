package dev.leadkit.jpa;

import org.junit.jupiter.api.BeforeAll;

/** The JPA store's acceptance cases on H2 (in a file, so the restart test reopens what is on disk). */
class H2JpaStoreAcceptanceTest extends JpaStoreAcceptanceTests {

    @BeforeAll
    static void migrate() {
        open(TestDatabase.H2_FILE);
    }
}
