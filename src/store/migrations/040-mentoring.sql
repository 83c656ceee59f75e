-- Mentoring (issue 21, build item 8): a mentor from the peer pool and a
-- mentee (a chief executive, a leader or a lead member) of a council, their
-- objectives, dates and sessions, and the mentee's closing review. Who the
-- pair are and their dates are the arrangement's (the policy's 'mentoring',
-- held by the provider that arranged it); what the pair write (session
-- notes, notes on objectives) is confidential to them ('mentoring_note').
create table mentoring (
  id                     integer generated always as identity primary key,
  mentor_peer_id         integer not null references peer (id),
  mentee_name            text not null check (length(btrim(mentee_name)) between 1 and 200),
  mentee_role            text not null check (mentee_role in ('chief_executive', 'leader', 'lead_member')),
  area_code              text not null references area (code),
  -- the mentee as a user of Lantern, for the notes and the review
  mentee_user_id         integer references user_account (id),
  start_on               date not null,
  end_on                 date not null,
  -- the provider's organisation that arranged it, which holds it
  organisation_id        integer not null references organisation (id),
  arranged_by            integer references user_account (id),
  arranged_at            timestamptz not null default now(),
  helpful                text check (helpful in ('yes', 'partly', 'no')),
  what_changed           text,
  reviewed_at            timestamptz,
  check (end_on >= start_on),
  check ((helpful is null) = (what_changed is null) and (helpful is null) = (reviewed_at is null))
);
-- one open arrangement for a mentee of a council at a time
create unique index mentoring_one_open on mentoring (area_code, mentee_role, lower(btrim(mentee_name))) where reviewed_at is null;
create index mentoring_mentor on mentoring (mentor_peer_id);

create table mentoring_objective (
  mentoring_id  integer not null references mentoring (id),
  position      integer not null check (position >= 1),
  objective     text not null check (length(btrim(objective)) between 1 and 1000),
  primary key (mentoring_id, position)
);

-- A session: its day and length are the arrangement's; its notes the pair's.
create table mentoring_session (
  id            integer generated always as identity primary key,
  mentoring_id  integer not null references mentoring (id),
  held_on       date not null,
  minutes       integer not null check (minutes between 5 and 600),
  recorded_by   integer references user_account (id),
  recorded_at   timestamptz not null default now()
);
create index mentoring_session_of on mentoring_session (mentoring_id, held_on);

-- What one of the pair wrote: a session's notes, or a note on an objective.
create table mentoring_note (
  id            integer generated always as identity primary key,
  mentoring_id  integer not null references mentoring (id),
  session_id    integer references mentoring_session (id),
  objective     integer,
  note          text not null check (length(btrim(note)) between 1 and 5000),
  written_by    integer not null references user_account (id),
  written_at    timestamptz not null default now(),
  foreign key (mentoring_id, objective) references mentoring_objective (mentoring_id, position)
);
create index mentoring_note_of on mentoring_note (mentoring_id);
