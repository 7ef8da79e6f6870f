/**
 * LeadKit's JPA store: the {@code Store} port on H2, PostgreSQL and MariaDB through Jakarta
 * Persistence, with Hibernate ORM as the tested provider. Exports the API only; the entities
 * stay internal and are opened to Hibernate alone.
 */
module dev.leadkit.jpa {
    requires transitive dev.leadkit.core;
    requires transitive jakarta.persistence;
    requires transitive java.sql;
    requires org.hibernate.orm.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.leadkit.jpa;
    opens dev.leadkit.jpa.internal to org.hibernate.orm.core;
}
