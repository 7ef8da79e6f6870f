-- LeadKit schema, version 5, PostgreSQL: what lead queries filter, search and sort on (K6), and
-- saved views.
--
-- Every text a query compares is stored a second time as its folded key
-- (dev.leadkit.query.TextFold.fold, computed in Java, never by the database): case, accents and
-- letters such as ı/İ, æ, ø, ß are folded away, so equality, contains, starts-with and sorting
-- behave the same on every database whatever its collation. Keys use the "C" collation: they
-- compare and sort by code point, like the in-memory store.
--
-- The keys of rows stored before this version are computed by LeadKitMigrations right after this
-- script (search_keys_version stays null until then); a host running these scripts with Flyway
-- calls LeadKitMigrations.refreshSearchKeys afterwards.

-- The lead date as microseconds since the epoch: exact, and the same type on every database.
alter table lk_lead add column lead_at bigint;
-- The version of the folding rule the keys below were computed with; null until computed.
alter table lk_lead add column search_keys_version integer;
alter table lk_lead add column first_name_key text collate "C";
alter table lk_lead add column last_name_key text collate "C";
alter table lk_lead add column email_key text collate "C";
alter table lk_lead add column phone_key text collate "C";
alter table lk_lead add column company_key text collate "C";
alter table lk_lead add column department_key text collate "C";
alter table lk_lead add column title_key text collate "C";
alter table lk_lead add column description_key text collate "C";
alter table lk_lead add column street_key text collate "C";
alter table lk_lead add column city_key text collate "C";
alter table lk_lead add column postcode_key text collate "C";
alter table lk_lead add column region_key text collate "C";
alter table lk_lead add column country_key text collate "C";
alter table lk_lead add column website_key text collate "C";
alter table lk_lead add column registration_number_key text collate "C";
alter table lk_lead add column external_id_key text collate "C";
-- Codes compare exactly but sort by their folded form too: the owner's and creator's user ids.
alter table lk_lead add column owner_key text collate "C";
alter table lk_lead add column created_by_key text collate "C";
-- The tags' sort key: the tags in code-point order, joined with ",", folded (SortKey).
alter table lk_lead add column tags_key text collate "C";

-- "Status X, owned by my team, newest first": one range per status walked in date order; the
-- owner is the last key column, so the team test runs on index entries before any row is read.
create index lk_lead_status_date_ix on lk_lead (deleted, status, lead_at desc, id desc, owner_id);
-- "Owned by X (or by nobody: the inbox), newest first".
create index lk_lead_owner_date_ix on lk_lead (owner_id, deleted, lead_at desc, id desc);
-- Any list sorted by lead date.
create index lk_lead_date_ix on lk_lead (deleted, lead_at desc, id desc);
-- Sorting by name.
create index lk_lead_last_name_key_ix on lk_lead (deleted, last_name_key, id);

-- Contains-search on name, e-mail and company: trigram indexes, when pg_trgm can be had. Without
-- the extension (no privilege to create it) the same queries run, scanning instead.
do $$
declare
    trgm_schema text;
begin
    begin
        create extension if not exists pg_trgm;
    exception when insufficient_privilege or undefined_file or feature_not_supported or object_not_in_prerequisite_state then
        raise notice 'pg_trgm is not available (%): LeadKit''s contains-search runs without trigram indexes', sqlerrm;
    end;
    select n.nspname into trgm_schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
        where e.extname = 'pg_trgm';
    if trgm_schema is not null then
        execute format('create index lk_lead_first_name_trgm_ix on lk_lead using gin (first_name_key %I.gin_trgm_ops)', trgm_schema);
        execute format('create index lk_lead_last_name_trgm_ix on lk_lead using gin (last_name_key %I.gin_trgm_ops)', trgm_schema);
        execute format('create index lk_lead_email_trgm_ix on lk_lead using gin (email_key %I.gin_trgm_ops)', trgm_schema);
        execute format('create index lk_lead_company_trgm_ix on lk_lead using gin (company_key %I.gin_trgm_ops)', trgm_schema);
    end if;
end
$$;

-- Tags, one row each, for "has tag" filters without reading the tags JSON.
create table lk_lead_tag (
    lead_id varchar(64) collate "C" not null,
    tag     varchar(50) collate "C" not null,
    tag_key text collate "C" not null,
    constraint lk_lead_tag_pk primary key (lead_id, tag)
);

create index lk_lead_tag_ix on lk_lead_tag (tag, lead_id);
create index lk_lead_tag_key_ix on lk_lead_tag (tag_key, lead_id);

-- Custom values, one row per lead and field, typed for filters and sorting: the folded text of
-- every value (text_key: SortKey's text — a flag as true/false, choices sorted and joined with
-- ","; null when the canonical text is empty), numbers as decimals, dates as days since the epoch.
create table lk_lead_custom_value (
    lead_id      varchar(64) collate "C" not null,
    field_key    varchar(64) collate "C" not null,
    kind         varchar(16) collate "C" not null,
    text_key     text collate "C",
    number_value numeric(40, 10),
    date_value   bigint,
    constraint lk_lead_custom_value_pk primary key (lead_id, field_key)
);

create index lk_lead_custom_value_number_ix on lk_lead_custom_value (field_key, number_value, lead_id);
create index lk_lead_custom_value_date_ix on lk_lead_custom_value (field_key, date_value, lead_id);

-- Saved views (Q1, Q5): a filter, columns and a sort, private to their owner or shared with a team.
create table lk_view (
    id          varchar(64) collate "C" not null,
    version     bigint not null,
    owner_id    varchar(128) collate "C" not null,
    -- The team the view is shared with; null for a private view.
    team_id     varchar(128) collate "C",
    name        varchar(200) not null,
    -- JSON: the filter, the columns (shown, in order; hidden), the sort.
    definition  text not null,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    constraint lk_view_pk primary key (id)
);

create index lk_view_owner_ix on lk_view (owner_id, id);
create index lk_view_team_ix on lk_view (team_id, id);
