package dev.leadkit.examples.cli;

import dev.leadkit.LeadKit;
import dev.leadkit.workflow.Catalogue;
import dev.leadkit.workflow.CatalogueEntry;
import dev.leadkit.workflow.CatalogueKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code leadkit catalogue [status|source]}: prints the lead status and source catalogues with
 * their codes, categories and labels in every language they have.
 */
@Command(name = "catalogue", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print the lead status and source catalogues: codes, categories and labels in every language.")
final class CatalogueCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "KIND",
            description = "Which catalogue: status or source (default: both).")
    private CatalogueKind kind;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        try (Stores.OpenStore opened = Stores.open()) {
            LeadKit kit = LeadKit.builder().store(opened.store()).directory(BuiltInUsers.directory()).build();
            List<CatalogueKind> kinds = kind == null ? List.of(CatalogueKind.STATUS, CatalogueKind.SOURCE) : List.of(kind);
            for (int i = 0; i < kinds.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                Catalogue catalogue = kit.catalogues().get(kinds.get(i));
                out.println(title(catalogue));
                print(out, catalogue, "  ");
            }
        }
        out.flush();
    }

    private static String title(Catalogue catalogue) {
        String name = catalogue.kind() == CatalogueKind.STATUS ? "Lead statuses" : "Lead sources";
        return name + (catalogue.version() == 0 ? " (the built-in defaults)" : " (catalogue version " + catalogue.version() + ")");
    }

    /**
     * Prints a catalogue as a table: one row per entry in display order, one column per language.
     *
     * @param out       where to print
     * @param catalogue the catalogue
     * @param indent    printed before each line
     */
    static void print(PrintWriter out, Catalogue catalogue, String indent) {
        TreeSet<String> others = new TreeSet<>();
        catalogue.entries().forEach(e -> others.addAll(e.labels().keySet()));
        others.remove("en");
        List<String> languages = new ArrayList<>();
        languages.add("en");
        languages.addAll(others);
        boolean statuses = catalogue.kind() == CatalogueKind.STATUS;

        List<String> headers = new ArrayList<>(List.of("code"));
        if (statuses) {
            headers.add("category");
        }
        headers.addAll(languages);
        headers.add("note");
        TextTable table = new TextTable(headers.toArray(String[]::new));
        for (CatalogueEntry entry : catalogue.entries()) {
            List<Object> row = new ArrayList<>(List.of(entry.code()));
            if (statuses) {
                row.add(entry.category().orElseThrow().name().toLowerCase(Locale.ROOT));
            }
            for (String language : languages) {
                row.add(entry.labels().get(language));
            }
            List<String> notes = new ArrayList<>();
            if (entry.code().equals(catalogue.defaultCode())) {
                notes.add("default");
            }
            if (!entry.active()) {
                notes.add("deactivated");
            }
            row.add(String.join(", ", notes));
            table.row(row.toArray());
        }
        table.print(out, indent);
    }
}
