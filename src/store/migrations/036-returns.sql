-- In-year and early-sight returns (issue 20, item 6): a council's own local
-- metrics, and its commitments to send a metric (from the library or its own)
-- at a frequency, with the rule that says when each period is due. The values
-- themselves are held values (migration 034, origin 'return', origin_id the
-- return), provisional until the council confirms them, with their history.

-- A local metric is owned by the council that defined it: only its officers
-- change it or return values of it. Other metrics have no owner.
alter table metric add column owner_area_id integer references area (id);
alter table metric add column defined_by integer references user_account (id);
alter table metric add constraint metric_owner_is_local check (owner_area_id is null or status = 'local');

-- A council's commitment to send a metric at a frequency. Held by its council
-- (the policy's record kind 'council_return'): restricted to its organisation
-- until released, shared with the organisations its release rule names.
create table council_return (
  id               integer generated always as identity primary key,
  area_id          integer not null references area (id),
  organisation_id  integer not null references organisation (id),
  metric_id        integer not null references metric (id),
  -- the frequency it is sent at; a library metric published yearly may be returned by quarter
  period_kind      text not null check (period_kind in ('quarter', 'month', 'financial_year')),
  first_period     text collate "C" not null references period (label),
  -- the last period promised, once the commitment ends; null while it runs
  last_period      text collate "C" references period (label),
  -- when each period is due (the domain's DueRule): { kind: 'working_days_after', days } or { kind: 'months_after', months }
  due_rule         jsonb not null check (due_rule ->> 'kind' in ('working_days_after', 'months_after')),
  -- made up for the demo, and said so wherever it shows
  synthetic        boolean not null default false,
  created_by       integer references user_account (id),
  created_at       timestamptz not null default now(),
  -- counts every change, so that an edit made from an older reading is refused (409)
  revision         integer not null default 1,
  unique (area_id, metric_id, period_kind)
);
create index council_return_metric on council_return (metric_id);
create index held_value_of_return on held_value (origin_id) where origin = 'return' and superseded_by is null;
