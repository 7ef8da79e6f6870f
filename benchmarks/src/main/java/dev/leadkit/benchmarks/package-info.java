/**
 * LeadKit's benchmarks: plain main programs that print throughput. Not run by the build; the
 * commands and the last results are in {@code docs/BENCHMARKS.md}.
 */
package dev.leadkit.benchmarks;
