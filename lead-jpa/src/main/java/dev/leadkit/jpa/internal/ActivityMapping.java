package dev.leadkit.jpa.internal;

import dev.leadkit.LeadKitException;
import dev.leadkit.activity.Activity;
import dev.leadkit.activity.ActivityType;
import dev.leadkit.activity.Attachment;
import dev.leadkit.activity.ReminderOffset;
import dev.leadkit.activity.StreamPost;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.leadkit.jpa.internal.LeadMapping.checked;
import static dev.leadkit.jpa.internal.LeadMapping.micros;

/**
 * Maps activities, stream posts and attachments to their rows and back. Every text is checked
 * against its column's limit in code points before it reaches the database, so that all three
 * databases refuse the same values with {@code store.value.too_long}.
 */
final class ActivityMapping {

    private ActivityMapping() {
    }

    // ---------------------------------------------------------------- activities

    static ActivityEntity newActivity(Activity activity) {
        ActivityEntity row = new ActivityEntity(checked("lk_activity", "id", activity.id(), Columns.ID));
        row.version = activity.version();
        copyChangeable(activity, row);
        return row;
    }

    /**
     * Copies every component but the id: the store keeps what the core hands it, so a changed
     * component is never lost, whichever the core changes.
     *
     * @return whether any column changed
     */
    static boolean copyChangeable(Activity activity, ActivityEntity row) {
        String before = snapshot(row);
        row.leadId = checked("lk_activity", "lead_id", activity.leadId(), Columns.ID);
        row.createdBy = checked("lk_activity", "created_by", activity.createdBy(), Columns.USER_ID);
        row.createdAt = micros(activity.createdAt());
        row.type = checked("lk_activity", "type", activity.type().code(), Columns.ACTIVITY_TYPE);
        row.subject = checked("lk_activity", "subject", activity.subject(), Columns.SUBJECT);
        row.startAt = activity.start().map(LeadMapping::micros).orElse(null);
        row.dueAt = activity.due().map(LeadMapping::micros).orElse(null);
        // Whole microseconds, as the core keeps durations; a bigint is portable where an interval is not.
        row.durationMicros = activity.duration().map(d -> d.dividedBy(ChronoUnit.MICROS.getDuration())).orElse(null);
        row.assigneeId = checked("lk_activity", "assignee_id", activity.assigneeId(), Columns.USER_ID);
        row.doneAt = activity.doneAt().map(LeadMapping::micros).orElse(null);
        row.reminders = activity.reminders().stream().map(Enum::name).collect(Collectors.joining(","));
        Map<String, String> attendees = new TreeMap<>();
        activity.attendees().forEach((user, response) -> attendees.put(user, response.name()));
        row.attendees = Json.values(attendees);
        return !before.equals(snapshot(row));
    }

    private static String snapshot(ActivityEntity row) {
        return String.join("\u0000", String.valueOf(row.leadId), String.valueOf(row.createdBy),
                String.valueOf(row.createdAt), String.valueOf(row.type), String.valueOf(row.subject), String.valueOf(row.startAt),
                String.valueOf(row.dueAt), String.valueOf(row.durationMicros), String.valueOf(row.assigneeId),
                String.valueOf(row.doneAt), String.valueOf(row.reminders), String.valueOf(row.attendees));
    }

    static Activity toActivity(ActivityEntity row, long version) {
        try {
            Set<ReminderOffset> reminders = EnumSet.noneOf(ReminderOffset.class);
            if (!row.reminders.isEmpty()) {
                for (String name : row.reminders.split(",")) {
                    reminders.add(ReminderOffset.valueOf(name));
                }
            }
            Map<String, Activity.Response> attendees = new TreeMap<>();
            Json.values(row.attendees).forEach((user, response) -> attendees.put(user, Activity.Response.valueOf(response)));
            return new Activity(row.id, row.leadId, ActivityType.of(row.type), row.subject, Optional.ofNullable(row.startAt),
                    Optional.ofNullable(row.dueAt),
                    Optional.ofNullable(row.durationMicros).map(m -> Duration.of(m, ChronoUnit.MICROS)),
                    row.assigneeId, Optional.ofNullable(row.doneAt), reminders, attendees, row.createdBy, row.createdAt,
                    version);
        } catch (IllegalArgumentException e) {
            throw corrupt("activity", row.id, e);
        }
    }

    // ---------------------------------------------------------------- stream posts

    static StreamPostEntity newPost(StreamPost post) {
        StreamPostEntity row = new StreamPostEntity(checked("lk_stream_post", "id", post.id(), Columns.ID));
        row.version = post.version();
        copyChangeable(post, row);
        return row;
    }

    /**
     * Copies every component but the id (an edit changes the text and its time; the store keeps
     * whatever the core hands it, so nothing is lost).
     *
     * @return whether any column changed
     */
    static boolean copyChangeable(StreamPost post, StreamPostEntity row) {
        String leadId = checked("lk_stream_post", "lead_id", post.leadId(), Columns.ID);
        String parentId = post.parentId().map(p -> checked("lk_stream_post", "parent_id", p, Columns.ID)).orElse(null);
        String authorId = checked("lk_stream_post", "author_id", post.authorId(), Columns.USER_ID);
        String text = checked("lk_stream_post", "text", post.text(), Columns.POST_TEXT);
        Instant createdAt = micros(post.createdAt());
        LocalDate contactDate = post.contactDate().orElse(null);
        Instant editedAt = post.editedAt().map(LeadMapping::micros).orElse(null);
        boolean changed = !leadId.equals(row.leadId) || !Objects.equals(parentId, row.parentId)
                || !authorId.equals(row.authorId) || !text.equals(row.text) || !createdAt.equals(row.createdAt)
                || !Objects.equals(contactDate, row.contactDate) || !Objects.equals(editedAt, row.editedAt);
        row.leadId = leadId;
        row.parentId = parentId;
        row.authorId = authorId;
        row.text = text;
        row.createdAt = createdAt;
        row.contactDate = contactDate;
        row.editedAt = editedAt;
        return changed;
    }

    static StreamPost toPost(StreamPostEntity row, long version) {
        try {
            return new StreamPost(row.id, row.leadId, Optional.ofNullable(row.parentId), row.authorId, row.text,
                    Optional.ofNullable(row.contactDate), row.createdAt, Optional.ofNullable(row.editedAt), version);
        } catch (IllegalArgumentException e) {
            throw corrupt("stream post", row.id, e);
        }
    }

    // ---------------------------------------------------------------- attachments

    static AttachmentEntity newAttachment(Attachment attachment) {
        AttachmentEntity row = new AttachmentEntity(checked("lk_attachment", "id", attachment.id(), Columns.ID));
        row.leadId = checked("lk_attachment", "lead_id", attachment.leadId(), Columns.ID);
        row.name = checked("lk_attachment", "name", attachment.name(), Columns.FILE_NAME);
        row.mediaType = checked("lk_attachment", "media_type", attachment.mediaType(), Columns.MEDIA_TYPE);
        row.size = attachment.size();
        row.sha256 = attachment.sha256();
        row.uploadedBy = checked("lk_attachment", "uploaded_by", attachment.uploadedBy(), Columns.USER_ID);
        row.uploadedAt = micros(attachment.uploadedAt());
        row.removed = false;
        row.blobKey = attachment.blobKey().equals(Attachment.blobKey(attachment.leadId(), attachment.id()))
                ? null : checked("lk_attachment", "blob_key", attachment.blobKey(), 300);
        return row;
    }

    static Attachment toAttachment(AttachmentEntity row) {
        try {
            return new Attachment(row.id, row.leadId, row.name, row.mediaType, row.size, row.sha256, row.uploadedBy,
                    row.uploadedAt, row.blobKey != null ? row.blobKey : Attachment.blobKey(row.leadId, row.id));
        } catch (IllegalArgumentException e) {
            throw corrupt("attachment", row.id, e);
        }
    }

    /** Names the row by id only; the failed value may be personal data. */
    private static LeadKitException corrupt(String what, String id, IllegalArgumentException e) {
        return new LeadKitException("store.data.corrupt", "The stored " + what + " '" + id
                + "' cannot be read: it breaks a rule LeadKit enforces (" + e.getClass().getSimpleName()
                + "). Was the row written by something other than LeadKit?");
    }
}
