/**
 * Duplicate detection (requirements D1, D2, D4, D6): normalisers, string comparators, weighted
 * match rules with explanations, an in-memory candidate index and the batch scan that groups
 * records into clusters. The engine matches {@link dev.leadkit.dedupe.MatchRecord}s, not leads,
 * so the same rules serve the stores, the CSV tool and a host's own data.
 *
 * <pre>{@code
 * Matcher matcher = Matcher.of(MatchRules.defaults());
 * CandidateIndex index = CandidateIndex.inMemory(matcher);
 * index.put(MatchRecord.builder("1").set(MatchField.EMAIL, "Ann@Example.com").build());
 * List<Match> found = index.matches(MatchRecord.builder("2").set(MatchField.EMAIL, "ann@example.com").build());
 * }</pre>
 */
package dev.leadkit.dedupe;
