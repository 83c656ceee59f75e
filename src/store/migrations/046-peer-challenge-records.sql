-- Peer challenge at the HTTP edge (issue 21): who holds a challenge, the
-- history of its steps, the due dates a change of deadline rules moved, and
-- what the team found and published.
--
-- A challenge is held by the sector body whose peer challenge manager opened
-- it: its scoping and drafts are restricted to that body, the council and
-- the team (the access policy, kind 'peer_challenge').
alter table peer_challenge add column held_by integer references organisation (id);

-- Each lifecycle step as it was taken: the step, its day, what it said (the
-- focus areas, the week, the reason for closing), who and when.
create table peer_challenge_step (
  id            integer generated always as identity primary key,
  challenge_id  integer not null references peer_challenge (id),
  step          text not null check (step in ('enquire', 'scope', 'book', 'confirm_team', 'arrive', 'give_feedback', 'send_report_for_fact_check',
                  'publish_report', 'publish_action_plan', 'hold_progress_review', 'publish_progress_review_report', 'close')),
  stage         text not null,
  on_day        date,
  detail        text not null default '',
  revision      integer not null,
  taken_by      integer references user_account (id),
  taken_at      timestamptz not null default now()
);
create index peer_challenge_step_challenge on peer_challenge_step (challenge_id, id);

-- Each version of the deadline rules as applied to the programme, so that
-- the rules a challenge's due dates were worked out by can be read back.
create table peer_deadline_rules (
  version     integer primary key,
  from_day    date not null,
  rules       jsonb not null,
  applied_by  integer references user_account (id),
  applied_at  timestamptz not null default now()
);

-- A due date a change of deadline rules moved, added or took away, with the
-- sentence that says why; kept for ever.
create table peer_challenge_due_move (
  id            integer generated always as identity primary key,
  challenge_id  integer not null references peer_challenge (id),
  item          text not null check (item in ('report', 'action_plan', 'progress_review', 'progress_review_report')),
  from_on       date,
  to_on         date,
  from_version  integer not null,
  to_version    integer not null,
  sentence      text not null,
  moved_at      timestamptz not null default now()
);
create index peer_challenge_due_move_challenge on peer_challenge_due_move (challenge_id, id);

-- What the team found, each citing the metrics it rests on (codes of the
-- metric library), as a draft of the team's until the report is published.
create table peer_challenge_finding (
  id            integer generated always as identity primary key,
  challenge_id  integer not null references peer_challenge (id),
  finding       text not null check (length(btrim(finding)) between 1 and 4000),
  metrics       text[] not null default '{}',
  written_by    integer references user_account (id),
  written_at    timestamptz not null default now()
);
create index peer_challenge_finding_challenge on peer_challenge_finding (challenge_id, id);

-- The report and the action plan as published: each version frozen (never
-- changed), a later one superseding it.
create table peer_challenge_publication (
  id            integer generated always as identity primary key,
  challenge_id  integer not null references peer_challenge (id),
  document      text not null check (document in ('report', 'action_plan')),
  version       integer not null check (version >= 1),
  body          text not null check (length(btrim(body)) between 1 and 100000),
  -- the findings the report published, as they stood
  findings      jsonb not null default '[]',
  published_by  integer references user_account (id),
  published_at  timestamptz not null default now(),
  unique (challenge_id, document, version)
);

-- A recommendation of the report, the actions the council takes on it, and
-- the evidence that each action was done.
create table peer_challenge_recommendation (
  id              integer generated always as identity primary key,
  challenge_id    integer not null references peer_challenge (id),
  recommendation  text not null check (length(btrim(recommendation)) between 1 and 2000),
  added_by        integer references user_account (id),
  added_at        timestamptz not null default now()
);
create index peer_challenge_recommendation_challenge on peer_challenge_recommendation (challenge_id, id);

create table peer_challenge_action (
  id                 integer generated always as identity primary key,
  recommendation_id  integer not null references peer_challenge_recommendation (id),
  action             text not null check (length(btrim(action)) between 1 and 2000),
  due_on             date,
  evidence           text check (length(btrim(evidence)) between 1 and 2000),
  done_on            date,
  added_by           integer references user_account (id),
  added_at           timestamptz not null default now(),
  check ((done_on is null) = (evidence is null))
);
create index peer_challenge_action_recommendation on peer_challenge_action (recommendation_id, id);

-- A peer challenge may be shared (joining its team is a share the council
-- sees). Other migrations widen this check too, so add the kind to whatever
-- it holds rather than write the list again.
do $$
declare
  def text;
begin
  select pg_get_constraintdef(oid) into def from pg_constraint where conname = 'share_record_kind_check' and conrelid = 'share'::regclass;
  if position('''peer_challenge''' in def) = 0 then
    alter table share drop constraint share_record_kind_check;
    execute 'alter table share add constraint share_record_kind_check ' || replace(def, 'ARRAY[', 'ARRAY[''peer_challenge''::text, ');
  end if;
end $$;
