/**
 * The JPA store's internals: entities, the mapping to and from the core's values, the
 * repositories and the translation of persistence failures. Not exported: hosts use
 * {@link dev.leadkit.jpa.JpaStore}; the package is opened to Hibernate only.
 */
package dev.leadkit.jpa.internal;
