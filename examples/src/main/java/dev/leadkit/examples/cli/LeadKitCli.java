package dev.leadkit.examples.cli;

import dev.leadkit.LeadKitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code leadkit} command-line tool: {@code java -jar examples/target/leadkit.jar demo}.
 *
 * <p>Exit codes: 0 when the command did its work; 1 when LeadKit refused a request (one line
 * {@code error: <message> (<code>)} on stderr); 2 for a bad argument, an unknown option or an
 * unknown command (one line on stderr with a hint); 70 for a failure that is a bug in the tool.
 *
 * <p>Embed the same command line in a test or another tool:
 * <pre>{@code
 * CommandLine cli = LeadKitCli.commandLine();
 * StringWriter out = new StringWriter();
 * cli.setOut(new PrintWriter(out, true));
 * int exitCode = cli.execute("demo", "--locale", "da");
 * }</pre>
 *
 * @since 0.1
 */
@Command(name = "leadkit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "LeadKit, lead management for Java hosts, from the command line.",
                "Runs on the embedded default: an in-memory store and a built-in directory of users."},
        subcommands = {DemoCommand.class, CatalogueCommand.class, FieldsCommand.class, UsersCommand.class,
                ImportCommand.class, ExportCommand.class, DedupeCommand.class,
                HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:LeadKit refused the request (\"error: <message> (<code>)\")",
                "2:bad arguments",
                "70:a bug in leadkit (please report it with the stack trace)"},
        footer = {"", "Run 'leadkit demo' for a tour, 'leadkit COMMAND --help' for a command's options."})
public final class LeadKitCli implements Runnable {

    /** The exit code of a failure that is a bug in the tool (EX_SOFTWARE of sysexits.h). */
    static final int EXIT_BUG = 70;

    /** The exit code when LeadKit refused a request. */
    static final int EXIT_REFUSED = 1;

    @Spec
    private CommandSpec spec;

    /** Created by picocli. */
    public LeadKitCli() {
    }

    /**
     * Runs the tool and exits the JVM with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        CommandLine cli = commandLine();
        cli.setOut(console(System.out, "sun.stdout.encoding"));
        cli.setErr(console(System.err, "sun.stderr.encoding"));
        int exitCode = cli.execute(args);
        System.exit(exitCode);
    }

    /**
     * The configured command line: picocli's parsing plus LeadKit's error handling. Output goes
     * to {@link CommandLine#getOut()} and errors to {@link CommandLine#getErr()}, so callers may
     * capture both.
     *
     * @return a new command line, ready to {@link CommandLine#execute(String...)}
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LeadKitCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(LeadKitCli::onBadArguments);
        cli.setExecutionExceptionHandler(LeadKitCli::onFailure);
        return cli;
    }

    /** {@code leadkit} without a command is a usage error: one line, like every other one. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()) + ".");
    }

    /** One line on stderr: what was wrong and where to read how it is right. Exit code 2. */
    private static int onBadArguments(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String hint = "Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.";
        cmd.getErr().println("leadkit: " + oneLine(describe(e, cmd)) + " " + hint);
        cmd.getErr().flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String describe(ParameterException e, CommandLine cmd) {
        if (e instanceof UnmatchedArgumentException && !((UnmatchedArgumentException) e).isUnknownOption()) {
            UnmatchedArgumentException unmatched = (UnmatchedArgumentException) e;
            List<String> args = unmatched.getUnmatched();
            String first = args.isEmpty() ? "" : args.get(0);
            if (cmd.getSubcommands().isEmpty()) {
                return "Unexpected argument: '" + first + "'.";
            }
            return "Unknown command: '" + first + "'."
                    + closest(first, cmd.getSubcommands().keySet()).map(c -> " Did you mean '" + c + "'?").orElse("");
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return message.endsWith(".") || message.endsWith("?") ? message : message + ".";
    }

    /**
     * A {@link LeadKitException} is an answer, not a crash: one line with its message and stable
     * code, exit code 1. Anything else is a bug in the tool and keeps its stack trace.
     */
    private static int onFailure(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        cmd.getOut().flush();
        if (e instanceof LeadKitException) {
            LeadKitException refused = (LeadKitException) e;
            err.println("error: " + oneLine(refused.getMessage()) + " (" + refused.code() + ")");
            err.flush();
            return EXIT_REFUSED;
        }
        err.println("leadkit: unexpected failure, a bug in leadkit " + VersionProvider.version()
                + "; please report it with this stack trace:");
        e.printStackTrace(err);
        err.flush();
        return EXIT_BUG;
    }

    /**
     * The command the user probably meant: the one that starts with what was typed (three letters
     * or more, "cat" for catalogue), else the nearest within two edits ("dmeo" for demo).
     *
     * @param typed    what the user typed in place of a command
     * @param commands the command names
     * @return the likely command, or empty when none is close
     */
    static Optional<String> closest(String typed, Collection<String> commands) {
        String lower = typed.toLowerCase(Locale.ROOT);
        if (lower.length() >= 3) {
            Optional<String> completion = commands.stream().filter(c -> c.startsWith(lower)).findFirst();
            if (completion.isPresent()) {
                return completion;
            }
        }
        String best = null;
        int bestDistance = 3;
        for (String command : commands) {
            int distance = editDistance(lower, command);
            if (distance < bestDistance) {
                best = command;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * Writes UTF-8 unless the JVM knows the console's own encoding (a Windows console): the
     * names in the demo (Ayşe, Šarūnas, Sørensen) must not turn into question marks on a machine
     * whose default locale is plain C.
     */
    private static PrintWriter console(PrintStream stream, String encodingProperty) {
        String known = System.getProperty(encodingProperty);
        Charset charset = known != null && Charset.isSupported(known) ? Charset.forName(known) : StandardCharsets.UTF_8;
        return new PrintWriter(new OutputStreamWriter(stream, charset), true);
    }
}
