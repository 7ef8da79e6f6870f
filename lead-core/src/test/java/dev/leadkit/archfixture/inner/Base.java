package dev.leadkit.archfixture.inner;

/**
 * Fixture for ArchitectureTest: a public class with a protected nested class, which a subclass in
 * another package may reach although it is not public API. The rule must flag that.
 */
public class Base {

    /** Not public: reachable only through inheritance. */
    protected static class Hidden {
        /** @return a value */
        public static int answer() {
            return 42;
        }
    }
}
