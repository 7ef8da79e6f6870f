package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.LeadKitException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of persistence failure becomes the LeadKit error the port promises. The database
 * tests meet most of these for real; this covers the ones a test cannot provoke reliably
 * (deadlocks, lock timeouts) and pins down the messages.
 */
class FailuresTest {

    private static final String SECRET = "ayse@example.com.tr";

    private static SQLException sql(String state, int code) {
        return new SQLException("driver text quoting '" + SECRET + "'", state, code);
    }

    private static LeadKitException translated(RuntimeException failure) {
        RuntimeException result = Failures.translate(failure);
        assertThat(result).isInstanceOf(LeadKitException.class);
        assertThat(result.getMessage()).doesNotContain(SECRET);
        return (LeadKitException) result;
    }

    @Test
    @DisplayName("a taken external id, a taken lead id and a racing catalogue insert are conflicts with their codes")
    void uniqueViolationsAreConflicts() {
        assertThat(translated(new PersistenceException(new ConstraintViolationException("x", sql("23505", 0),
                "insert into lk_lead (id) values (?)", ConstraintViolationException.ConstraintKind.UNIQUE,
                "lk_lead_external_id_uk"))).code()).isEqualTo("lead.external_id.taken");
        LeadKitException idTaken = translated(new ConstraintViolationException("x", sql("23000", 1062),
                "insert into lk_lead (id, version) values (?, ?)", "PRIMARY"));
        assertThat(idTaken).isInstanceOf(ConflictException.class);
        assertThat(idTaken.code()).isEqualTo("lead.id.taken");
        assertThat(idTaken.getCause()).as("driver text quotes the key").isNull();
        assertThat(translated(new ConstraintViolationException("x", sql("23505", 0),
                "insert into lk_catalogue (kind) values (?)", "lk_catalogue_pk")).code())
                .isEqualTo("catalogue.version.stale");
        assertThat(translated(new ConstraintViolationException("x", sql("23505", 0),
                "insert into lk_settings (id) values (?)", "lk_settings_pk")).code())
                .isEqualTo("settings.version.stale");
    }

    @Test
    @DisplayName("a stale row is a version conflict of the right kind")
    void staleRowsAreVersionConflicts() {
        assertThat(translated(new OptimisticLockException(new StaleObjectStateException(
                "dev.leadkit.jpa.internal.LeadEntity", "lead-1"))).code()).isEqualTo("lead.version.stale");
        assertThat(translated(new OptimisticLockException(new StaleObjectStateException(
                "dev.leadkit.jpa.internal.CatalogueEntity", "STATUS"))).code()).isEqualTo("catalogue.version.stale");
        assertThat(translated(new OptimisticLockException(new StaleStateException(
                "Batch update returned unexpected row count; statement executed: update lk_settings set version=?")))
                .code()).isEqualTo("settings.version.stale");
    }

    @Test
    @DisplayName("deadlocks, serialization failures and lock timeouts are conflicts: retry")
    void lockFailuresAreConflicts() {
        for (SQLException cause : new SQLException[] {sql("40001", 0), sql("40P01", 0), sql("HY000", 1205),
            sql("HYT00", 90131)}) {
            LeadKitException e = translated(new PersistenceException(cause));
            assertThat(e).as(cause.getSQLState()).isInstanceOf(ConflictException.class);
            assertThat(e.code()).isEqualTo("store.concurrent_change");
        }
        assertThat(translated(new PessimisticLockException(new PersistenceException("lock"))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("a value too long for its column names the table, not the value")
    void overLongValuesNameTheTable() {
        LeadKitException e = translated(new DataException("x", sql("22001", 0), "insert into lk_history (seq) values (?)"));
        assertThat(e.code()).isEqualTo("store.value.too_long");
        assertThat(e.getMessage()).contains("lk_history");
        assertThat(e.getCause()).isNull();
        assertThat(translated(new PersistenceException(sql("22001", 1406))).code()).isEqualTo("store.value.too_long");
    }

    @Test
    @DisplayName("any other database failure is store.failure with the cause attached")
    void otherFailuresKeepTheirCause() {
        PersistenceException failure = new PersistenceException(sql("08006", 0));
        LeadKitException e = translated(failure);
        assertThat(e.code()).isEqualTo("store.failure");
        assertThat(e).isNotInstanceOf(ConflictException.class);
        assertThat(e.getMessage()).contains("08006");
        assertThat(e.getCause()).isSameAs(failure);
    }

    @Test
    @DisplayName("what is no persistence failure passes through untouched")
    void otherExceptionsPassThrough() {
        IllegalStateException own = new IllegalStateException("the host's own");
        assertThat(Failures.translate(own)).isSameAs(own);
        ConflictException conflict = new ConflictException("lead.version.stale", "stale");
        assertThat(Failures.translate(conflict)).isSameAs(conflict);
    }
}
