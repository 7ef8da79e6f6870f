package dev.leadkit.jpa.internal;

import dev.leadkit.LeadKitException;
import dev.leadkit.access.AccessRequest;
import dev.leadkit.activity.Activity;
import dev.leadkit.activity.Attachment;
import dev.leadkit.activity.StreamPost;
import dev.leadkit.field.CustomFields;
import dev.leadkit.store.AccessRequestRepository;
import dev.leadkit.store.ActivityRepository;
import dev.leadkit.store.AttachmentRepository;
import dev.leadkit.store.CustomFieldRepository;
import dev.leadkit.store.ReminderLogRepository;
import dev.leadkit.store.StreamRepository;
import dev.leadkit.store.Visibility;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * TEMPORARY, BRANCH-ONLY: the store ports K3–K5 added that the JPA store does not persist yet, so
 * the module compiles while two engineers implement them in parallel. Each deletes the part they
 * implement; this file must not exist when the work lands on main.
 */
final class PendingRepositories {

    private PendingRepositories() {
    }

    static LeadKitException pending(String what) {
        return new LeadKitException("store.pending", "The JPA store does not persist " + what + " yet.");
    }

    // ---- part B (other aggregates)

    static AccessRequestRepository accessRequests() {
        return new AccessRequestRepository() {
            @Override
            public Optional<AccessRequest> findRequest(String id) {
                throw pending("access requests");
            }

            @Override
            public List<AccessRequest> pendingForLead(String leadId) {
                throw pending("access requests");
            }

            @Override
            public void insert(AccessRequest request) {
                throw pending("access requests");
            }

            @Override
            public void update(AccessRequest request) {
                throw pending("access requests");
            }
        };
    }

    static CustomFieldRepository customFields() {
        return new CustomFieldRepository() {
            @Override
            public CustomFields load() {
                throw pending("custom field definitions");
            }

            @Override
            public void save(CustomFields fields) {
                throw pending("custom field definitions");
            }
        };
    }

    static ReminderLogRepository reminderLog() {
        return new ReminderLogRepository() {
            @Override
            public Optional<Instant> lastPeriod(String leadId, String ruleId) {
                throw pending("the reminder log");
            }

            @Override
            public void record(String leadId, String ruleId, Instant periodStart) {
                throw pending("the reminder log");
            }
        };
    }

    static ActivityRepository activities() {
        return new ActivityRepository() {
            @Override
            public Optional<Activity> find(String id) {
                throw pending("activities");
            }

            @Override
            public void insert(Activity activity) {
                throw pending("activities");
            }

            @Override
            public void update(Activity activity) {
                throw pending("activities");
            }

            @Override
            public List<Activity> forLead(String leadId) {
                throw pending("activities");
            }

            @Override
            public List<Activity> reminderCandidates(Visibility visibility, Instant from, Instant to) {
                throw pending("activities");
            }
        };
    }

    static StreamRepository stream() {
        return new StreamRepository() {
            @Override
            public Optional<StreamPost> find(String id) {
                throw pending("stream posts");
            }

            @Override
            public void insert(StreamPost post) {
                throw pending("stream posts");
            }

            @Override
            public void update(StreamPost post) {
                throw pending("stream posts");
            }

            @Override
            public List<StreamPost> forLead(String leadId) {
                throw pending("stream posts");
            }
        };
    }

    static AttachmentRepository attachments() {
        return new AttachmentRepository() {
            @Override
            public Optional<Attachment> find(String id) {
                throw pending("attachments");
            }

            @Override
            public void insert(Attachment attachment) {
                throw pending("attachments");
            }

            @Override
            public void delete(String id) {
                throw pending("attachments");
            }

            @Override
            public List<Attachment> forLead(String leadId) {
                throw pending("attachments");
            }
        };
    }
}
