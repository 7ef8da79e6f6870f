-- LeadKit schema, version 3, PostgreSQL: the lead's workflow fields and composite values (K3-K5):
-- when it entered its status, why it was closed, its custom values, tags and products, and the
-- indexes of the scoped listing, the kanban columns and the stale-status candidates.

alter table lk_lead add column status_since timestamp(6) with time zone;
-- Leads stored before this version entered their status no later than when they were created.
update lk_lead set status_since = created_at;
alter table lk_lead alter column status_since set not null;

alter table lk_lead add column close_reason varchar(64) collate "C";
-- JSON: field key -> {"kind": ..., "canonical": ...}; null when the lead holds no custom value.
alter table lk_lead add column custom text;
-- JSON array of tags; null when none.
alter table lk_lead add column tags text;
-- JSON array of {"ref", "quantity", "note"} in the order added; null when none.
alter table lk_lead add column products text;

-- A user's first page: their own leads, newest first, ties by id (one range per owner). The
-- status rides along so the kanban counts per owner are index-only scans.
create index lk_lead_owner_listing_ix on lk_lead (owner_id, deleted, created_at desc, id desc) include (status);
-- Kanban columns (longest in status first) and stale-status candidates.
create index lk_lead_status_since_ix on lk_lead (deleted, status, status_since, id);
-- "How many leads were closed with this reason" before a close reason may be deleted.
create index lk_lead_close_reason_ix on lk_lead (close_reason);

-- The option codes a lead's dropdown and multi-select values hold, for "which leads hold this
-- option" (deleting or merging an option) without reading every lead's custom JSON.
create table lk_lead_custom_option (
    lead_id     varchar(64) collate "C" not null,
    field_key   varchar(64) collate "C" not null,
    option_code varchar(64) collate "C" not null,
    constraint lk_lead_custom_option_pk primary key (lead_id, field_key, option_code)
);

create index lk_lead_custom_option_ix on lk_lead_custom_option (field_key, option_code);
