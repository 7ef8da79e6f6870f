package dev.leadkit.csv;

import dev.leadkit.intake.ImportJob;

/**
 * What an import did: its job record (state, counts, last committed row). The issues went to the
 * options' {@link ImportIssueSink}.
 *
 * <pre>{@code
 * ImportResult r = LeadKitCsv...;
 * System.out.println(r.job().counts().created() + " leads created");
 * }</pre>
 *
 * @param job the job at its end; for a dry run the record was never stored
 * @since 0.4
 */
public record ImportResult(ImportJob job) {
}
