-- LeadKit schema, version 5, H2: what lead queries filter, search and sort on (K6), and
-- saved views.
--
-- Every text a query compares is stored a second time as its folded key
-- (dev.leadkit.query.TextFold.fold, computed in Java, never by the database): case, accents and
-- letters such as ı/İ, æ, ø, ß are folded away, so equality, contains, starts-with and sorting
-- behave the same on every database whatever its collation. H2 compares strings by UTF-16
-- unit, which is code-point order except that U+E000..U+FFFF sorts after supplementary
-- characters (emoji); lengths are in UTF-16 units, four times the field's limit in code points.
--
-- The keys of rows stored before this version are computed by LeadKitMigrations right after this
-- script (search_keys_version stays null until then); a host running these scripts with Flyway
-- calls LeadKitMigrations.refreshSearchKeys afterwards.

-- The lead date as microseconds since the epoch: exact, and the same type on every database.
alter table lk_lead add column lead_at bigint;
-- The version of the folding rule the keys below were computed with; null until computed.
alter table lk_lead add column search_keys_version integer;
alter table lk_lead add column first_name_key varchar(800);
alter table lk_lead add column last_name_key varchar(800);
alter table lk_lead add column email_key varchar(2032);
alter table lk_lead add column phone_key varchar(320);
alter table lk_lead add column company_key varchar(1600);
alter table lk_lead add column department_key varchar(800);
alter table lk_lead add column title_key varchar(800);
alter table lk_lead add column description_key varchar(80000);
alter table lk_lead add column street_key varchar(1600);
alter table lk_lead add column city_key varchar(800);
alter table lk_lead add column postcode_key varchar(160);
alter table lk_lead add column region_key varchar(800);
alter table lk_lead add column country_key varchar(800);
alter table lk_lead add column website_key varchar(4000);
alter table lk_lead add column registration_number_key varchar(400);
alter table lk_lead add column external_id_key varchar(1600);
-- Codes compare exactly but sort by their folded form too: the owner's and creator's user ids.
alter table lk_lead add column owner_key varchar(1024);
alter table lk_lead add column created_by_key varchar(1024);
-- The tags' sort key: the tags in code-point order, joined with ",", folded (SortKey).
alter table lk_lead add column tags_key varchar(80000);

-- "Status X, owned by my team, newest first": one range per status walked in date order; the
-- owner is the last key column, so the team test runs on index entries before any row is read.
create index lk_lead_status_date_ix on lk_lead (deleted, status, lead_at desc, id desc, owner_id);
-- "Owned by X (or by nobody: the inbox), newest first".
create index lk_lead_owner_date_ix on lk_lead (owner_id, deleted, lead_at desc, id desc);
-- Any list sorted by lead date.
create index lk_lead_date_ix on lk_lead (deleted, lead_at desc, id desc);
-- Sorting by name.
create index lk_lead_last_name_key_ix on lk_lead (deleted, last_name_key, id);

-- Contains-search on name, e-mail and company scans the folded keys (H2 has no trigram index).

-- Tags, one row each, for "has tag" filters without reading the tags JSON.
create table lk_lead_tag (
    lead_id varchar(64) not null,
    tag     varchar(100) not null,
    tag_key varchar(400) not null,
    constraint lk_lead_tag_pk primary key (lead_id, tag)
);

create index lk_lead_tag_ix on lk_lead_tag (tag, lead_id);
create index lk_lead_tag_key_ix on lk_lead_tag (tag_key, lead_id);

-- Custom values, one row per lead and field, typed for filters and sorting: the folded text of
-- every value (text_key: SortKey's text — a flag as true/false, choices sorted and joined with
-- ","; null when the canonical text is empty), numbers as decimals, dates as days since the epoch.
create table lk_lead_custom_value (
    lead_id      varchar(64) not null,
    field_key    varchar(64) not null,
    kind         varchar(16) not null,
    text_key     varchar(80000),
    number_value numeric(40, 10),
    date_value   bigint,
    constraint lk_lead_custom_value_pk primary key (lead_id, field_key)
);

create index lk_lead_custom_value_number_ix on lk_lead_custom_value (field_key, number_value, lead_id);
create index lk_lead_custom_value_date_ix on lk_lead_custom_value (field_key, date_value, lead_id);

-- Saved views (Q1, Q5): a filter, columns and a sort, private to their owner or shared with a team.
create table lk_view (
    id          varchar(64) not null,
    version     bigint not null,
    owner_id    varchar(256) not null,
    -- The team the view is shared with; null for a private view.
    team_id     varchar(256),
    name        varchar(400) not null,
    -- JSON: the filter, the columns (shown, in order; hidden), the sort.
    definition  clob not null,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    constraint lk_view_pk primary key (id)
);

create index lk_view_owner_ix on lk_view (owner_id, id);
create index lk_view_team_ix on lk_view (team_id, id);
