-- LeadKit schema, version 1, MariaDB 10.11+ (InnoDB, utf8mb4).
-- Released scripts are never edited: every later change is a new V<n>__*.sql file.
-- utf8mb4 holds every code point (emoji included); utf8mb4_bin compares ids and keys exactly,
-- as the other databases do. Lengths are in characters (code points).

create sequence lk_history_seq start with 1 increment by 50 nocache;

create table lk_lead (
    id                  varchar(64) not null,
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
    source              varchar(64) not null,
    status              varchar(64) not null,
    lead_date           varchar(40) not null,
    owner_id            varchar(128),
    external_id         varchar(200),
    created_by          varchar(128) not null,
    created_at          datetime(6) not null,
    updated_at          datetime(6) not null,
    deleted             boolean not null,
    constraint lk_lead_pk primary key (id),
    constraint lk_lead_external_id_uk unique (external_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

-- The lead list: non-deleted leads, newest first, ties by id.
create index lk_lead_listing_ix on lk_lead (deleted, created_at desc, id desc);
-- "How many leads hold this status/source" before a catalogue entry may be deleted.
create index lk_lead_status_ix on lk_lead (status);
create index lk_lead_source_ix on lk_lead (source);

create table lk_history (
    seq      bigint not null,
    lead_id  varchar(64) not null,
    at       datetime(6) not null,
    actor_id varchar(128) not null,
    action   varchar(32) not null,
    changes  longtext not null,
    constraint lk_history_pk primary key (seq)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

create index lk_history_lead_ix on lk_history (lead_id, seq);

create table lk_catalogue (
    kind         varchar(16) not null,
    version      bigint not null,
    default_code varchar(64) not null,
    entries      longtext not null,
    constraint lk_catalogue_pk primary key (kind)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

create table lk_settings (
    id      integer not null,
    version bigint not null,
    entries longtext not null,
    constraint lk_settings_pk primary key (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
