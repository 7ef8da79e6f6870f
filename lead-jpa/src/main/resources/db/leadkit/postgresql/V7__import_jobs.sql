-- LeadKit schema, version 7 (postgresql): bulk import job records (K10).
-- An import commits each batch of leads together with its job's row here (last_committed_row and
-- the counts), so a resumed import skips exactly the rows already in. The file is identified by
-- its SHA-256 and size; a resume with another file is refused.

create table lk_import_job (
    id                 varchar(64) collate "C" not null,
    created_by         varchar(128) collate "C" not null,
    file_name          varchar(255) not null,
    checksum           char(64) collate "C" not null,
    file_size          bigint not null,
    dry_run            boolean not null,
    -- RUNNING, FINISHED or FAILED.
    state              varchar(16) collate "C" not null,
    last_committed_row bigint not null,
    created_count      bigint not null,
    updated_count      bigint not null,
    merged_count       bigint not null,
    skipped_count      bigint not null,
    failed_count       bigint not null,
    flagged_count      bigint not null,
    warning_count      bigint not null,
    created_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    version            bigint not null,
    constraint lk_import_job_pk primary key (id)
);

-- The newest jobs first.
create index lk_import_job_created_ix on lk_import_job (created_at, id);
