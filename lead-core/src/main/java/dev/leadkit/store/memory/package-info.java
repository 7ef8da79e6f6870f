/**
 * The in-memory store: LeadKit's embedded default, and the reference behaviour of the storage
 * contract kit.
 */
package dev.leadkit.store.memory;
