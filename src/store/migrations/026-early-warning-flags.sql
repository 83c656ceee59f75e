-- Early warning's hard-data flags (IMPROVEMENT.md, "Early warning and
-- improvement cases"): each rule's finding about a council, kept with the
-- rule's version, the figures it read and its sentence, from the day it was
-- raised to the day it cleared. A flag is one line while its rule keeps
-- finding it: new figures (a later period, a revision) change the line and
-- its fingerprint, and the day they did; once the rule stops finding it, the
-- line is cleared and kept. An adviser's acknowledgement mutes a flag while
-- its fingerprint is unchanged ("no automatic red flag where the issue is
-- known and being dealt with"); acknowledgements are never changed or
-- deleted.

create table flag (
  id           bigint generated always as identity primary key,
  area_code    text not null references area (code),
  rule         text not null check (rule in ('worse_and_worsening', 'in_year_special_cause', 'off_trajectory', 'reserves_horizon', 'missing_return')),
  rule_version integer not null check (rule_version >= 1),
  -- the metric it read; none for a rule over no one metric
  metric_code  text references metric (code),
  -- what else tells two flags of a rule and metric apart: the target, off trajectory
  subject      text not null default '',
  period       text,
  figures      jsonb not null check (jsonb_typeof(figures) = 'object'),
  sentence     text not null check (length(sentence) between 1 and 1000),
  fingerprint  text not null,
  raised_at    timestamptz not null,
  changed_at   timestamptz not null,
  cleared_at   timestamptz,
  check (changed_at >= raised_at and (cleared_at is null or cleared_at >= changed_at))
);
-- at most one open flag a council, rule, metric and subject
create unique index flag_open on flag (area_code, rule, coalesce(metric_code, ''), subject) where cleared_at is null;
create index flag_open_metric on flag (metric_code) where cleared_at is null;
create index flag_area on flag (area_code, raised_at desc);

create table flag_acknowledgement (
  id              integer generated always as identity primary key,
  area_code       text not null references area (code),
  fingerprint     text not null,
  reason          text not null check (length(btrim(reason)) between 1 and 2000),
  -- who, as the audit trail names them
  acknowledged_by text not null,
  acknowledged_at timestamptz not null default now()
);
create index flag_acknowledgement_area on flag_acknowledgement (area_code, fingerprint);
