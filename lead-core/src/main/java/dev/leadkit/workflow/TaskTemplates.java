package dev.leadkit.workflow;

import dev.leadkit.IdGenerator;
import dev.leadkit.activity.Activity;
import dev.leadkit.activity.ActivityService;
import dev.leadkit.activity.ActivityType;
import dev.leadkit.activity.ReminderOffset;
import dev.leadkit.lead.Lead;
import dev.leadkit.store.Settings;
import dev.leadkit.store.StoreTransaction;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates the tasks of a status's templates when a lead enters it (requirement W5): once per
 * entry, in the transaction that moves the lead, each task due the template's offset after the
 * move and reminded at its due time. Every path into a status goes through here — creation, a
 * patch, a move, a close, an automatic move — so the rule lives in one place.
 *
 * <pre>{@code
 * store.inTransaction(tx -> {
 *     …move the lead…
 *     TaskTemplates.createFor(tx, movedLead, actor.userId(), now, ids);
 * });
 * }</pre>
 *
 * @since 0.1
 */
public final class TaskTemplates {

    static final String PREFIX = "workflow.tasks.";

    private TaskTemplates() {
    }

    /**
     * Creates the tasks of the lead's current status.
     *
     * @param tx      the open transaction that moved the lead
     * @param lead    the lead, in its new status
     * @param actorId who moved it
     * @param now     when
     * @param ids     makes the tasks' ids
     * @return the tasks created (none when the status has no templates)
     */
    public static List<Activity> createFor(StoreTransaction tx, Lead lead, String actorId, Instant now, IdGenerator ids) {
        List<TaskTemplate> templates = templates(tx.settings().load(), lead.status());
        List<Activity> created = new ArrayList<>();
        for (TaskTemplate t : templates) {
            String assignee;
            switch (t.assignee()) {
                case USER:
                    assignee = t.userId().orElseThrow();
                    break;
                case ACTOR:
                    assignee = actorId;
                    break;
                case OWNER:
                default:
                    assignee = lead.owner().orElse(actorId);
                    break;
            }
            Activity task = new Activity(ids.next(), lead.id().value(), ActivityType.of(t.type()), t.title(),
                    Optional.empty(), Optional.of(now.plus(t.dueAfter())), Optional.empty(), assignee, Optional.empty(),
                    Set.of(ReminderOffset.AT_DUE), Map.of(), actorId, now, 1);
            ActivityService.addWithin(tx, task, actorId, now);
            created.add(task);
        }
        return created;
    }

    static List<TaskTemplate> templates(Settings settings, String status) {
        return decode(settings.get(PREFIX + status).orElse(""));
    }

    static String encode(List<TaskTemplate> templates) {
        return templates.stream().map(t -> String.join("|", t.type(), t.dueAfter().toString(), t.assignee().name(),
                t.userId().orElse(""), URLEncoder.encode(t.title(), StandardCharsets.UTF_8)))
                .collect(Collectors.joining(";"));
    }

    static List<TaskTemplate> decode(String text) {
        List<TaskTemplate> templates = new ArrayList<>();
        if (text.isEmpty()) {
            return templates;
        }
        for (String row : text.split(";")) {
            String[] p = row.split("\\|", -1);
            templates.add(new TaskTemplate(URLDecoder.decode(p[4], StandardCharsets.UTF_8), p[0], Duration.parse(p[1]),
                    TaskTemplate.Assignee.valueOf(p[2]), p[3].isEmpty() ? Optional.empty() : Optional.of(p[3])));
        }
        return templates;
    }
}
