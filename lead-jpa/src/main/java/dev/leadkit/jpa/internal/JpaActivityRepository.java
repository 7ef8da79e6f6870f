package dev.leadkit.jpa.internal;

import dev.leadkit.ConflictException;
import dev.leadkit.NotFoundException;
import dev.leadkit.activity.Activity;
import dev.leadkit.store.ActivityRepository;
import dev.leadkit.store.Visibility;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.Query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/** {@link ActivityRepository} on {@code lk_activity}. */
final class JpaActivityRepository implements ActivityRepository {

    /** Activities by due time, else start; those with neither last; ties by id — as the in-memory store orders them. */
    private static final String FOR_LEAD = "select a from LeadKitActivity a where a.leadId = :leadId"
            + " order by case when coalesce(a.dueAt, a.startAt) is null then 1 else 0 end,"
            + " coalesce(a.dueAt, a.startAt), a.id";

    /** The earliest and latest instants an activity may hold (see {@code Activity}): the range all three databases store. */
    static final Instant STORABLE_MIN = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant STORABLE_MAX = Instant.parse("9999-12-01T00:00:00Z");

    private final JpaStoreTransaction tx;

    JpaActivityRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public java.util.Optional<Activity> find(String id) {
        Objects.requireNonNull(id, "id");
        return Failures.guard(() -> java.util.Optional.ofNullable(tx.em().find(ActivityEntity.class, id)).map(this::toActivity));
    }

    @Override
    public void insert(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        if (activity.version() != 1) {
            throw new IllegalArgumentException("a new activity is inserted at version 1");
        }
        ActivityEntity row = ActivityMapping.newActivity(activity);
        Failures.guard(() -> {
            try {
                // persist, never merge: a taken id is found by the primary key when the insert runs.
                tx.em().persist(row);
            } catch (EntityExistsException alreadyInThisTransaction) {
                throw new ConflictException("activity.id.taken", "An activity with id '" + activity.id() + "' is already stored.");
            }
            return null;
        });
    }

    @Override
    public void update(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        Failures.guard(() -> {
            ActivityEntity row = tx.em().find(ActivityEntity.class, activity.id());
            if (row == null) {
                throw new NotFoundException("activity", activity.id());
            }
            long current = tx.currentVersion(row, r -> r.version);
            if (current != activity.version() - 1) {
                throw ConflictException.staleVersion("activity", activity.id(), activity.version() - 1, current);
            }
            tx.beforeChange(row, r -> r.version);
            boolean changed = ActivityMapping.copyChangeable(activity, row);
            tx.changed(row, changed, activity.version());
            return null;
        });
    }

    @Override
    public List<Activity> forLead(String leadId) {
        Objects.requireNonNull(leadId, "leadId");
        return Failures.guard(() -> tx.em().createQuery(FOR_LEAD, ActivityEntity.class).setParameter("leadId", leadId)
                .getResultStream().map(this::toActivity).toList());
    }

    /**
     * One query: the activities joined to their leads, with the visibility predicate in the WHERE
     * clause (the same shape as the scoped lead list), so no invisible row leaves the database.
     */
    @Override
    public List<Activity> reminderCandidates(Visibility visibility, Instant from, Instant to) {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a window ends no earlier than it starts");
        }
        Instant dueBefore = ActivityRepository.dueBefore(to);
        // Stored due times are whole microseconds in [STORABLE_MIN, STORABLE_MAX]; rounding the
        // bounds up to a microsecond keeps "due >= from" and "due < dueBefore" exact, and clamping
        // keeps the parameters inside what every database can bind.
        if (from.isAfter(STORABLE_MAX)) {
            return List.of();
        }
        Instant lower = ceilMicros(from);
        if (lower.isBefore(STORABLE_MIN)) {
            lower = STORABLE_MIN;
        }
        boolean bounded = !dueBefore.isAfter(STORABLE_MAX);
        Instant upper = bounded ? ceilMicros(dueBefore) : null;
        StringBuilder sql = new StringBuilder("select a.* from lk_activity a join lk_lead l on l.id = a.lead_id"
                + " where a.done_at is null and a.due_at >= :lower");
        if (bounded) {
            sql.append(" and a.due_at < :upper");
        }
        sql.append(" and l.deleted = false");
        if (!visibility.all()) {
            StringBuilder scope = new StringBuilder();
            if (!visibility.owners().isEmpty()) {
                scope.append("l.owner_id in (:owners)");
            }
            if (visibility.unassigned()) {
                scope.append(scope.length() == 0 ? "" : " or ").append("l.owner_id is null");
            }
            if (visibility.grantee().isPresent()) {
                scope.append(scope.length() == 0 ? "" : " or ").append("exists (select 1 from lk_lead_grant g"
                        + " where g.lead_id = l.id and g.grantee_id = :grantee and g.can_view = true)");
            }
            if (scope.length() == 0) {
                return List.of();
            }
            sql.append(" and (").append(scope).append(')');
        }
        sql.append(" order by a.due_at, a.id");
        Instant lowerBound = lower;
        return Failures.guard(() -> {
            // A native query does not see unflushed entities: write this transaction's changes first.
            tx.flush();
            Query query = tx.em().createNativeQuery(sql.toString(), ActivityEntity.class).setParameter("lower", lowerBound);
            if (bounded) {
                query.setParameter("upper", upper);
            }
            if (!visibility.all()) {
                if (!visibility.owners().isEmpty()) {
                    query.setParameter("owners", List.copyOf(visibility.owners()));
                }
                visibility.grantee().ifPresent(g -> query.setParameter("grantee", g));
            }
            @SuppressWarnings("unchecked")
            List<ActivityEntity> rows = query.getResultList();
            return rows.stream().map(this::toActivity).toList();
        });
    }

    private static Instant ceilMicros(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.MICROS);
        return floor.equals(instant) ? instant : floor.plus(1, ChronoUnit.MICROS);
    }

    private Activity toActivity(ActivityEntity row) {
        return ActivityMapping.toActivity(row, tx.currentVersion(row, r -> r.version));
    }
}
