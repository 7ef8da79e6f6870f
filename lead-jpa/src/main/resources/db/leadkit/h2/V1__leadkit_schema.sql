-- LeadKit schema, version 1, H2 2.x.
-- Released scripts are never edited: every later change is a new V<n>__*.sql file.
-- H2 counts string lengths in UTF-16 units, so text columns are twice the field's limit in code
-- points (an emoji is two units); the store checks the limit in code points before writing.
-- H2 compares strings exactly (case- and accent-sensitive) by default.

create sequence lk_history_seq start with 1 increment by 50;

create table lk_lead (
    id                  varchar(64) not null,
    version             bigint not null,
    first_name          varchar(200),
    last_name           varchar(200),
    email               varchar(508),
    phone               varchar(80),
    company             varchar(400),
    department          varchar(200),
    title               varchar(200),
    description         varchar(20000),
    street              varchar(400),
    city                varchar(200),
    postcode            varchar(40),
    region              varchar(200),
    country             varchar(200),
    website             varchar(1000),
    registration_number varchar(100),
    source              varchar(64) not null,
    status              varchar(64) not null,
    lead_date           varchar(80) not null,
    owner_id            varchar(256),
    external_id         varchar(400),
    created_by          varchar(256) not null,
    created_at          timestamp(6) with time zone not null,
    updated_at          timestamp(6) with time zone not null,
    deleted             boolean not null,
    constraint lk_lead_pk primary key (id),
    constraint lk_lead_external_id_uk unique (external_id)
);

-- The lead list: non-deleted leads, newest first, ties by id.
create index lk_lead_listing_ix on lk_lead (deleted, created_at desc, id desc);
-- "How many leads hold this status/source" before a catalogue entry may be deleted.
create index lk_lead_status_ix on lk_lead (status);
create index lk_lead_source_ix on lk_lead (source);

create table lk_history (
    seq      bigint not null,
    lead_id  varchar(64) not null,
    at       timestamp(6) with time zone not null,
    actor_id varchar(256) not null,
    action   varchar(32) not null,
    changes  clob not null,
    constraint lk_history_pk primary key (seq)
);

create index lk_history_lead_ix on lk_history (lead_id, seq);

create table lk_catalogue (
    kind         varchar(16) not null,
    version      bigint not null,
    default_code varchar(64) not null,
    entries      clob not null,
    constraint lk_catalogue_pk primary key (kind)
);

create table lk_settings (
    id      integer not null,
    version bigint not null,
    entries clob not null,
    constraint lk_settings_pk primary key (id)
);
