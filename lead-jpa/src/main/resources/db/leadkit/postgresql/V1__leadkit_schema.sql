-- LeadKit schema, version 1, PostgreSQL 13+.
-- Released scripts are never edited: every later change is a new V<n>__*.sql file.
-- Keys use the "C" collation so that ids and external ids compare and sort by code point on
-- every database, whatever the database's default collation is.

create sequence lk_history_seq start with 1 increment by 50;

create table lk_lead (
    id                  varchar(64) collate "C" not null,
    version             bigint not null,
    first_name          varchar(100),
    last_name           varchar(100),
    email               varchar(254),
    phone               varchar(40),
    company             varchar(200),
    department          varchar(100),
    title               varchar(100),
    description         varchar(10000),
    street              varchar(200),
    city                varchar(100),
    postcode            varchar(20),
    region              varchar(100),
    country             varchar(100),
    website             varchar(500),
    registration_number varchar(50),
    source              varchar(64) collate "C" not null,
    status              varchar(64) collate "C" not null,
    lead_date           varchar(40) not null,
    owner_id            varchar(128) collate "C",
    external_id         varchar(200) collate "C",
    created_by          varchar(128) collate "C" not null,
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
    lead_id  varchar(64) collate "C" not null,
    at       timestamp(6) with time zone not null,
    actor_id varchar(128) collate "C" not null,
    action   varchar(32) not null,
    changes  text not null,
    constraint lk_history_pk primary key (seq)
);

create index lk_history_lead_ix on lk_history (lead_id, seq);

create table lk_catalogue (
    kind         varchar(16) collate "C" not null,
    version      bigint not null,
    default_code varchar(64) collate "C" not null,
    entries      text not null,
    constraint lk_catalogue_pk primary key (kind)
);

create table lk_settings (
    id      integer not null,
    version bigint not null,
    entries text not null,
    constraint lk_settings_pk primary key (id)
);
