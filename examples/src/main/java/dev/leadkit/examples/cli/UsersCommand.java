package dev.leadkit.examples.cli;

import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.access.Role;
import dev.leadkit.access.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * {@code leadkit users}: prints the built-in directory, the users {@code --as} may name.
 */
@Command(name = "users", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print the built-in users: who the CLI may act as (--as USER) and who owns the demo's leads.")
final class UsersCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Built-in users (the CLI acts as '" + BuiltInUsers.ADMIN + "' unless --as names another)");
        print(out, BuiltInUsers.directory(), "  ");
        out.flush();
    }

    /**
     * @param out       where to print
     * @param directory the built-in directory
     * @param indent    printed before each line
     */
    static void print(PrintWriter out, InMemoryDirectory directory, String indent) {
        TextTable table = new TextTable("user", "name", "team", "manager", "roles");
        for (String id : BuiltInUsers.ids()) {
            User user = directory.user(id).orElseThrow();
            table.row(user.id(), user.displayName(), user.teamId().orElse(null), user.managerId().orElse(null),
                    user.roles().stream().sorted(Comparator.comparing(Role::ordinal)).map(Role::name)
                            .collect(Collectors.joining(", ")));
        }
        table.print(out, indent);
    }
}
