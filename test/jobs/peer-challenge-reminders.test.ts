// Peer challenge reminders in the daily job, on a real store with a fake
// clock and a real SMTP server: each due item told a fortnight before and on
// the day, once each, to the manager and the council's users the policy lets
// read the challenge (not a disabled one, not another council's); nothing
// again the same day, the next day, after a restart between the claim and the
// send (emailed the next day, once), or from a second server; nothing for an
// item done or a closed challenge; a missed day made up within its window; a
// moved due date told afresh, its old reminders kept and no longer emailed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FIVE_CORE_ELEMENTS } from '../../src/domain/peer-challenge/index.ts';
import { smtpMailer, type Mailer } from '../../src/jobs/mailer.ts';
import { remindersJob, sendReminders } from '../../src/jobs/reminders.ts';
import { moveChallenge, openChallenge } from '../../src/store/peer-challenges.ts';
import { claimEmails, remindersOf } from '../../src/store/reminders.ts';
import type { Sql } from '../../src/store/store.ts';
import type { User } from '../../src/store/users.ts';
import { organisation, user } from '../support/access.ts';
import { openSiblingStore } from '../support/jobs.ts';
import { BARNSLEY, startTestSmtp, type TestSmtp } from '../support/reminder-world.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const FROM = 'lantern@sector.example';
const quiet = () => {};
/** 07:00 in London on the day (BST or GMT alike: an hour either way stays the same day). */
const on = (day: string) => () => new Date(`${day}T06:30:00Z`);

interface People {
  readonly manager: User;
  readonly officer: User;
  readonly member: User;
  readonly disabled: User;
  readonly elsewhere: User;
  readonly adviser: User;
}

async function people(sql: Sql): Promise<People> {
  await sql`insert into area (code, name, type) values (${BARNSLEY}, 'Barnsley', 'metropolitan_district'), ('E08000017', 'Doncaster', 'metropolitan_district') on conflict (code) do nothing`;
  const body = await organisation(sql, 'Sector body (peer reminders)', 'sector_body');
  const barnsley = await organisation(sql, 'Barnsley Council (peer reminders)', 'council', BARNSLEY);
  const doncaster = await organisation(sql, 'Doncaster Council (peer reminders)', 'council', 'E08000017');
  const disabled = await user(sql, 'gone@barnsley.example', 'performance_officer', barnsley.id, 'Gone Officer');
  await sql`update user_account set disabled_at = now() where id = ${disabled.id}`;
  return {
    manager: await user(sql, 'manager@sector.example', 'peer_challenge_manager', body.id, 'Mina Manager'),
    officer: await user(sql, 'officer@barnsley.example', 'performance_officer', barnsley.id, 'Owen Officer'),
    member: await user(sql, 'chief@barnsley.example', 'council_member', barnsley.id, 'Cara Chief'),
    disabled,
    elsewhere: await user(sql, 'officer@doncaster.example', 'performance_officer', doncaster.id, 'Dora Doncaster'),
    adviser: await user(sql, 'adviser@sector.example', 'principal_adviser', body.id, 'Ada Adviser'),
  };
}

/** Barnsley's corporate challenge, booked for a week: its report and action plan due three months after the week's last day. */
async function bookedChallenge(sql: Sql, managedBy: number, week: { from: string; to: string }, enquiredOn: string): Promise<number> {
  const opened = await openChallenge(sql, { councilCode: BARNSLEY, kind: 'corporate', enquiredOn, managedBy });
  assert.equal(opened.kind, 'ok');
  const id = (opened as { id: number }).id;
  for (const move of [
    { kind: 'scope', focusAreas: FIVE_CORE_ELEMENTS },
    { kind: 'book', onSite: week },
  ] as const) {
    const moved = await moveChallenge(sql, id, move, managedBy);
    assert.equal(moved.kind, 'ok', JSON.stringify(moved));
  }
  return id;
}

async function remindersAbout(sql: Sql, challengeId: number): Promise<{ kind: string; moment: string; dueOn: string; userId: number; emailed: boolean }[]> {
  return sql`
    select kind, moment, due_on::text as "dueOn", user_id as "userId", emailed_at is not null as emailed
    from reminder where peer_challenge_id = ${challengeId} order by due_on, kind, moment, user_id`;
}

describe('peer challenge reminders', () => {
  let store: TestStore;
  let smtp: TestSmtp;
  let mailer: Mailer;
  let cast: People;

  before(async () => {
    store = await openTestStore();
    smtp = await startTestSmtp();
    mailer = smtpMailer({ smtpUrl: smtp.url, from: FROM });
    cast = await people(store.sql);
  });
  after(async () => {
    mailer.close();
    await smtp.close();
    await store.close();
  });

  it('tells the manager and the council a fortnight before and on the day, once each, by one email a person', async () => {
    const id = await bookedChallenge(store.sql, cast.manager.id, { from: '2027-03-01', to: '2027-03-04' }, '2026-09-01');
    const told = [cast.manager.id, cast.officer.id, cast.member.id].sort((a, b) => a - b);

    const early = await sendReminders(store.sql, { mailer, clock: on('2027-05-20'), log: quiet });
    assert.equal(early.reminded, 0, 'nothing 15 days before');

    const before = smtp.received.length;
    const fortnight = await sendReminders(store.sql, { mailer, clock: on('2027-05-21'), log: quiet });
    assert.deepEqual([fortnight.reminded, fortnight.emailed, fortnight.failed], [6, 6, 0], 'report and action plan, to three people');
    const made = await remindersAbout(store.sql, id);
    assert.deepEqual(
      made.map((r) => [r.kind, r.moment, r.dueOn]).filter((_, i) => i % 3 === 0),
      [
        ['peer_action_plan', 'fortnight_before', '2027-06-04'],
        ['peer_report', 'fortnight_before', '2027-06-04'],
      ],
    );
    assert.deepEqual(
      [...new Set(made.map((r) => r.userId))].sort((a, b) => a - b),
      told,
      'not the disabled officer, nor Doncaster, nor the adviser',
    );
    const emails = smtp.received.slice(before);
    assert.deepEqual(emails.map((e) => e.to[0]).sort(), [cast.manager.email, cast.member.email, cast.officer.email].sort());
    assert.match(emails[0]!.text, /Subject: Lantern reminders: 2 things due or overdue/);
    assert.match(emails[0]!.text, /These fall due:/);
    assert.match(emails[0]!.text, /Peer challenge report for Barnsley, due 4 June 2027, a fortnight from this reminder: Corporate peer challenge of Barnsley, on site 1 March 2027 to 4 March 2027/);

    const page = await remindersOf(store.sql, cast.officer.id);
    assert.deepEqual(page.map((r) => [r.kind, r.moment, r.peerChallengeId]).sort(), [
      ['peer_action_plan', 'fortnight_before', id],
      ['peer_report', 'fortnight_before', id],
    ]);

    // Again that day, the next, and through the job as after a restart: nothing more.
    const again = await sendReminders(store.sql, { mailer, clock: on('2027-05-21'), log: quiet });
    const nextDay = await sendReminders(store.sql, { mailer, clock: on('2027-05-22'), log: quiet });
    await remindersJob(store.sql, { mailer, clock: on('2027-06-03'), log: quiet }).run({}, { queue: 'reminders', id: 'restart', attempt: 2 });
    assert.deepEqual([again.reminded, again.emailed, nextDay.reminded, nextDay.emailed], [0, 0, 0, 0]);
    assert.equal(smtp.received.length, before + 3);

    const onTheDay = await sendReminders(store.sql, { mailer, clock: on('2027-06-04'), log: quiet });
    assert.deepEqual([onTheDay.reminded, onTheDay.emailed], [6, 6]);
    assert.match(smtp.received.at(-1)!.text, /due 4 June 2027, the day of this reminder/);
    const afterwards = await sendReminders(store.sql, { mailer, clock: on('2027-06-05'), log: quiet });
    assert.deepEqual([afterwards.reminded, afterwards.emailed], [0, 0]);
    assert.equal((await remindersAbout(store.sql, id)).length, 12);
    assert.ok((await remindersAbout(store.sql, id)).every((r) => r.emailed));
  });

  it('sends the email the next day, never twice, when a run stops between the claim and the send', async () => {
    const id = await bookedChallenge(store.sql, cast.manager.id, { from: '2028-03-06', to: '2028-03-09' }, '2027-09-01');
    // The first run recorded the reminders and claimed their emails, then its server died.
    const recorded = await sendReminders(store.sql, { mailer: null, clock: on('2028-05-26'), log: quiet });
    assert.equal(recorded.reminded, 6);
    assert.equal((await claimEmails(store.sql, '2028-05-26', 7)).length, 6);
    const before = smtp.received.length;
    const retried = await sendReminders(store.sql, { mailer, clock: on('2028-05-26'), log: quiet });
    assert.deepEqual([retried.reminded, retried.emailed], [0, 0]);
    assert.equal(smtp.received.length, before);
    const nextDay = await sendReminders(store.sql, { mailer, clock: on('2028-05-27'), log: quiet });
    assert.deepEqual([nextDay.reminded, nextDay.emailed], [0, 6]);
    assert.equal(smtp.received.length, before + 3, 'one email to each of three people');
    const later = await sendReminders(store.sql, { mailer, clock: on('2028-05-28'), log: quiet });
    assert.equal(later.emailed, 0);
    assert.ok((await remindersAbout(store.sql, id)).every((r) => r.emailed));
  });

  it('makes each reminder once when two servers run the job at the same moment', async () => {
    const id = await bookedChallenge(store.sql, cast.manager.id, { from: '2029-03-05', to: '2029-03-08' }, '2028-09-01');
    const other = await openSiblingStore(store);
    try {
      const before = smtp.received.length;
      const runs = await Promise.all([store, other].map((s) => sendReminders(s.sql, { mailer, clock: on('2029-05-25'), log: quiet })));
      assert.equal(runs[0]!.reminded + runs[1]!.reminded, 6);
      assert.equal(runs[0]!.emailed + runs[1]!.emailed, 6);
      assert.equal((await remindersAbout(store.sql, id)).length, 6);
      const recipients = smtp.received.slice(before).flatMap((e) => e.to);
      assert.deepEqual(recipients.sort(), [cast.manager.email, cast.member.email, cast.officer.email].sort(), 'one email each, no one twice');
    } finally {
      await other.close();
    }
  });

  it('leaves alone an item done before its day and a closed challenge, and makes up a missed day within a week', async () => {
    const id = await bookedChallenge(store.sql, cast.manager.id, { from: '2030-03-04', to: '2030-03-07' }, '2029-09-01');
    await store.sql`update peer_challenge set report_published_on = '2030-05-01' where id = ${id}`;
    // No run for the fortnight or on the day: the 10th of June, three days after the due date, is within the week.
    const late = await sendReminders(store.sql, { mailer: null, clock: on('2030-06-10'), log: quiet });
    assert.equal(late.reminded, 3);
    assert.deepEqual([...new Set((await remindersAbout(store.sql, id)).map((r) => `${r.kind} ${r.moment}`))], ['peer_action_plan on_the_day']);
    await store.sql`update reminder set read_at = now() where peer_challenge_id = ${id}`; // read in Lantern: not emailed by later tests' runs

    const closed = await bookedChallenge(store.sql, cast.manager.id, { from: '2031-03-03', to: '2031-03-06' }, '2030-09-01');
    await store.sql`update peer_challenge set stage = 'closed', closed_on = '2031-04-01', close_reason = 'withdrawn' where id = ${closed}`;
    assert.equal((await sendReminders(store.sql, { mailer: null, clock: on('2031-06-06'), log: quiet })).reminded, 0);
    // A week and a day after: too late for the day's reminder.
    const missed = await bookedChallenge(store.sql, cast.manager.id, { from: '2032-03-01', to: '2032-03-04' }, '2031-09-01');
    assert.equal((await sendReminders(store.sql, { mailer: null, clock: on('2032-06-11'), log: quiet })).reminded, 0);
    assert.equal((await remindersAbout(store.sql, missed)).length, 0);
  });

  it('tells a moved due date afresh, and stops emailing the reminders of the old one', async () => {
    const id = await bookedChallenge(store.sql, cast.manager.id, { from: '2033-03-07', to: '2033-03-10' }, '2032-09-01');
    await sendReminders(store.sql, { mailer: null, clock: on('2033-05-27'), log: quiet });
    assert.equal((await remindersAbout(store.sql, id)).length, 6);
    // A change of the deadline rules moves the report a month later (as the rules' change writes it).
    await store.sql`update peer_challenge_due set due_on = '2033-07-10', rule_version = 2 where challenge_id = ${id} and item = 'report'`;
    const before = smtp.received.length;
    const nextDay = await sendReminders(store.sql, { mailer, clock: on('2033-05-28'), log: quiet });
    assert.deepEqual([nextDay.reminded, nextDay.emailed], [0, 3], "the action plan's reminders only");
    assert.equal(smtp.received.length, before + 3);
    assert.ok(smtp.received.slice(before).every((e) => !e.text.includes('Peer challenge report') && e.text.includes('Peer challenge action plan')));
    const fortnight = await sendReminders(store.sql, { mailer: null, clock: on('2033-06-26'), log: quiet });
    assert.equal(fortnight.reminded, 3);
    const made = await remindersAbout(store.sql, id);
    assert.deepEqual(
      made.filter((r) => r.kind === 'peer_report').map((r) => [r.dueOn, r.moment, r.emailed]),
      [
        ['2033-06-10', 'fortnight_before', false],
        ['2033-06-10', 'fortnight_before', false],
        ['2033-06-10', 'fortnight_before', false],
        ['2033-07-10', 'fortnight_before', false],
        ['2033-07-10', 'fortnight_before', false],
        ['2033-07-10', 'fortnight_before', false],
      ],
    );
  });
});
