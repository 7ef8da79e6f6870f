/**
 * The lead record and its service: {@link dev.leadkit.lead.Lead}, drafts and patches, the standard
 * fields with their limits, and {@link dev.leadkit.lead.LeadService}, which validates, stores and
 * records history.
 */
package dev.leadkit.lead;
