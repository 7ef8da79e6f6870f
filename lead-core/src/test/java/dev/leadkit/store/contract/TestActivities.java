package dev.leadkit.store.contract;

import dev.leadkit.activity.Activity;
import dev.leadkit.activity.ActivityType;
import dev.leadkit.activity.Attachment;
import dev.leadkit.activity.ReminderOffset;
import dev.leadkit.activity.StreamPost;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data builders for activities, stream posts and attachments as a store receives them:
 * {@code anActivity().onLead("l1").due(t).reminders(DAY).build()}, {@code aPost("l1").text("…").build()},
 * {@code anAttachment("l1").named("Tilbud.pdf").build()}.
 */
public final class TestActivities {

    private static final AtomicLong COUNTER = new AtomicLong();
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private String id = "act-" + COUNTER.incrementAndGet();
    private String leadId = "lead-1";
    private ActivityType type = ActivityType.TASK;
    private String subject = "Send the offer";
    private Instant start;
    private Instant due;
    private Duration duration;
    private String assigneeId = "ayse";
    private Instant doneAt;
    private final Set<ReminderOffset> reminders = EnumSet.noneOf(ReminderOffset.class);
    private final Map<String, Activity.Response> attendees = new TreeMap<>();
    private String createdBy = "ayse";
    private Instant createdAt = T0;
    private long version = 1;

    private TestActivities() {
    }

    /** @return a builder for an open task without times */
    public static TestActivities anActivity() {
        return new TestActivities();
    }

    /** @param value the id @return this */
    public TestActivities id(String value) {
        this.id = value;
        return this;
    }

    /** @param value the lead id @return this */
    public TestActivities onLead(String value) {
        this.leadId = value;
        return this;
    }

    /** @param value the type @return this */
    public TestActivities type(ActivityType value) {
        this.type = value;
        return this;
    }

    /** @param value the subject @return this */
    public TestActivities subject(String value) {
        this.subject = value;
        return this;
    }

    /** @param at the start @return this */
    public TestActivities start(Instant at) {
        this.start = at;
        return this;
    }

    /** @param at the due time @return this */
    public TestActivities due(Instant at) {
        this.due = at;
        return this;
    }

    /** @param value the duration @return this */
    public TestActivities duration(Duration value) {
        this.duration = value;
        return this;
    }

    /** @param value the assignee @return this */
    public TestActivities assignee(String value) {
        this.assigneeId = value;
        return this;
    }

    /** @param at when it was done @return this */
    public TestActivities doneAt(Instant at) {
        this.doneAt = at;
        return this;
    }

    /** @param offsets reminder offsets @return this */
    public TestActivities reminders(ReminderOffset... offsets) {
        reminders.addAll(Set.of(offsets));
        return this;
    }

    /** @param user an attendee @param response their answer @return this */
    public TestActivities attendee(String user, Activity.Response response) {
        attendees.put(user, response);
        return this;
    }

    /** @param by creator @param at creation time @return this */
    public TestActivities created(String by, Instant at) {
        this.createdBy = by;
        this.createdAt = at;
        return this;
    }

    /** @param value the version @return this */
    public TestActivities version(long value) {
        this.version = value;
        return this;
    }

    /** @return the activity */
    public Activity build() {
        return new Activity(id, leadId, type, subject, Optional.ofNullable(start), Optional.ofNullable(due),
                Optional.ofNullable(duration), assigneeId, Optional.ofNullable(doneAt), reminders, attendees, createdBy,
                createdAt, version);
    }

    /**
     * @param a       a stored activity
     * @param subject a new subject
     * @return its next version with that subject
     */
    public static Activity next(Activity a, String subject) {
        return new Activity(a.id(), a.leadId(), a.type(), subject, a.start(), a.due(), a.duration(), a.assigneeId(),
                a.doneAt(), a.reminders(), a.attendees(), a.createdBy(), a.createdAt(), a.version() + 1);
    }

    // ------------------------------------------------------------------ posts

    /** Builds stream posts. */
    public static final class Posts {
        private String id = "post-" + COUNTER.incrementAndGet();
        private final String leadId;
        private String parentId;
        private String authorId = "ayse";
        private String text = "Called her.";
        private LocalDate contactDate;
        private Instant createdAt = T0;

        private Posts(String leadId) {
            this.leadId = leadId;
        }

        /** @param value the id @return this */
        public Posts id(String value) {
            this.id = value;
            return this;
        }

        /** @param value the post commented on @return this */
        public Posts on(String value) {
            this.parentId = value;
            return this;
        }

        /** @param value the author @return this */
        public Posts by(String value) {
            this.authorId = value;
            return this;
        }

        /** @param value the text @return this */
        public Posts text(String value) {
            this.text = value;
            return this;
        }

        /** @param value the contact date @return this */
        public Posts contactDate(LocalDate value) {
            this.contactDate = value;
            return this;
        }

        /** @param at creation time @return this */
        public Posts at(Instant at) {
            this.createdAt = at;
            return this;
        }

        /** @return the post */
        public StreamPost build() {
            return new StreamPost(id, leadId, Optional.ofNullable(parentId), authorId, text,
                    Optional.ofNullable(contactDate), createdAt, Optional.empty(), 1);
        }
    }

    /** @param leadId the lead @return a builder for a post on it */
    public static Posts aPost(String leadId) {
        return new Posts(leadId);
    }

    // ------------------------------------------------------------------ attachments

    /** Builds attachment metadata. */
    public static final class Attachments {
        private String id = "att-" + COUNTER.incrementAndGet();
        private final String leadId;
        private String name = "Tilbud.pdf";
        private String mediaType = "application/pdf";
        private long size = 1234;
        private String sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        private Instant uploadedAt = T0;

        private Attachments(String leadId) {
            this.leadId = leadId;
        }

        /** @param value the id @return this */
        public Attachments id(String value) {
            this.id = value;
            return this;
        }

        /** @param value the file name @return this */
        public Attachments named(String value) {
            this.name = value;
            return this;
        }

        /** @param value the media type @return this */
        public Attachments type(String value) {
            this.mediaType = value;
            return this;
        }

        /** @param bytes the size @return this */
        public Attachments size(long bytes) {
            this.size = bytes;
            return this;
        }

        /** @param at upload time @return this */
        public Attachments at(Instant at) {
            this.uploadedAt = at;
            return this;
        }

        /** @return the attachment */
        public Attachment build() {
            return new Attachment(id, leadId, name, mediaType, size, sha256, "ayse", uploadedAt);
        }
    }

    /** @param leadId the lead @return a builder for an attachment on it */
    public static Attachments anAttachment(String leadId) {
        return new Attachments(leadId);
    }
}
