/**
 * The storage ports: a {@link dev.leadkit.store.Store} hands out one repository per aggregate
 * (leads, history, catalogues, settings, grants, access requests, activities, stream posts,
 * attachments) inside a transaction. The in-memory store implements them, as does the JPA store
 * of {@code lead-jpa}; a host may write its own and prove it with the storage contract kit.
 */
package dev.leadkit.store;
