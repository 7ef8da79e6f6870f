package dev.leadkit.jpa;

import dev.leadkit.jpa.internal.Failures;
import dev.leadkit.store.Store;
import dev.leadkit.store.TransactionalWork;
import dev.leadkit.store.contract.StoreContract;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The storage contract on the JPA store in joining mode, on H2: a stand-in for a host such as
 * Spring's {@code JpaTransactionManager} opens each transaction, lets {@link JpaStore#joining}
 * work inside it, and commits — or rolls back when the store marked it rollback-only or the work threw.
 */
class H2JoiningJpaStoreContractTest extends StoreContract {

    private static JpaStoreFixture fixture;

    @BeforeAll
    static void migrate() {
        fixture = JpaStoreFixture.open(TestDatabase.H2);
    }

    @AfterAll
    static void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Override
    protected Store newEmptyStore() {
        JpaStoreFixture.emptyStore(fixture, TestDatabase.H2);
        return new HostTransactions(fixture.factory);
    }

    /** What a host's transaction manager does around each call. */
    private static final class HostTransactions implements Store {

        private final EntityManagerFactory factory;

        HostTransactions(EntityManagerFactory factory) {
            this.factory = factory;
        }

        @Override
        public <T> T inTransaction(TransactionalWork<T> work) {
            EntityManager em = factory.createEntityManager();
            try {
                em.getTransaction().begin();
                T result;
                try {
                    result = JpaStore.joining(() -> em).inTransaction(work);
                } catch (RuntimeException e) {
                    em.getTransaction().rollback();
                    throw e;
                }
                if (em.getTransaction().getRollbackOnly()) {
                    em.getTransaction().rollback();
                    throw new IllegalStateException("the store marked the transaction rollback-only without throwing");
                }
                try {
                    em.getTransaction().commit();
                } catch (RuntimeException e) {
                    throw Failures.translate(e);
                }
                return result;
            } finally {
                em.close();
            }
        }
    }
}
