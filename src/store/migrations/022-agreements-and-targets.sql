-- Agreements of targets (IMPROVEMENT.md, "Targets and agreements"): a Local
-- Area Agreement or a council's plan, its partners, its targets with their
-- baseline, trajectory and tolerance rule, the progress reviews of its
-- partners, the versions frozen at sign-off and the log of every change made
-- in an annual refresh. Sign-off versions, reviews and the change log are
-- kept: triggers refuse their change or deletion, whoever asks.

create table agreement (
  id               integer generated always as identity primary key,
  -- the council (or body) that holds it: its members draft and change it
  organisation_id  integer not null references organisation (id),
  kind             text not null check (kind in ('local_area_agreement', 'multi_area_agreement', 'council_plan', 'partnership_plan')),
  title            text not null check (length(title) between 1 and 200),
  -- the plan's years, as the labels given and the dates they span
  first_year       text not null,
  last_year        text not null,
  plan_start       date not null,
  plan_end         date not null check (plan_end > plan_start),
  status           text not null default 'draft' check (status in ('draft', 'negotiation', 'signed_off', 'in_refresh', 'closed')),
  -- the version a sign-off freezes next; 1 until the first sign-off
  version          integer not null default 1 check (version >= 1),
  areas            text[] not null check (cardinality(areas) between 1 and 500),
  -- 2008: up to 35 designated targets from the national indicator set; data, not a constant
  designated_cap   integer not null default 35 check (designated_cap between 0 and 500),
  -- counts every change, so that an edit made from an older reading is refused
  revision         integer not null default 1,
  -- who, as the audit trail names them: a person, or the console (cli:<login>)
  created_by       text not null,
  updated_by       text not null,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index agreement_organisation on agreement (organisation_id);

create table agreement_partner (
  id               integer generated always as identity primary key,
  agreement_id     integer not null references agreement (id),
  kind             text not null check (kind in ('council', 'police', 'health', 'fire_and_rescue', 'voluntary_sector')),
  name             text not null check (length(name) between 1 and 200),
  -- the partner's organisation in Lantern, where it has one: its members read the drafts
  organisation_id  integer references organisation (id)
);
create unique index agreement_partner_name on agreement_partner (agreement_id, lower(name));

create table target (
  -- stable across refreshes: a target keeps its id, and its old reference numbers resolve
  id                   integer generated always as identity primary key,
  agreement_id         integer not null references agreement (id),
  reference            text not null check (length(reference) between 1 and 40),
  former_references    text[] not null default '{}',
  metric_code          text not null references metric (code),
  areas                text[] not null check (cardinality(areas) >= 1),
  kind                 text not null check (kind in ('designated', 'statutory', 'local')),
  indicator_role       text not null check (indicator_role in ('performance', 'contextual')),
  baseline_period      text,
  baseline_value       double precision,
  target_period        text not null,
  target_value         double precision,
  trajectory_shape     text not null check (trajectory_shape in ('straight', 'profiled', 'stepped')),
  -- [{ period, value }], ending at the target
  trajectory           jsonb not null default '[]',
  lead_partner_id      integer not null references agreement_partner (id),
  contributing_partner_ids integer[] not null default '{}',
  -- the rule that rates it, as data, with the rule's version
  tolerance_rule       jsonb not null,
  tolerance_version    integer not null default 1 check (tolerance_version >= 1),
  -- a placeholder awaits a definition or a baseline by this date
  placeholder_due      date,
  -- why a target worse than its baseline was agreed (a downturn, a survey baseline)
  worse_reason         text check (length(worse_reason) <= 2000),
  -- the target this one continues, when its metric was replaced by a successor
  replaces_target_id   integer references target (id),
  retired_at           timestamptz,
  revision             integer not null default 1,
  updated_by           text not null,
  updated_at           timestamptz not null default now(),
  check ((baseline_value is null or target_value is null) = (placeholder_due is not null))
);
create unique index target_reference on target (agreement_id, lower(reference)) where retired_at is null;
create unique index target_line on target (agreement_id, metric_code, areas) where retired_at is null;
create index target_metric on target (metric_code);

-- What a sign-off froze: the agreement and its targets as signed.
create table agreement_version (
  agreement_id   integer not null references agreement (id),
  version        integer not null check (version >= 1),
  signed_off_at  timestamptz not null default now(),
  signed_off_by  text not null,
  snapshot       jsonb not null,
  primary key (agreement_id, version)
);

create table progress_review (
  id           integer generated always as identity primary key,
  target_id    integer not null references target (id),
  reviewed_on  date not null,
  likelihood   text not null check (likelihood in ('green', 'amber_green', 'amber', 'amber_red', 'red')),
  narrative    text not null check (length(btrim(narrative)) between 1 and 5000),
  -- [{ id, action, owner, due }]: actions keep their ids from review to review
  actions      jsonb not null default '[]',
  risks        text check (length(risks) <= 5000),
  -- the values and ratings as at the review's date, never recomputed
  frozen       jsonb not null default '{}',
  published    boolean not null default false,
  recorded_by  text not null,
  recorded_at  timestamptz not null default now()
);
create index progress_review_target on progress_review (target_id, reviewed_on desc);

-- The annual refresh (2008: concluded in March, no change without its reason
-- and approval): each change to a signed-off target, old and new.
create table target_change (
  id           integer generated always as identity primary key,
  target_id    integer not null references target (id),
  version      integer not null,
  field        text not null,
  old_value    jsonb,
  new_value    jsonb,
  reason       text not null check (length(btrim(reason)) between 1 and 2000),
  proposed_by  text not null check (length(proposed_by) between 1 and 200),
  approved_by  text not null check (length(approved_by) between 1 and 200),
  changed_on   date not null,
  recorded_by  text not null,
  recorded_at  timestamptz not null default now()
);
create index target_change_target on target_change (target_id, id);

create function refuse_agreement_record_change() returns trigger language plpgsql as $$
begin
  raise exception '% is kept: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger agreement_version_kept before update or delete on agreement_version for each row execute function refuse_agreement_record_change();
create trigger agreement_version_kept_whole before truncate on agreement_version for each statement execute function refuse_agreement_record_change();
create trigger progress_review_kept before update or delete on progress_review for each row execute function refuse_agreement_record_change();
create trigger progress_review_kept_whole before truncate on progress_review for each statement execute function refuse_agreement_record_change();
create trigger target_change_kept before update or delete on target_change for each row execute function refuse_agreement_record_change();
create trigger target_change_kept_whole before truncate on target_change for each statement execute function refuse_agreement_record_change();
