/**
 * Lead queries: filters, sort, pages, saved views and the text folding that makes search and
 * sorting case- and accent-insensitive alike in every store (requirements Q1–Q7).
 */
package dev.leadkit.query;
