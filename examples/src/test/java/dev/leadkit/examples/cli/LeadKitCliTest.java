package dev.leadkit.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.leadkit.examples.cli.CliRun.leadkit;
import static org.assertj.core.api.Assertions.assertThat;

class LeadKitCliTest {

    /** Every command and subcommand, as the words a user types: [], [demo], [catalogue] … */
    static Stream<List<String>> everyCommand() {
        List<List<String>> paths = new ArrayList<>();
        collect(LeadKitCli.commandLine(), new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(sub, next, paths);
        });
    }

    @Test
    void theToolHasTheDocumentedCommands() {
        assertThat(everyCommand().map(p -> String.join(" ", p)))
                .contains("", "demo", "catalogue", "fields", "users", "help");
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void helpWorksOnEveryCommand(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");

        CliRun run = leadkit(args.toArray(String[]::new));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: " + ("leadkit " + String.join(" ", command)).strip() + " [");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpCommandDescribesAnotherCommand() {
        CliRun run = leadkit("help", "demo");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: leadkit demo").contains("--as=USER", "--locale=TAG");
    }

    @Test
    void versionPrintsTheBuiltVersion() {
        CliRun run = leadkit("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("leadkit " + VersionProvider.version()).doesNotContain("${");
        assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "-x", "demo --bogus", "demo --locale !!", "demo --as", "demo --as nobody",
            "demo extra", "catalogue bogus", "users --locale da"})
    void aBadArgumentPrintsOneLineAndExitsWith2(String line) {
        CliRun run = leadkit(line.split(" "));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("leadkit: ")
                .containsPattern("Try 'leadkit( \\w+)? --help'\\.$")
                .doesNotContain("Usage:");
    }

    @Test
    void anUnknownOptionIsNamed() {
        CliRun run = leadkit("--bogus");

        assertThat(run.err()).isEqualTo("leadkit: Unknown option: '--bogus'. Try 'leadkit --help'." + System.lineSeparator());
    }

    @Test
    void anUnknownCommandExitsWith2AndSuggestsTheNearestOne() {
        CliRun typo = leadkit("dmeo");
        CliRun unknown = leadkit("frobnicate");

        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.errLines()).containsExactly(
                "leadkit: Unknown command: 'dmeo'. Did you mean 'demo'? Try 'leadkit --help'.");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errLines()).containsExactly("leadkit: Unknown command: 'frobnicate'. Try 'leadkit --help'.");
    }

    @Test
    void noCommandIsABadArgumentToo() {
        CliRun run = leadkit();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("leadkit: Missing command: choose one of demo");
    }

    @Test
    void aBadValueNamesTheOptionAndWhatIsAllowed() {
        CliRun run = leadkit("demo", "--as", "nobody");

        assertThat(run.errLines()).singleElement().asString()
                .contains("'--as'", "no user 'nobody'", "admin, lars, ayse")
                .endsWith("Try 'leadkit demo --help'.");
    }

    @Test
    void aRefusalByLeadKitPrintsOneErrorLineWithItsCodeAndExitsWith1() {
        // Ayşe is no administrator: the demo's catalogue change is refused.
        CliRun run = leadkit("demo", "--as", "ayse");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: User 'ayse' lacks the manage-settings right:"
                + " only a user with the Admin role has it. (access.denied)");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void theNearestCommandIsACompletionOrWithinTwoEdits() {
        List<String> commands = List.of("demo", "catalogue", "fields", "users", "help");

        assertThat(LeadKitCli.closest("cat", commands)).contains("catalogue");
        assertThat(LeadKitCli.closest("Catalog", commands)).contains("catalogue");
        assertThat(LeadKitCli.closest("usr", commands)).contains("users");
        assertThat(LeadKitCli.closest("dmeo", commands)).contains("demo");
        assertThat(LeadKitCli.closest("bogus", commands)).isEmpty();
    }

    @Test
    void catalogueFieldsAndUsersPrintTheBuiltInConfiguration() {
        assertThat(leadkit("catalogue", "status").out())
                .contains("Lead statuses (the built-in defaults)", "offer_made", "Tilbud givet", "Görüşüldü", "default")
                .doesNotContain("Lead sources");
        assertThat(leadkit("catalogue", "SOURCE").out()).contains("web_form", "Web formu", "Interneto forma");
        assertThat(leadkit("fields").out()).containsPattern("firstName\\s+text\\s+100\\s+yes");
        assertThat(leadkit("users").out()).contains("Ayşe Yılmaz", "sales-tr", "Mette Sørensen", "ADMIN");
    }
}
