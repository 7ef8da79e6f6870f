package dev.leadkit.examples;

import dev.leadkit.Actor;
import dev.leadkit.LeadKit;
import dev.leadkit.access.Directory;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.jpa.JpaStore;
import dev.leadkit.jpa.LeadKitPersistence;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import jakarta.persistence.EntityManagerFactory;

import java.io.PrintStream;

/**
 * How a host embeds LeadKit on a real database through the JPA store of {@code lead-jpa}: the
 * region between {@code tag::jpa-store[]} and {@code end::jpa-store[]} is the README's
 * "Embedding on JPA with a real database" ({@code ReadmeSnippetsTest} keeps them equal), and
 * {@code JpaEmbeddingExampleTest} runs it on an in-memory H2 database.
 *
 * <pre>{@code
 * java -cp examples/target/leadkit.jar dev.leadkit.examples.JpaEmbeddingExample \
 *     jdbc:postgresql://127.0.0.1:5432/test postgres ''
 * }</pre>
 *
 * @since 0.1
 */
public final class JpaEmbeddingExample {

    private JpaEmbeddingExample() {
    }

    /**
     * Runs the example on the database the arguments name, or on an in-memory H2 database.
     *
     * @param args the JDBC URL, user and password; all optional
     */
    public static void main(String[] args) {
        String jdbcUrl = args.length > 0 ? args[0] : "jdbc:h2:mem:leadkit;DB_CLOSE_DELAY=-1";
        String user = args.length > 1 ? args[1] : "sa";
        String password = args.length > 2 ? args[2] : "";
        onDatabase(System.out, jdbcUrl, user, password);
    }

    /**
     * Migrates LeadKit's tables, starts Hibernate on them, and keeps a lead there.
     *
     * @param out      where the stored lead is printed
     * @param jdbcUrl  a JDBC URL of H2, PostgreSQL or MariaDB
     * @param user     the database user
     * @param password the password
     * @return the lead as read back from the database
     */
    public static Lead onDatabase(PrintStream out, String jdbcUrl, String user, String password) {
        InMemoryDirectory directory = Directory.inMemory()
                .user("mette", "Mette Sørensen").team("sales-dk").add();
        // tag::jpa-store[]
        // Creates or upgrades LeadKit's tables (lk_*), then starts Hibernate on them. A server
        // passes its connection pool instead: LeadKitPersistence.entityManagerFactory(dataSource).
        EntityManagerFactory emf = LeadKitPersistence.entityManagerFactory(jdbcUrl, user, password);
        try {
            LeadKit kit = LeadKit.builder()
                    .store(JpaStore.create(emf))                           // each call is one transaction
                    .directory(directory)
                    .build();

            Actor mette = Actor.of("mette");
            Lead lead = kit.leads().create(mette, LeadDraft.builder()
                    .firstName("Egon").lastName("Tester")
                    .company("Gardinfirmaet ApS").phone("+45 33 12 34 56")
                    .build());
            Lead stored = kit.leads().get(mette, lead.id());                  // read back from the database
            out.println(stored.id() + " " + stored.firstName().orElse("") + " " + stored.lastName().orElse("")
                    + ", version " + stored.version() + ", owner " + stored.owner().orElse("-"));
            return stored;
        } finally {
            emf.close();                                                       // when the application stops
        }
        // end::jpa-store[]
    }
}
