package dev.leadkit.support;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Catches the exception a call must throw, failing the test clearly when it throws none or another. */
public final class Failures {

    private Failures() {
    }

    /**
     * @param type the exception the call must throw
     * @param call the call
     * @param <T>  its type
     * @return the exception
     */
    public static <T extends Throwable> T thrownBy(Class<T> type, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("the exception thrown").isInstanceOf(type);
        return type.cast(thrown);
    }
}
