/**
 * The JPA store: {@link dev.leadkit.jpa.JpaStore} implements LeadKit's storage port on a
 * relational database; {@link dev.leadkit.jpa.LeadKitMigrations} creates and upgrades its
 * tables from versioned scripts; {@link dev.leadkit.jpa.LeadKitPersistence} builds a Hibernate
 * entity manager factory for hosts that have none.
 */
package dev.leadkit.jpa;
