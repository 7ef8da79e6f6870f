package dev.leadkit.examples.cli;

import dev.leadkit.Actor;
import dev.leadkit.IdGenerator;
import dev.leadkit.LeadKit;
import dev.leadkit.access.InMemoryDirectory;
import dev.leadkit.event.EventPublisher;
import dev.leadkit.event.InProcessEventPublisher;
import dev.leadkit.event.LeadEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code leadkit demo}: wires a LeadKit the way a host would (store, directory, clock, ids, an
 * event subscriber) and tells {@link DemoStory} on it. The story clock and sequential ids
 * ({@code lead-1}, {@code lead-2} …) make the output the same on every run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Tell a morning in a sales team's lead inbox: the tour to start with.",
                "A web-form lead arrives unassigned and Mette claims it, sellers in Turkey, Lithuania and Denmark enter and work leads,"
                        + " wrong input and a stale change are refused, a lead is deleted and restored, the administrator"
                        + " changes the status catalogue, and one lead's history is printed field by field. Then a lead is"
                        + " transferred and followed, an access request approved, locked statuses move leads by themselves"
                        + " and create a task, a lead is closed as lost, a custom field and tags are set, the kanban board"
                        + " is printed, and stale-status reminders fall due a week later.",
                "It runs in memory unless --jdbc-url names a database (PostgreSQL, MariaDB or H2); there the story"
                        + " needs LeadKit's tables empty, which --reset arranges."})
final class DemoCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ActorOption actorOption;

    @Mixin
    private Stores.Options storeOptions;

    @Option(names = "--locale", paramLabel = "TAG", defaultValue = "en", converter = LanguageTagConverter.class,
            description = "Language of status and source labels: en, tr, lt or da (default: ${DEFAULT-VALUE});"
                    + " other languages fall back to English.")
    private Locale locale;

    @Override
    public void run() {
        InMemoryDirectory directory = BuiltInUsers.directory();
        Actor operator = actorOption.actor(directory, spec);
        StoryClock clock = StoryClock.demoDay();
        List<LeadEvent> heard = new CopyOnWriteArrayList<>();
        InProcessEventPublisher events = EventPublisher.inProcess().subscribe(heard::add);
        try (Stores.OpenStore opened = storeOptions.open(spec)) {
            LeadKit kit = LeadKit.builder()
                    .store(opened.store())
                    .directory(directory)
                    .clock(clock)
                    .ids(IdGenerator.sequential("lead-"))
                    .events(events)
                    .build();
            new DemoStory(spec.commandLine().getOut(), kit, directory, clock, operator, locale, heard,
                    opened.description()).tell();
        }
    }
}
