package dev.leadkit.examples.cli;

import dev.leadkit.LeadKit;
import dev.leadkit.lead.LeadField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;

/**
 * {@code leadkit fields}: prints a lead's standard fields with their keys (as in errors and
 * history), how each is checked, its maximum length, and whether a new lead must have it.
 */
@Command(name = "fields", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print the standard lead fields: key, kind, maximum length and whether a new lead needs it.")
final class FieldsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        try (Stores.OpenStore opened = Stores.open()) {
            LeadKit kit = LeadKit.builder().store(opened.store()).directory(BuiltInUsers.directory()).build();
            Set<LeadField> required = kit.leads().requiredFields();
            out.println("Standard lead fields (keys as they appear in errors and history)");
            TextTable table = new TextTable("key", "kind", "max", "required");
            for (LeadField field : LeadField.values()) {
                table.row(field.key(), field.kind().name().toLowerCase(Locale.ROOT), field.maxLength(),
                        required.contains(field) ? "yes" : "");
            }
            table.print(out, "  ");
        }
        out.flush();
    }
}
