/**
 * Reading leads from CSV files. {@link dev.leadkit.csv.LeadCsvReader} streams the rows of a file
 * with their line numbers, raw cells and the values mapped to lead fields by
 * {@link dev.leadkit.csv.HeaderMapping}; every problem of a row (ragged, unbalanced quote, invalid
 * bytes, an oversized cell) comes back as a typed {@link dev.leadkit.csv.CsvProblem} instead of an
 * exception, so a caller can skip the row and report it.
 */
package dev.leadkit.csv;
