/**
 * Plumbing LeadKit's services share — the after-commit outbox and the retry on a lost optimistic
 * race. Not exported by the module: not API.
 */
package dev.leadkit.internal;
