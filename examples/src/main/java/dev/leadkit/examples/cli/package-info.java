/**
 * The {@code leadkit} command-line tool, built with picocli and shipped as the runnable
 * {@code examples/target/leadkit.jar}. {@code leadkit demo} tells a morning in a sales team's lead
 * inbox on the embedded default store; the other commands print the built-in configuration.
 * {@link dev.leadkit.examples.cli.LeadKitCli} is the entry point; the store is chosen in one place,
 * {@code Stores}.
 */
package dev.leadkit.examples.cli;
