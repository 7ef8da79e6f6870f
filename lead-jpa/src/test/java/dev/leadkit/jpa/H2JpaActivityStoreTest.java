package dev.leadkit.jpa;

import org.junit.jupiter.api.BeforeAll;

/** The JPA store's own activity, stream, attachment and reminder cases on H2. */
class H2JpaActivityStoreTest extends JpaActivityStoreTests {

    @BeforeAll
    static void migrate() {
        open(TestDatabase.H2);
    }
}
