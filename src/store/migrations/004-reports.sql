-- Reports and dashboards. A report's draft is its definition, held by the
-- author's organisation; publishing adds a version that keeps the figures as
-- they were (the snapshot) with the PDF printed from them. Versions are never
-- changed or deleted: a trigger refuses it, whoever asks.

create table report (
  id               integer generated always as identity primary key,
  organisation_id  integer not null references organisation (id),
  author_id        integer not null references user_account (id),
  title            text not null check (length(title) between 1 and 200),
  definition       jsonb not null,
  -- the public address of its published versions, set at first publishing
  slug             text unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,80}$'),
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index report_organisation on report (organisation_id, updated_at desc);

create table report_version (
  report_id     integer not null references report (id),
  version       integer not null check (version >= 1),
  published_at  timestamptz not null default now(),
  published_by  integer not null references user_account (id),
  -- the figures and judgements as at publishing, with their date and sources
  snapshot      jsonb not null,
  pdf           bytea not null,
  primary key (report_id, version)
);

create function refuse_version_change() returns trigger language plpgsql as $$
begin
  raise exception 'a published report version is frozen: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger report_version_frozen before update or delete on report_version for each row execute function refuse_version_change();
create trigger report_version_frozen_whole before truncate on report_version for each statement execute function refuse_version_change();

-- A dashboard: tiles a user follows (a metric for an area against a group,
-- its league position, its trend, its map). A council's default dashboard is
-- held by the council's organisation, with no owner.
create table dashboard (
  id               integer generated always as identity primary key,
  organisation_id  integer not null references organisation (id),
  owner_id         integer references user_account (id),
  -- who made it: the owner, or for a council's default the member who first opened it
  created_by       integer not null references user_account (id),
  title            text not null check (length(title) between 1 and 200),
  tiles            jsonb not null,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create unique index dashboard_default on dashboard (organisation_id) where owner_id is null;
create index dashboard_owner on dashboard (owner_id);
