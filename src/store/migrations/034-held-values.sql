-- Councils' own data (issue 20): the values a council enters or uploads
-- itself (in-year and early-sight returns, comparable results of its
-- residents' surveys) are held here, not in `observation`, until their
-- release rule makes them public. Public pages, the benchmark index, exports
-- and reports read `observation` alone, so a value held here cannot reach
-- them before it is released; releasing a value loads it into `observation`
-- as an import batch, which every server's index hears.
--
-- A value is never overwritten: entering it again supersedes the current
-- row, which stays as its history. A null value is a period the council has
-- not submitted (blank), which may still carry its note.
create table held_value (
  id              bigint generated always as identity primary key,
  metric_id       integer not null references metric (id),
  area_id         integer not null references area (id),
  period          text collate "C" not null references period (label),
  value           double precision check (value is null or value = value),
  numerator       double precision,
  denominator     double precision,
  lower_ci        double precision,
  upper_ci        double precision,
  note            text check (length(note) <= 2000),
  -- every value is provisional until the council confirms it; provisional values are never released
  provisional     boolean not null default true,
  -- where it came from: a return entered or uploaded, or a survey's comparable result
  origin          text not null check (origin in ('return', 'survey')),
  -- the survey result it was worked out from, for origin 'survey'
  origin_id       bigint,
  entered_by      integer references user_account (id),
  entered_at      timestamptz not null default now(),
  -- the row that replaced it; checked at commit, so that one statement can retire a row and add its successor
  superseded_by   bigint references held_value (id) deferrable initially deferred,
  superseded_at   timestamptz,
  -- the batch that loaded it into `observation`, once released
  released_batch  integer references import_batch (id),
  released_at     timestamptz,
  check ((superseded_by is null) = (superseded_at is null)),
  check ((released_batch is null) = (released_at is null)),
  -- one current value a key, checked at commit for the same reason
  constraint held_value_one_current exclude using btree (metric_id with =, area_id with =, period with =)
    where (superseded_by is null) deferrable initially deferred
);
create index held_value_key on held_value (metric_id, area_id, period) where superseded_by is null;
create index held_value_of_area on held_value (area_id, metric_id) where superseded_by is null;
create index held_value_unreleased on held_value (metric_id) where superseded_by is null and released_batch is null;

-- A council shares its surveys and returns with named organisations.
alter table share drop constraint share_record_kind_check;
alter table share add constraint share_record_kind_check check (record_kind in ('intelligence_item', 'observation', 'improvement_case', 'survey', 'council_return'));
