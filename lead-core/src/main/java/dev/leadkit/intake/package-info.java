/**
 * Bringing leads in from outside: the record of a bulk import job ({@link dev.leadkit.intake.ImportJob}),
 * kept in the store so an interrupted import resumes after its last committed row. The CSV reading
 * and writing lives in the {@code lead-csv} module.
 */
package dev.leadkit.intake;
