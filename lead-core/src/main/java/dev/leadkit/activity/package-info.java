/**
 * What happened on a lead: the append-only audit history, with field-level old and new values.
 */
package dev.leadkit.activity;
