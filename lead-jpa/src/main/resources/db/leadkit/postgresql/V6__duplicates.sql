-- LeadKit schema, version 6, PostgreSQL: duplicate detection and merge (K7).
-- Ids and keys use the "C" collation, as in V1, so they compare and sort by code point.
-- Leads stored before this version have no match keys: the keys are computed by LeadKit's
-- duplicate engine in Java, so no SQL can fill them. Run kit.duplicates().rebuildIndex(admin)
-- once after upgrading; until then checks do not find those leads.

-- A merged lead is a soft-deleted tombstone pointing at the lead it was merged into.
alter table lk_lead add column merged_into varchar(64) collate "C";

-- Where an attachment's bytes are, when not under its own lead's key (moved by a merge).
alter table lk_attachment add column blob_key varchar(300) collate "C";

-- The candidate index: each live lead's blocking keys. A duplicate check is one lookup on the
-- primary key's leading column; replacing a lead's keys uses the lead index.
create table lk_lead_match_key (
    match_key varchar(300) collate "C" not null,
    lead_id   varchar(64) collate "C" not null,
    constraint lk_lead_match_key_pk primary key (match_key, lead_id)
);

create index lk_lead_match_key_lead_ix on lk_lead_match_key (lead_id);

-- "Not a duplicate" decisions: the unordered pair, smaller id first.
create table lk_duplicate_decision (
    first_id   varchar(64) collate "C" not null,
    second_id  varchar(64) collate "C" not null,
    decided_by varchar(128) collate "C" not null,
    decided_at timestamp(6) with time zone not null,
    constraint lk_duplicate_decision_pk primary key (first_id, second_id)
);

create index lk_duplicate_decision_second_ix on lk_duplicate_decision (second_id);
