/**
 * Runnable examples of embedding LeadKit in a host application. They are compiled and run by the
 * build, and the README shows their code verbatim, so the documentation cannot drift from the API.
 * Start with {@link dev.leadkit.examples.EmbeddingExample}.
 */
package dev.leadkit.examples;
