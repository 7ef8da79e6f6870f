-- LeadKit schema, version 2, PostgreSQL: sharing of leads (K3) — grants, followers, and the
-- version of each lead's sharing aggregate (dev.leadkit.access.LeadAccess).

create table lk_lead_access (
    lead_id varchar(64) collate "C" not null,
    version bigint not null,
    constraint lk_lead_access_pk primary key (lead_id)
);

create table lk_lead_grant (
    lead_id    varchar(64) collate "C" not null,
    grantee_id varchar(128) collate "C" not null,
    -- Sorted, comma-separated right keys ("edit,follow,view").
    rights     varchar(100) collate "C" not null,
    -- Whether the grant holds VIEW: what the scoped lead queries test.
    can_view   boolean not null,
    constraint lk_lead_grant_pk primary key (lead_id, grantee_id)
);

-- "Leads granted to me": the visibility predicate's EXISTS probe.
create index lk_lead_grant_grantee_ix on lk_lead_grant (grantee_id, can_view, lead_id);

create table lk_lead_follower (
    lead_id     varchar(64) collate "C" not null,
    follower_id varchar(128) collate "C" not null,
    constraint lk_lead_follower_pk primary key (lead_id, follower_id)
);
