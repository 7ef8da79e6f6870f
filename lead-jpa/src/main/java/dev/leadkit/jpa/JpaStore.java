package dev.leadkit.jpa;

import dev.leadkit.jpa.internal.Failures;
import dev.leadkit.jpa.internal.JpaStoreTransaction;
import dev.leadkit.store.Store;
import dev.leadkit.store.TransactionalWork;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import org.hibernate.Session;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@link Store} on a relational database through Jakarta Persistence (tested with Hibernate
 * ORM 6.6 on H2, PostgreSQL and MariaDB). Its tables come from the versioned scripts that
 * {@link LeadKitMigrations} applies; Hibernate only validates them.
 *
 * <p>Two ways to run transactions:
 * <ul>
 *   <li>{@link #create(EntityManagerFactory) owning} (resource-local): each
 *       {@code inTransaction} call opens an entity manager, begins a transaction, commits it when
 *       the work returns and rolls it back when the work throws.</li>
 *   <li>{@link #joining(Supplier) joining}: each call uses the entity manager the host hands
 *       over, inside the transaction the host already began — Spring's
 *       {@code JpaTransactionManager}, or a JTA transaction manager in a Jakarta EE container
 *       (with JTA, joining is the only mode that works: give it the container-managed entity
 *       manager). The store neither begins nor commits; when the work throws, it marks the host's
 *       transaction rollback-only and rethrows, and the host decides when to end it. Pending
 *       writes are flushed before the call returns, so their failures surface as LeadKit errors
 *       inside the call rather than at the host's commit.</li>
 * </ul>
 *
 * <p>Versions: a lead's (catalogue's, settings', custom field definitions', activity's, stream
 * post's, access request's) core version is its row's {@code @Version}:
 * an insert stores version 1, an update requires the stored version to be one less than the
 * new value's. A stale or concurrent change is a {@link dev.leadkit.ConflictException}; a taken
 * id or external id too, and so is an attachment id ever stored (a removed attachment keeps its
 * row, marked), and a stale period recorded twice in the reminder log. No {@code jakarta.persistence} or {@code org.hibernate} exception
 * leaves this class: values too long for their column are {@code store.value.too_long}, other
 * database failures {@code store.failure} with the cause attached. The transaction is always
 * rolled back (or marked rollback-only) on failure.
 *
 * <p>Timestamps are kept to the microsecond, in UTC. Over-long values are refused before they
 * reach the database, so driver messages can quote at most an id or an external id; still,
 * Hibernate's own {@code org.hibernate.engine.jdbc.spi.SqlExceptionHelper} logs driver messages
 * at WARN and ERROR, and hosts that keep every key out of their logs set that logger to OFF (and,
 * on PostgreSQL, add {@code logServerErrorDetail=false} to the JDBC URL).
 *
 * <pre>{@code
 * EntityManagerFactory emf = LeadKitPersistence.entityManagerFactory(dataSource);   // migrates first
 * LeadKit kit = LeadKit.builder().store(JpaStore.create(emf)).directory(directory).build();
 *
 * // inside a Spring @Transactional method, with the container's shared EntityManager:
 * Store joined = JpaStore.joining(() -> sharedEntityManager);
 * }</pre>
 *
 * <p>Thread-safe. Transactions do not nest.
 *
 * @since 0.1
 */
public final class JpaStore implements Store {

    private final EntityManagerFactory factory;
    private final Supplier<EntityManager> hostManaged;

    private JpaStore(EntityManagerFactory factory, Supplier<EntityManager> hostManaged) {
        this.factory = factory;
        this.hostManaged = hostManaged;
    }

    /**
     * A store that owns its transactions (resource-local).
     *
     * @param factory an entity manager factory whose persistence unit holds LeadKit's entities,
     *                e.g. from {@link LeadKitPersistence}
     * @return the store
     */
    public static JpaStore create(EntityManagerFactory factory) {
        return new JpaStore(Objects.requireNonNull(factory, "factory"), null);
    }

    /**
     * A store that joins the host's transactions.
     *
     * @param entityManager hands out the entity manager bound to the host's current transaction;
     *                      asked once per {@code inTransaction} call
     * @return the store
     */
    public static JpaStore joining(Supplier<EntityManager> entityManager) {
        return new JpaStore(null, Objects.requireNonNull(entityManager, "entityManager"));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException in joining mode, when the host's entity manager has no active transaction
     */
    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        Objects.requireNonNull(work, "work");
        return hostManaged == null ? owning(work) : joined(work);
    }

    private <T> T owning(TransactionalWork<T> work) {
        EntityManager em;
        try {
            em = factory.createEntityManager();
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
        JpaStoreTransaction tx = new JpaStoreTransaction(em);
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.run(tx);
            tx.flush();
            // Everything is written: without the rows in the context, the commit's own flush does
            // not walk them all again for dirty checking (an import batch holds some 2,000).
            em.clear();
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            rollBack(transaction, e);
            throw Failures.translate(e);
        } catch (Error e) {
            rollBack(transaction, e);
            throw e;
        } finally {
            tx.close();
            em.close();
        }
    }

    private <T> T joined(TransactionalWork<T> work) {
        EntityManager em = Objects.requireNonNull(hostManaged.get(), "the host's entity manager supplier returned null");
        if (!em.isJoinedToTransaction()) {
            throw new IllegalStateException("JpaStore.joining runs inside the host's transaction, but the entity manager"
                    + " has none active: begin one first (e.g. a @Transactional method, or em.getTransaction().begin()),"
                    + " or use JpaStore.create(factory) to let LeadKit run its own transactions");
        }
        JpaStoreTransaction tx = new JpaStoreTransaction(em);
        try {
            T result = work.run(tx);
            tx.flush();
            return result;
        } catch (RuntimeException e) {
            markRollbackOnly(em, e);
            throw Failures.translate(e);
        } catch (Error e) {
            markRollbackOnly(em, e);
            throw e;
        } finally {
            tx.close();
        }
    }

    private static void rollBack(EntityTransaction transaction, Throwable cause) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * A resource-local entity manager exposes its transaction through JPA; a JTA one (and
     * Spring's shared proxy) refuses {@code getTransaction()}, and Hibernate's own transaction
     * handle reaches the JTA transaction instead.
     */
    private static void markRollbackOnly(EntityManager em, Throwable cause) {
        try {
            try {
                em.getTransaction().setRollbackOnly();
            } catch (IllegalStateException notResourceLocal) {
                em.unwrap(Session.class).getTransaction().markRollbackOnly();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e instanceof PersistenceException ? Failures.translate(e) : e);
        }
    }
}
