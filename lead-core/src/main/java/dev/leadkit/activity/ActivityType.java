package dev.leadkit.activity;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kind of an {@link Activity}, by stable code (requirement A1). The four built-in types are
 * {@link #CALL}, {@link #MEETING}, {@link #TASK} and {@link #EMAIL}; a host adds its own (a site
 * visit, a demo) through {@code LeadKit.builder().activityTypes(…)}. The set of types is
 * configuration in code, applied again at every start, so it needs no stored setting. Stores
 * persist the code; an activity whose type was later removed from the configuration still loads,
 * but new or changed activities must use a configured type.
 *
 * <pre>{@code
 * ActivityType visit = ActivityType.of("site-visit");
 * LeadKit kit = LeadKit.builder().activityTypes(visit).build();
 * kit.activities().schedule(ayse, leadId, ActivityDraft.builder(visit, "Visit the showroom").due(friday).build());
 * }</pre>
 *
 * @param code 1 to 40 characters of lower-case letters, digits, '-' and '_', starting with a letter
 * @since 0.1
 */
public record ActivityType(String code) {

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    /** A phone call; logging one records a contact with the lead. */
    public static final ActivityType CALL = new ActivityType("call");
    /** A meeting (an appointment), usually with attendees who accept or decline. */
    public static final ActivityType MEETING = new ActivityType("meeting");
    /** A task with a due time and reminders. */
    public static final ActivityType TASK = new ActivityType("task");
    /** An e-mail sent to or received from the lead. */
    public static final ActivityType EMAIL = new ActivityType("email");

    /** The types every LeadKit instance knows. */
    public static final Set<ActivityType> DEFAULTS = Set.of(CALL, MEETING, TASK, EMAIL);

    /** Checks the shape of the code. */
    public ActivityType {
        Objects.requireNonNull(code, "code");
        if (!SHAPE.matcher(code).matches()) {
            throw new IllegalArgumentException("an activity type code is 1 to 40 characters of lower-case letters, "
                    + "digits, '-' and '_', starting with a letter");
        }
    }

    /**
     * @param code the code
     * @return the type
     */
    public static ActivityType of(String code) {
        return new ActivityType(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
