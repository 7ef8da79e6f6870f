/**
 * Lead queries (requirements Q1–Q7): {@link dev.leadkit.query.LeadQuery} with its
 * {@link dev.leadkit.query.Filter}, {@link dev.leadkit.query.Sort}, search and pages (offset or a
 * signed keyset cursor); saved views; the unhandled inbox; bulk actions; and the text folding and
 * sort keys that make search and ordering case- and accent-insensitive alike in every store.
 * {@link dev.leadkit.query.QueryService} runs them; stores answer the typed
 * {@link dev.leadkit.store.LeadSelection} it builds.
 */
package dev.leadkit.query;
