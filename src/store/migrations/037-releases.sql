-- The release path (issue 20): when a council's own values become public, and
-- the batches that made them so. Releasing a held value (034) loads it into
-- `observation` as an import batch; nothing else ever puts a held value there.
--
-- A release rule is set per council and metric by the council's performance
-- officers; a metric without one follows the defaults, which are versioned
-- data in src/domain/release/. A rule is never overwritten: setting another
-- retires the current one, which stays with who set it and when.
create table release_rule (
  id              bigint generated always as identity primary key,
  area_id         integer not null references area (id),
  metric_id       integer not null references metric (id),
  kind            text not null check (kind in ('private', 'public_from', 'public_after_period')),
  public_from     timestamptz,
  months_after    integer check (months_after between 0 and 120),
  set_by          integer references user_account (id),
  set_at          timestamptz not null default now(),
  superseded_at   timestamptz,
  check ((kind = 'public_from') = (public_from is not null)),
  check ((kind = 'public_after_period') = (months_after is not null))
);
create unique index release_rule_current on release_rule (area_id, metric_id) where superseded_at is null;

-- Each release, by the batch that loaded it. An observation whose batch is
-- listed here is a council's own value; any other is official, and a later
-- release never loads over it (the official statistic stands).
create table release_batch (
  batch_id        integer primary key references import_batch (id),
  released_at     timestamptz not null default now(),
  -- held values loaded into observation
  loaded          integer not null check (loaded >= 0),
  -- held values whose instant passed where an official value already stood
  official_kept   integer not null check (official_kept >= 0)
);
create index held_value_released_batch on held_value (released_batch) where released_batch is not null;
