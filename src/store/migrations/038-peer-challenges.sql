-- Peer challenge (issue 21): the peer pool, councils' challenges with their
-- due dates, and the bookings of peers for a challenge's dates. The rules
-- (the lifecycle, focus, team places, deadlines, conflicts) are the domain's
-- (src/domain/peer-challenge/); these tables keep what they decided.
--
-- Two managers must never both book one peer for days that overlap: an
-- exclusion constraint on (peer, dates) refuses it, whatever the order of
-- their transactions. btree_gist gives the equality on the peer; it ships
-- with PostgreSQL (and the embedded server) and is a trusted extension, so
-- the owner of the database may create it.
create extension if not exists btree_gist;

-- A member or officer peer. A member peer is a councillor with a party; every
-- other role is an officer's, with no party. The council is the one they
-- serve or served, whose conflicts they carry; null for an independent
-- specialist.
create table peer (
  id                 integer generated always as identity primary key,
  name               text not null check (length(btrim(name)) between 1 and 200),
  role               text not null check (role in ('chief_executive', 'director', 'councillor', 'specialist', 'manager')),
  party              text check (length(btrim(party)) between 1 and 100),
  area_code          text references area (code),
  skills             text[] not null default '{}',
  -- kinds of council worked in (area types)
  sector_experience  text[] not null default '{}',
  -- a peer who signs in to Lantern, for their own feed and details
  user_id            integer references user_account (id),
  added_by           integer references user_account (id),
  added_at           timestamptz not null default now(),
  check (role = 'councillor' or party is null)
);
create index peer_area on peer (area_code);

-- Days a peer cannot give, each both ends inclusive as a daterange '[from, to]'.
create table peer_unavailable (
  peer_id  integer not null references peer (id),
  during   daterange not null check (not isempty(during)),
  reason   text
);
create index peer_unavailable_peer on peer_unavailable (peer_id);

-- A conflict a peer declared with a council beyond their own and its
-- neighbours (a former employer, a spouse in post).
create table peer_conflict (
  peer_id      integer not null references peer (id),
  area_code    text not null references area (code),
  reason       text not null check (length(btrim(reason)) between 1 and 500),
  declared_by  integer references user_account (id),
  declared_at  timestamptz not null default now(),
  primary key (peer_id, area_code)
);

-- What the area register does not hold and that makes a peer of one council
-- conflicted at another: a shared boundary, kept once per pair with the
-- lesser code first; and a chief executive shared by councils, who share it
-- when they hold the same name here.
create table council_border (
  area_code        text not null references area (code),
  other_area_code  text not null references area (code),
  source           text,
  primary key (area_code, other_area_code),
  check (area_code < other_area_code)
);
create index council_border_other on council_border (other_area_code);

create table shared_chief_executive (
  area_code        text primary key references area (code),
  chief_executive  text not null check (length(btrim(chief_executive)) between 1 and 200),
  source           text
);

-- A council's peer challenge, from its enquiry to its close, as the domain's
-- lifecycle (`advance`) left it. The week on site is a daterange '[from, to]'.
create table peer_challenge (
  id                         integer generated always as identity primary key,
  area_code                  text not null references area (code),
  kind                       text not null check (kind in ('corporate', 'safeguarding', 'adults', 'childrens')),
  stage                      text not null check (stage in ('enquiry', 'scoping', 'booked', 'team_confirmed', 'on_site', 'feedback',
                               'report_fact_check', 'report_final', 'action_plan', 'progress_review', 'closed')),
  enquired_on                date not null,
  focus_areas                text[] not null default '{}',
  on_site                    daterange check (on_site is null or not isempty(on_site)),
  feedback_on                date,
  report_fact_check_on       date,
  report_published_on        date,
  action_plan_published_on   date,
  progress_review_on         date,
  progress_review_report_on  date,
  closed_on                  date,
  close_reason               text,
  -- the versions of the rules each step was checked by, and the due dates worked out by
  focus_rules_version        integer,
  composition_rule_version   integer,
  deadline_rules_version     integer,
  -- the peer challenge manager who runs it
  managed_by                 integer references user_account (id),
  -- counts every step, so that a step taken from an older reading can be refused
  revision                   integer not null default 1,
  created_at                 timestamptz not null default now(),
  updated_at                 timestamptz not null default now(),
  check ((stage = 'closed') = (closed_on is not null))
);
create index peer_challenge_area on peer_challenge (area_code, enquired_on desc, id desc);

-- A challenge's due dates as the domain's deadline rules worked them out,
-- with the rules' version and the sentence that explains each.
create table peer_challenge_due (
  challenge_id  integer not null references peer_challenge (id),
  item          text not null check (item in ('report', 'action_plan', 'progress_review', 'progress_review_report')),
  due_on        date not null,
  latest_on     date,
  rule_version  integer not null,
  sentence      text not null,
  primary key (challenge_id, item)
);
create index peer_challenge_due_on on peer_challenge_due (due_on);

-- A peer booked for a challenge's dates is on its team: one row is both. A
-- released booking stays, with who released it and why, and frees the days.
-- The lead is the team's lead (a corporate team's lead chief executive).
create table peer_booking (
  id              integer generated always as identity primary key,
  peer_id         integer not null references peer (id),
  challenge_id    integer not null references peer_challenge (id),
  during          daterange not null check (not isempty(during)),
  lead            boolean not null default false,
  booked_by       integer references user_account (id),
  booked_at       timestamptz not null default now(),
  released_at     timestamptz,
  released_by     integer references user_account (id),
  release_reason  text,
  exclude using gist (peer_id with =, during with &&) where (released_at is null)
);
create index peer_booking_challenge on peer_booking (challenge_id) where released_at is null;
create unique index peer_booking_once on peer_booking (challenge_id, peer_id) where released_at is null;
create unique index peer_booking_one_lead on peer_booking (challenge_id) where released_at is null and lead;
