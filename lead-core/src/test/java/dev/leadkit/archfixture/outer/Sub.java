package dev.leadkit.archfixture.outer;

import dev.leadkit.archfixture.inner.Base;

/** Fixture for ArchitectureTest: reaches into another package's non-public class. */
public class Sub extends Base {

    /** @return what the hidden class says */
    public int peek() {
        return Hidden.answer();
    }
}
