-- Peer challenge reminders (issue 21, item 7): the daily job tells a
-- challenge's manager and the council's contacts of each due item (the
-- report, the action plan, the progress review and its report) twice: a
-- fortnight before its due date and on the day. They go in the same outbox
-- as the improvement case's reminders (migration 030): shown in Lantern and
-- emailed when SMTP is configured.
--
-- A case's reminder is one a thing and due date, to one person (its owner or
-- the lead adviser). A peer challenge's is one a challenge, item, due date,
-- moment and person: the moment is in the key, so that "a fortnight before"
-- and "on the day" are each made once, across restarts and servers, and a
-- due date moved by a change of the rules makes new ones. The old ones stay
-- as they were shown, with the date they named; their email is no longer
-- sent once the date has moved (src/store/reminders.ts, claimEmails).

alter table reminder drop constraint reminder_kind_check;
alter table reminder add constraint reminder_kind_check check (kind in ('outcome_review', 'next_discussion', 'next_step', 'milestone', 'panel_action',
  'peer_report', 'peer_action_plan', 'peer_progress_review', 'peer_progress_review_report'));

-- the challenge a peer challenge reminder is about (its thing_id too)
alter table reminder add column peer_challenge_id integer references peer_challenge (id);
-- when it was made: a case's thing once overdue; a challenge's item a fortnight before its due date, or on the day
alter table reminder add column moment text not null default 'overdue' check (moment in ('overdue', 'fortnight_before', 'on_the_day'));

-- A case's reminder is found at its case or Panel meeting, once overdue; a peer challenge's at its challenge, before or on the day.
alter table reminder drop constraint reminder_check;
alter table reminder add constraint reminder_where check (
  case when kind like 'peer\_%'
    then peer_challenge_id = thing_id and moment in ('fortnight_before', 'on_the_day') and num_nonnulls(case_id, package_id, panel_meeting_id) = 0
    else peer_challenge_id is null and moment = 'overdue' and num_nonnulls(case_id, panel_meeting_id) >= 1
  end);

alter table reminder drop constraint reminder_kind_thing_id_due_on_key;
create unique index reminder_once on reminder (kind, thing_id, due_on) where peer_challenge_id is null;
create unique index reminder_peer_challenge_once on reminder (peer_challenge_id, kind, due_on, moment, user_id) where peer_challenge_id is not null;

-- Team suggestion reads the whole peer pool with each peer's days given, on
-- every call, while a manager waits (issue 21: p99 within 100 ms over 5,000
-- peers). What it reads changes only when a peer, their days away, their
-- conflicts or a booking changes, so a server keeps the pool it read with
-- the generation it read it at (src/store/team-inputs.ts), and when the
-- generation has moved reads again only the peers touched since. Each
-- transaction that changes those tables moves the generation once, at its
-- commit (a deferred trigger), so the lock on the one row is held only as
-- the transaction ends and never while it waits for another lock, and
-- generations are numbered in the order their transactions commit.
create table peer_pool_generation (
  only_row    boolean primary key default true check (only_row),
  generation  bigint not null default 0,
  -- the transaction that moved it last, so that it moves once a transaction
  moved_by    xid8
);
insert into peer_pool_generation default values;

-- The peers each generation touched, for the last 10,000 generations (a
-- server whose pool is older reads it whole).
create table peer_pool_touched (
  generation  bigint not null,
  peer_id     integer not null,
  primary key (generation, peer_id)
);

-- TG_ARGV[0] names the column that holds the peer's id.
create function peer_pool_moved() returns trigger language plpgsql as $$
declare
  moved bigint;
begin
  update peer_pool_generation set generation = generation + 1, moved_by = pg_current_xact_id()
  where moved_by is distinct from pg_current_xact_id() returning generation into moved;
  if found then
    delete from peer_pool_touched where generation <= moved - 10000;
  else
    select generation into moved from peer_pool_generation;
  end if;
  insert into peer_pool_touched (generation, peer_id)
  values (moved, (to_jsonb(case when TG_OP = 'DELETE' then OLD else NEW end) ->> TG_ARGV[0])::integer)
  on conflict do nothing;
  return null;
end $$;

create constraint trigger peer_pool_moved after insert or update or delete on peer deferrable initially deferred for each row execute function peer_pool_moved('id');
create constraint trigger peer_pool_moved after insert or update or delete on peer_unavailable deferrable initially deferred for each row execute function peer_pool_moved('peer_id');
create constraint trigger peer_pool_moved after insert or update or delete on peer_conflict deferrable initially deferred for each row execute function peer_pool_moved('peer_id');
create constraint trigger peer_pool_moved after insert or update or delete on peer_booking deferrable initially deferred for each row execute function peer_pool_moved('peer_id');

-- The bookings that touch a week, whoever holds them: the suggestion's and the calendar's read.
create index peer_booking_during on peer_booking using gist (during) where released_at is null;
