package dev.leadkit.examples.cli;

import dev.leadkit.Actor;
import dev.leadkit.access.Directory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --as USER} option: who the CLI acts as. LeadKit has no hidden current user, so every
 * command that calls a service names its actor; the CLI's is the built-in administrator unless
 * told otherwise.
 *
 * <pre>{@code
 * @Mixin ActorOption as;
 * Actor actor = as.actor(directory, spec);
 * }</pre>
 */
final class ActorOption {

    @Option(names = "--as", paramLabel = "USER", defaultValue = BuiltInUsers.ADMIN,
            description = "Act as this user of the directory (default: ${DEFAULT-VALUE}, the built-in administrator).")
    private String userId;

    /**
     * @param directory where users are known
     * @param spec      the command, to report an unknown user as a bad argument
     * @return the actor
     * @throws ParameterException when the directory does not know the user
     */
    Actor actor(Directory directory, CommandSpec spec) {
        if (userId.isBlank() || directory.user(userId).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--as': no user '" + userId
                    + "' in the directory; built-in users are " + String.join(", ", BuiltInUsers.ids()) + ".");
        }
        return Actor.of(userId);
    }
}
