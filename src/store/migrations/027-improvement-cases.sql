-- Improvement cases (issue 19; IMPROVEMENT.md, "Early warning and improvement
-- cases"; seed 004, appendix 1): the "single conversation" a sector body has
-- with a council that may be facing performance challenges, the evidence it
-- was opened on, its meetings and their next steps, the outcome agreed (one
-- of the five), the events of statutory action (a Best Value Notice, an
-- inspection, an intervention), the support package it leads to, and the
-- Performance Support Panel that oversees the packages.
--
-- Who did what is kept twice, as the rest of Lantern keeps it: the user (for
-- the access policy: a lead adviser, the owner of a step, a reader named on a
-- confidential note) and, in *_by columns, the name the audit trail uses
-- (a person, or the console as cli:<login>). What is history is never
-- changed: outcomes and decisions are append-only; the latest is current.

create table improvement_case (
  id                    integer generated always as identity primary key,
  area_code             text not null references area (code),
  -- the single conversation may span the corporate centre, children's and adults' services
  strands               text[] not null check (cardinality(strands) between 1 and 3
                          and strands <@ array['corporate', 'childrens', 'adults']),
  -- how it began: from flags, from items of intelligence, or the council asked (000 §10; 004)
  opened_from           text not null check (opened_from in ('flags', 'intelligence', 'council_request')),
  -- the council's own words, when it asked
  council_request       text check (council_request is null or length(btrim(council_request)) between 1 and 4000),
  -- where it stands: in conversation, an outcome agreed, support under way, closed
  stage                 text not null default 'conversation' check (stage in ('conversation', 'outcome_agreed', 'support', 'closed')),
  lead_adviser_id       integer not null references user_account (id),
  -- the sector body that holds it: a case is restricted to it and to the council
  owner_organisation_id integer not null references organisation (id),
  -- those liaised with: [{ "name", "role" }] (a regional partner, an inspectorate, a department)
  liaised_with          jsonb not null default '[]' check (jsonb_typeof(liaised_with) = 'array'),
  summary               text not null check (length(btrim(summary)) between 1 and 4000),
  closure               text check (closure in ('improved', 'explained', 'escalated', 'withdrawn')),
  closure_reason        text check (closure_reason is null or length(btrim(closure_reason)) between 1 and 4000),
  -- what "improved" rests on: [{ "kind": "flag_cleared" | "milestones_met" | "significant_improvement", … }]
  closure_evidence      jsonb not null default '[]' check (jsonb_typeof(closure_evidence) = 'array'),
  closed_on             date,
  -- counts every change, so that an edit made from an older reading is refused (409)
  revision              integer not null default 1,
  opened_by             text not null,
  opened_at             timestamptz not null default now(),
  updated_by            text not null,
  updated_at            timestamptz not null default now(),
  check ((closure is null) = (closed_on is null)),
  check ((closure is null) = (stage <> 'closed')),
  check (closure is null or closure_reason is not null),
  check (opened_from <> 'council_request' or council_request is not null)
);
-- at most one open case a council: the single conversation
create unique index improvement_case_open on improvement_case (area_code) where closure is null;
create index improvement_case_area on improvement_case (area_code, opened_at desc);

-- The evidence a case was opened on or later cites: "specific and evidence-based".
create table case_evidence (
  id                    integer generated always as identity primary key,
  case_id               integer not null references improvement_case (id),
  flag_id               bigint references flag (id),
  intelligence_item_id  integer references intelligence_item (id),
  cited_by              text not null,
  cited_at              timestamptz not null default now(),
  check (num_nonnulls(flag_id, intelligence_item_id) = 1)
);
create unique index case_evidence_flag on case_evidence (case_id, flag_id) where flag_id is not null;
create unique index case_evidence_item on case_evidence (case_id, intelligence_item_id) where intelligence_item_id is not null;

-- A meeting of the conversation, "normally … at Chief Executive level".
create table case_meeting (
  id                    integer generated always as identity primary key,
  case_id               integer not null references improvement_case (id),
  held_on               date not null,
  -- [{ "name", "role", "organisation" }]
  attendees             jsonb not null check (jsonb_typeof(attendees) = 'array' and jsonb_array_length(attendees) >= 1),
  chief_executive_level boolean not null,
  recorded_by           text not null,
  recorded_at           timestamptz not null default now()
);
create index case_meeting_case on case_meeting (case_id, held_on);

-- A meeting's notes: restricted (the sector body and the council) or
-- confidential to the people named, who alone (with the author) read them.
create table case_note (
  id                    integer generated always as identity primary key,
  case_id               integer not null references improvement_case (id),
  meeting_id            integer references case_meeting (id),
  classification        text not null check (classification in ('restricted', 'confidential')),
  body                  text not null check (length(btrim(body)) between 1 and 20000),
  author_id             integer not null references user_account (id),
  -- the people a confidential note is for, besides its author
  readers               integer[] not null default '{}',
  written_at            timestamptz not null default now(),
  check (classification = 'confidential' or cardinality(readers) = 0)
);
create index case_note_case on case_note (case_id);

-- A next step agreed at a meeting, with its owner and due date; a daily job
-- reminds the owner once when it is overdue.
create table case_next_step (
  id                    integer generated always as identity primary key,
  case_id               integer not null references improvement_case (id),
  meeting_id            integer references case_meeting (id),
  action                text not null check (length(btrim(action)) between 1 and 2000),
  owner_name            text not null check (length(btrim(owner_name)) between 1 and 200),
  -- the owner as a user of Lantern, where they are one (for reminders)
  owner_user_id         integer references user_account (id),
  due_on                date not null,
  done_on               date,
  created_by            text not null,
  created_at            timestamptz not null default now()
);
create index case_next_step_due on case_next_step (due_on) where done_on is null;

-- The outcome of the conversation: one of the five (004, appendix 1), with
-- its reason, date and the council's view. A new outcome supersedes the last;
-- none is changed or deleted.
create table case_outcome (
  id                    integer generated always as identity primary key,
  case_id               integer not null references improvement_case (id),
  outcome               text not null check (outcome in ('satisfactory_explanation', 'steps_in_place', 'light_touch_support', 'support_package', 'not_accepted')),
  reason                text not null check (length(btrim(reason)) between 1 and 4000),
  -- satisfactory explanation: what corrects "the appearance of a potential concern"
  correction            text,
  -- appropriate steps in place, kept under review: by when it is looked at again
  review_on             date,
  -- light-touch support: good practice at another council, a top team session, mentoring
  light_touch           text check (light_touch in ('good_practice', 'top_team_session', 'mentoring')),
  -- the council does not accept it: the difference of view and when it is discussed next
  difference_of_view    text,
  next_discussion_on    date,
  council_view          text,
  decided_on            date not null,
  recorded_by           text not null,
  recorded_at           timestamptz not null default now(),
  check (outcome <> 'satisfactory_explanation' or correction is not null),
  check (outcome <> 'steps_in_place' or review_on is not null),
  check (outcome <> 'light_touch_support' or light_touch is not null),
  check (outcome <> 'not_accepted' or (difference_of_view is not null and next_discussion_on is not null))
);
create index case_outcome_case on case_outcome (case_id, id desc);

-- Statutory action on the case: a Best Value Notice (6 or 12 months, may be
-- renewed), an inspection, an intervention; a renewal names what it renews.
create table case_event (
  id                    integer generated always as identity primary key,
  case_id               integer not null references improvement_case (id),
  kind                  text not null check (kind in ('best_value_notice', 'inspection', 'intervention')),
  description           text not null check (length(btrim(description)) between 1 and 4000),
  starts_on             date not null,
  ends_on               date,
  renews_event_id       integer references case_event (id),
  recorded_by           text not null,
  recorded_at           timestamptz not null default now(),
  check (ends_on is null or ends_on >= starts_on)
);
create index case_event_case on case_event (case_id, starts_on);

-- A support package: "a bigger degree of support is needed", reported to the Panel.
create table support_package (
  id                    integer generated always as identity primary key,
  case_id               integer not null references improvement_case (id),
  -- ["objective", …]
  objectives            jsonb not null check (jsonb_typeof(objectives) = 'array' and jsonb_array_length(objectives) >= 1),
  -- [{ "name", "kind" }]: a mentor, a peer, a consultancy, the sector body itself
  providers             jsonb not null default '[]' check (jsonb_typeof(providers) = 'array'),
  agreed_on             date not null,
  status                text not null default 'active' check (status in ('active', 'completed', 'withdrawn')),
  revision              integer not null default 1,
  created_by            text not null,
  created_at            timestamptz not null default now(),
  updated_by            text not null,
  updated_at            timestamptz not null default now()
);
create index support_package_case on support_package (case_id);

create table package_milestone (
  id                    integer generated always as identity primary key,
  package_id            integer not null references support_package (id),
  title                 text not null check (length(btrim(title)) between 1 and 500),
  owner_name            text not null check (length(btrim(owner_name)) between 1 and 200),
  owner_user_id         integer references user_account (id),
  due_on                date not null,
  met_on                date
);
create index package_milestone_due on package_milestone (due_on) where met_on is null;

-- A metric the package should move: its baseline in the hub, the direction
-- and the period by which; progress is read from the benchmark index.
create table package_metric (
  id                    integer generated always as identity primary key,
  package_id            integer not null references support_package (id),
  metric_code           text not null references metric (code),
  baseline_period       text not null,
  baseline_value        double precision not null,
  direction             text not null check (direction in ('up', 'down')),
  by_period             text not null
);
create unique index package_metric_once on package_metric (package_id, metric_code);

-- The Performance Support Panel: "political oversight", "to challenge officers
-- about the effectiveness of the support" (004).
create table panel_meeting (
  id                    integer generated always as identity primary key,
  owner_organisation_id integer not null references organisation (id),
  held_on               date not null,
  title                 text not null check (length(btrim(title)) between 1 and 200),
  created_by            text not null,
  created_at            timestamptz not null default now()
);
create index panel_meeting_held on panel_meeting (held_on desc);

create table panel_agenda_item (
  id                    integer generated always as identity primary key,
  meeting_id            integer not null references panel_meeting (id),
  position              integer not null check (position >= 1),
  -- why it is on the agenda: drafted from the cases, or added by hand
  kind                  text not null check (kind in ('new_package', 'overdue_milestone', 'unmoved_metric', 'proposed_closure', 'action_monitor', 'other')),
  case_id               integer references improvement_case (id),
  title                 text not null check (length(btrim(title)) between 1 and 500),
  -- a confidential item is taken in private and left out of the public pack
  confidential          boolean not null default false,
  unique (meeting_id, position)
);

-- What the Panel decided; never changed, a later decision supersedes.
create table panel_decision (
  id                    integer generated always as identity primary key,
  meeting_id            integer not null references panel_meeting (id),
  agenda_item_id        integer references panel_agenda_item (id),
  decision              text not null check (length(btrim(decision)) between 1 and 4000),
  recorded_by           text not null,
  recorded_at           timestamptz not null default now()
);

-- The action monitor: "Action by", progress carried to the next meeting.
create table panel_action (
  id                    integer generated always as identity primary key,
  meeting_id            integer not null references panel_meeting (id),
  agenda_item_id        integer references panel_agenda_item (id),
  action                text not null check (length(btrim(action)) between 1 and 2000),
  action_by             text not null check (length(btrim(action_by)) between 1 and 200),
  owner_user_id         integer references user_account (id),
  due_on                date not null,
  progress              text,
  done_on               date,
  -- the action it carries forward from an earlier meeting
  carried_from          integer references panel_action (id)
);
create index panel_action_due on panel_action (due_on) where done_on is null;

-- Referral to the Panel, a region or a department is a share of the case.
alter table share drop constraint share_record_kind_check;
alter table share add constraint share_record_kind_check check (record_kind in ('intelligence_item', 'observation', 'improvement_case'));
