package dev.leadkit.csv;

import dev.leadkit.LeadKit;
import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadField;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * I5 → I4: for any set of leads with any Unicode text — quotes, delimiters, line breaks, emoji,
 * Turkish, Danish and Lithuanian letters, cells that start like spreadsheet formulas, +45 phone
 * numbers — exporting and importing into an empty store gives back the same leads: every
 * standard field, the tags and the custom values.
 */
class ExportImportRoundTripProperties {

    private static final List<String> TOKENS = List.of("a", "Z", "q", " ", "ı", "İ", "ş", "ğ", "Ç", "æ", "ø", "Å",
            "ė", "Š", "ų", "ž", "ß", "🚀", "👩‍💻", "\"", "'", ",", ";", "=", "+", "-", "@", "é", "1", "/");

    private static Arbitrary<String> text(int maxTokens) {
        return Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(maxTokens).map(l -> String.join("", l))
                .filter(s -> !s.isBlank() && !s.strip().isEmpty());
    }

    private static Arbitrary<String> lines() {
        return text(6).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("\n", l));
    }

    @Provide
    Arbitrary<List<LeadDraft>> leads() {
        Arbitrary<LeadDraft> one = Combinators.combine(text(8), text(8), text(10).injectNull(0.3), lines().injectNull(0.3),
                        Arbitraries.strings().numeric().ofLength(8).injectNull(0.3),
                        Arbitraries.of("new", "contacted", "offer_made"),
                        Arbitraries.of("reference", "phone", "email", "website", "web_form", "import"),
                        text(5).filter(t -> !t.contains(",")).set().ofMaxSize(3))
                .as((first, last, company, description, phone, status, source, tags) -> {
                    LeadDraft.Builder b = LeadDraft.builder().firstName(first).lastName(last).status(status)
                            .source(source);
                    if (company != null) {
                        b.company(company).city(company).title(company);
                    }
                    if (description != null) {
                        b.description(description).custom("note", new FieldValue.Text(description.replace('\n', ' ')));
                    }
                    if (phone != null) {
                        b.phone("+45 " + phone);
                    }
                    tags.forEach(t -> b.tags(t));
                    return b.build();
                });
        return one.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 60)
    void exportThenImportIntoAnEmptyStoreGivesBackTheSameLeads(@ForAll("leads") List<LeadDraft> drafts,
                                                                 @ForAll boolean excel,
                                                                 @ForAll("delimiters") char delimiter) throws IOException {
        LeadKit source = Kits.kit();
        List<LeadDraft> withIds = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            withIds.add(drafts.get(i).toBuilder().externalId("ext-" + i).build());
        }
        source.leads().createAll(Kits.ADMIN, withIds);
        Path file = Files.createTempFile("leadkit-export", ".csv");
        try {
            LeadExport.of(source).write(Kits.ADMIN, file,
                    ExportOptions.builder().excel(excel).delimiter(delimiter).build());
            LeadKit target = Kits.kit();
            ImportIssueSink.Keeping issues = ImportIssueSink.keeping(100);
            ImportResult result = LeadImport.of(target).run(Kits.ADMIN, file,
                    ImportOptions.builder().onDuplicate(OnDuplicate.CREATE).issues(issues).build());

            assertThat(issues.issues()).filteredOn(i -> i.severity() != ImportIssue.Severity.WARNING
                    || !i.code().startsWith("csv.header")).isEmpty();
            assertThat(result.job().counts().created()).isEqualTo(drafts.size());
            assertThat(snapshot(Kits.all(target))).isEqualTo(snapshot(Kits.all(source)));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<Character> delimiters() {
        return Arbitraries.of(',', ';', '\t');
    }

    /** What a user sees of each lead, by external id: every standard field, tags, custom values. */
    private static Map<String, String> snapshot(List<Lead> leads) {
        Map<String, String> out = new TreeMap<>();
        for (Lead l : leads) {
            Map<LeadField, String> values = new TreeMap<>(l.values());
            Set<String> tags = l.tags();
            String custom = l.custom().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().canonical())
                    .sorted().collect(Collectors.joining("|"));
            out.put(l.externalId().orElseThrow(), values + " tags=" + new java.util.TreeSet<>(tags) + " custom=" + custom);
        }
        return out;
    }
}
