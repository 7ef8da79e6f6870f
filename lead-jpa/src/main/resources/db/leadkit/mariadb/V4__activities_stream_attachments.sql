-- LeadKit schema, version 4, MariaDB: access requests, custom field definitions, the stale-reminder
-- log, activities, the lead stream and attachment metadata (K3-K5).
-- utf8mb4 with utf8mb4_bin, as in V1: every code point fits, ids compare exactly.
-- datetime(6) holds UTC wall-clock time (the store runs with hibernate.jdbc.time_zone=UTC).
-- Written without reference to V3's objects, so that it applies with or without them.

create table lk_access_request (
    id           varchar(64) not null,
    lead_id      varchar(64) not null,
    requester_id varchar(128) not null,
    -- Sorted, comma-separated right keys ("edit,view").
    rights       varchar(100) not null,
    -- PENDING, APPROVED or DENIED.
    state        varchar(16) not null,
    requested_at datetime(6) not null,
    decided_by   varchar(128),
    decided_at   datetime(6),
    version      bigint not null,
    constraint lk_access_request_pk primary key (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

-- A lead's pending requests, oldest first.
create index lk_access_request_lead_ix on lk_access_request (lead_id, state, requested_at, id);

-- One row (id 1), like lk_settings: every custom field definition as one JSON document,
-- versioned as one aggregate.
create table lk_custom_fields (
    id          integer not null,
    version     bigint not null,
    definitions longtext not null,
    constraint lk_custom_fields_pk primary key (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

-- The latest stale period reminded per lead and rule. The primary key makes two nodes that
-- record the same lead and rule at once collide, so only one of them sends the reminder.
create table lk_reminder_log (
    lead_id      varchar(64) not null,
    rule_id      varchar(64) not null,
    period_start datetime(6) not null,
    constraint lk_reminder_log_pk primary key (lead_id, rule_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

create table lk_activity (
    id              varchar(64) not null,
    lead_id         varchar(64) not null,
    type            varchar(40) not null,
    subject         varchar(200) not null,
    start_at        datetime(6),
    due_at          datetime(6),
    duration_micros bigint,
    assignee_id     varchar(128) not null,
    done_at         datetime(6),
    -- Comma-separated ReminderOffset names ("DAY,MINUTES_15"); empty for none.
    reminders       varchar(100) not null,
    -- JSON object: attendee user id to their answer ({"jonas":"ACCEPTED"}).
    attendees       longtext not null,
    created_by      varchar(128) not null,
    created_at      datetime(6) not null,
    version         bigint not null,
    constraint lk_activity_pk primary key (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

-- A lead's activities.
create index lk_activity_lead_ix on lk_activity (lead_id);
-- Reminder candidates: open activities by due time.
create index lk_activity_reminder_ix on lk_activity (done_at, due_at, id);

create table lk_stream_post (
    id           varchar(64) not null,
    lead_id      varchar(64) not null,
    -- The post a comment hangs off; null for a post.
    parent_id    varchar(64),
    author_id    varchar(128) not null,
    -- Up to 10,000 code points with line breaks (LF).
    text         longtext not null,
    contact_date date,
    created_at   datetime(6) not null,
    edited_at    datetime(6),
    version      bigint not null,
    constraint lk_stream_post_pk primary key (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

-- A lead's stream, oldest first.
create index lk_stream_post_lead_ix on lk_stream_post (lead_id, created_at, id);

-- Attachment metadata; the bytes are in the host's BlobStore. A removed attachment keeps its
-- row with removed = true, so its id can never be inserted again.
create table lk_attachment (
    id          varchar(64) not null,
    lead_id     varchar(64) not null,
    name        varchar(255) not null,
    media_type  varchar(127) not null,
    size        bigint not null,
    sha256      char(64) not null,
    uploaded_by varchar(128) not null,
    uploaded_at datetime(6) not null,
    removed     boolean not null,
    constraint lk_attachment_pk primary key (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

-- A lead's attachments, oldest upload first.
create index lk_attachment_lead_ix on lk_attachment (lead_id, removed, uploaded_at, id);
