-- Reminders (issue 19, item 8): a daily job tells owners, once, of each
-- overdue review of an outcome, next discussion, next step, milestone and
-- Panel action, in Lantern and by email when SMTP is configured. One line a
-- thing and due date: the unique key makes the reminder once however often
-- the job runs, across restarts and however many servers run it. Moving the
-- due date makes a new thing to be late for, and so a new reminder.
--
-- What it is about is kept as it read on the day (the action, the council,
-- where to find it), so that the reminder still says what it said after the
-- thing changes.

create table reminder (
  id               integer generated always as identity primary key,
  -- what fell due: an outcome's review or next discussion, a case's next step, a package's milestone, a Panel action
  kind             text not null check (kind in ('outcome_review', 'next_discussion', 'next_step', 'milestone', 'panel_action')),
  -- the row of that kind's table (case_outcome, case_next_step, package_milestone, panel_action)
  thing_id         integer not null,
  due_on           date not null,
  user_id          integer not null references user_account (id),
  -- the owner as named, when they are not a user of Lantern and the case's lead adviser is told instead
  instead_of       text,
  -- what is overdue, in words, and the council it is about
  subject          text not null check (length(btrim(subject)) >= 1),
  area_code        text references area (code),
  -- where to find it: the case, and the package or Panel meeting where it has one
  case_id          integer references improvement_case (id),
  package_id       integer references support_package (id),
  panel_meeting_id integer references panel_meeting (id),
  -- the day in London the job found it overdue, and the instant it was shown in Lantern
  reminded_on      date not null,
  shown_at         timestamptz not null default now(),
  read_at          timestamptz,
  -- email: claimed for one attempt a day (so a restart mid-run sends nothing twice), sent, or why it failed
  emailed_at       timestamptz,
  email_tried_on   date,
  email_attempts   integer not null default 0,
  email_error      text,
  unique (kind, thing_id, due_on),
  check (num_nonnulls(case_id, panel_meeting_id) >= 1)
);
create index reminder_user on reminder (user_id, shown_at desc);
create index reminder_unsent on reminder (email_tried_on) where emailed_at is null;
