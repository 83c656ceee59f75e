-- The end of an agreement (issue 18, "End of agreement"): each target's
-- outcome in each of its areas (achieved; partly, with the share of the
-- improvement sought; not achieved; not assessable, with the reason), frozen
-- at the date the agreement closed with the figures it was judged on and the
-- reward rule that priced it. A frozen outcome never changes: later revisions
-- of the data are shown beside it, worked out afresh, and never written here.

-- The agreement's reward rule, as data with its version: agreed with the
-- agreement (a sign-off's snapshot holds it), and copied into every outcome
-- it prices, so that a rule changed later never reprices a frozen outcome.
-- 2008's reward grant paid a part from 60% of the improvement sought.
alter table agreement add column reward_rule jsonb not null default '{"version": 1, "partFromShare": 0.6}';

create table target_outcome (
  id              integer generated always as identity primary key,
  agreement_id    integer not null references agreement (id),
  target_id       integer not null references target (id),
  -- ratings are per area, and so are outcomes: a target over three districts has three
  area_code       text not null,
  -- the agreement's version that closed, and the date it closed at
  version         integer not null check (version >= 1),
  closed_on       date not null,
  -- what was judged: the line as it stood, and the final actual (null: none, see reason)
  baseline_value  double precision,
  target_value    double precision,
  period          text,
  actual          double precision,
  share           double precision,
  outcome         text not null check (outcome in ('achieved', 'partly_achieved', 'not_achieved', 'not_assessable')),
  reason          text check (reason in ('no_data', 'suppressed', 'non_survey_year', 'break_in_series', 'placeholder', 'no_interval')),
  reward_share    double precision not null check (reward_share between 0 and 1),
  reward_rule     jsonb not null,
  reward_version  integer not null check (reward_version >= 1),
  frozen_by       text not null,
  frozen_at       timestamptz not null default now(),
  check ((outcome = 'not_assessable') = (reason is not null)),
  unique (target_id, area_code)
);
create index target_outcome_agreement on target_outcome (agreement_id, target_id);

create trigger target_outcome_kept before update or delete on target_outcome for each row execute function refuse_agreement_record_change();
create trigger target_outcome_kept_whole before truncate on target_outcome for each statement execute function refuse_agreement_record_change();
