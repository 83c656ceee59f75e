// The daily reminders, on a real store with a fake clock and a real SMTP
// server: nothing before a thing is overdue on London's calendar, one
// reminder after, none again that day, the next day or after a restart; an
// email received; a done step, a superseded outcome and a closed case left
// alone; an owner who is not a user told through the case's lead adviser; a
// failed email tried again the next day without losing the reminder.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BenchmarkEngine } from '../../src/engine/benchmark-engine.ts';
import { startLanternJobs } from '../../src/jobs/index.ts';
import { smtpMailer, type Mailer } from '../../src/jobs/mailer.ts';
import { remindersJob, sendReminders } from '../../src/jobs/reminders.ts';
import { claimEmails, remindersOf } from '../../src/store/reminders.ts';
import { eventually, openSiblingStore, QUICK } from '../support/jobs.ts';
import { openTestStore, type TestStore } from '../support/store.ts';
import { closeCase, milestone, nextStep, openCase, outcomeUnderReview, panelAction, reminderWorld, startTestSmtp, type ReminderWorld, type TestSmtp } from '../support/reminder-world.ts';

const FROM = 'lantern@sector.example';
const quiet = () => {};
const at = (instant: string) => () => new Date(instant);

describe('the daily reminders', () => {
  let store: TestStore;
  let smtp: TestSmtp;
  let mailer: Mailer;
  let world: ReminderWorld;

  before(async () => {
    store = await openTestStore();
    smtp = await startTestSmtp();
    mailer = smtpMailer({ smtpUrl: smtp.url, from: FROM });
    world = await reminderWorld(store.sql);
  });
  after(async () => {
    mailer.close();
    await smtp.close();
    await store.close();
  });

  it('reminds once of an overdue step, from midnight in London, and emails its owner once', async () => {
    const step = await nextStep(store.sql, world.caseId, { action: 'Send the revised budget plan', due: '2027-06-03', owner: world.officer });
    // 23:59 on the 3rd in London (BST): due today, not overdue.
    const onTheDay = await sendReminders(store.sql, { mailer, clock: at('2027-06-03T22:59:00Z'), log: quiet });
    assert.deepEqual([onTheDay.day, onTheDay.reminded], ['2027-06-03', 0]);
    assert.equal(smtp.received.length, 0);

    // 00:00 on the 4th in London, still the 3rd in UTC.
    const logged: string[] = [];
    const overdue = await sendReminders(store.sql, { mailer, clock: at('2027-06-03T23:00:00Z'), log: (line) => logged.push(line) });
    assert.deepEqual(overdue, { day: '2027-06-04', reminded: 1, emailed: 1, failed: 0 });
    const [reminder] = await remindersOf(store.sql, world.officer.id);
    assert.equal(reminder!.kind, 'next_step');
    assert.equal(reminder!.thingId, step);
    assert.equal(reminder!.dueOn, '2027-06-03');
    assert.equal(reminder!.caseId, world.caseId);
    assert.equal(reminder!.areaName, 'Barnsley');
    assert.equal(reminder!.insteadOf, null);
    assert.ok(reminder!.emailedAt, 'marked emailed');
    assert.match(logged.join('\n'), /reminders on 2027-06-04: 1 new, 1 emailed/);

    assert.equal(smtp.received.length, 1);
    const [email] = smtp.received;
    assert.deepEqual(email!.to, [world.officer.email]);
    assert.equal(email!.from, FROM);
    assert.match(email!.text, /Subject: Lantern reminder: Next step, due 3 June 2027/);
    assert.match(email!.text, /Next step for Barnsley, due 3 June 2027: Send the revised budget plan/);

    // Again that day, the next day, and with a new job as after a restart: nothing more.
    const again = await sendReminders(store.sql, { mailer, clock: at('2027-06-04T09:00:00Z'), log: quiet });
    const nextDay = await sendReminders(store.sql, { mailer, clock: at('2027-06-05T07:00:00Z'), log: quiet });
    await remindersJob(store.sql, { mailer, clock: at('2027-06-05T08:00:00Z'), log: quiet }).run({}, { queue: 'reminders', id: 'restart', attempt: 2 });
    assert.deepEqual([again.reminded, again.emailed, nextDay.reminded, nextDay.emailed], [0, 0, 0, 0]);
    assert.equal((await remindersOf(store.sql, world.officer.id)).length, 1);
    assert.equal(smtp.received.length, 1, 'one email in all');
  });

  it('keeps the reminder when the email fails, and emails it the next day', async () => {
    const dead = smtpMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: FROM });
    await nextStep(store.sql, world.caseId, { action: 'Share the audit letter', due: '2027-11-01', owner: world.officer });
    const logged: string[] = [];
    const failed = await sendReminders(store.sql, { mailer: dead, clock: at('2027-11-02T08:00:00Z'), log: (line) => logged.push(line) });
    dead.close();
    assert.deepEqual([failed.reminded, failed.emailed, failed.failed], [1, 0, 1]);
    assert.match(logged.join('\n'), new RegExp(`could not email user ${world.officer.id} \\(1 reminder\\(s\\)\\)`));
    const kept = (await remindersOf(store.sql, world.officer.id)).find((r) => r.subject === 'Share the audit letter');
    assert.ok(kept && kept.emailedAt === null, 'shown in Lantern, not emailed');

    // The same day, with the server back: tried once a day, so not until tomorrow.
    const sameDay = await sendReminders(store.sql, { mailer, clock: at('2027-11-02T15:00:00Z'), log: quiet });
    assert.equal(sameDay.emailed, 0);
    const before = smtp.received.length;
    const nextDay = await sendReminders(store.sql, { mailer, clock: at('2027-11-03T08:00:00Z'), log: quiet });
    assert.deepEqual([nextDay.reminded, nextDay.emailed], [0, 1]);
    assert.equal(smtp.received.length, before + 1);
    assert.match(smtp.received.at(-1)!.text, /Share the audit letter/);
  });

  it('sends nothing twice when a run stops between claiming an email and sending it', async () => {
    await nextStep(store.sql, world.caseId, { action: 'Confirm the section 114 position', due: '2027-12-01', owner: world.officer });
    // The first run recorded the reminder and claimed its email, then its server died.
    await sendReminders(store.sql, { mailer: null, clock: at('2027-12-02T08:00:00Z'), log: quiet });
    assert.equal((await claimEmails(store.sql, '2027-12-02', 7)).length, 1);
    const before = smtp.received.length;
    const retried = await sendReminders(store.sql, { mailer, clock: at('2027-12-02T08:10:00Z'), log: quiet });
    assert.deepEqual([retried.reminded, retried.emailed], [0, 0]);
    assert.equal(smtp.received.length, before);
    const nextDay = await sendReminders(store.sql, { mailer, clock: at('2027-12-03T08:00:00Z'), log: quiet });
    assert.equal(nextDay.emailed, 1);
    assert.equal(smtp.received.length, before + 1);
  });

  it('does not email a reminder already read in Lantern', async () => {
    await nextStep(store.sql, world.caseId, { action: 'Read in Lantern first', due: '2028-01-10', owner: world.officer });
    await sendReminders(store.sql, { mailer: null, clock: at('2028-01-11T08:00:00Z'), log: quiet });
    await store.sql`update reminder set read_at = now() where subject = 'Read in Lantern first'`;
    const later = await sendReminders(store.sql, { mailer, clock: at('2028-01-12T08:00:00Z'), log: quiet });
    assert.equal(later.emailed, 0);
  });

  it('leaves a done step alone, and reminds again when a step is given a later date and misses it', async () => {
    const done = await nextStep(store.sql, world.caseId, { action: 'Meet the leader', due: '2027-07-01', owner: world.other });
    await store.sql`update case_next_step set done_on = '2027-06-30' where id = ${done}`;
    const moved = await nextStep(store.sql, world.caseId, { action: 'Agree the peer review', due: '2027-07-01', owner: world.other });
    await sendReminders(store.sql, { mailer: null, clock: at('2027-07-02T12:00:00Z'), log: quiet });
    await store.sql`update case_next_step set due_on = '2027-07-10' where id = ${moved}`;
    await sendReminders(store.sql, { mailer: null, clock: at('2027-07-05T12:00:00Z'), log: quiet });
    await sendReminders(store.sql, { mailer: null, clock: at('2027-07-11T12:00:00Z'), log: quiet });
    const reminders = await remindersOf(store.sql, world.other.id);
    assert.deepEqual(reminders.map((r) => [r.thingId, r.dueOn]).sort(), [
      [moved, '2027-07-01'],
      [moved, '2027-07-10'],
    ]);
  });

  it("tells the case's lead adviser of a step whose owner is not a user, and says whose it is", async () => {
    const step = await nextStep(store.sql, world.caseId, { action: 'Publish the improvement plan', due: '2027-08-01', owner: null, ownerName: 'Kim Leader (council leader)' });
    await sendReminders(store.sql, { mailer: null, clock: at('2027-08-02T12:00:00Z'), log: quiet });
    const told = (await remindersOf(store.sql, world.adviser.id)).find((r) => r.thingId === step && r.kind === 'next_step');
    assert.equal(told?.insteadOf, 'Kim Leader (council leader)');
  });

  it("reminds of the latest outcome's review only, and nothing of a closed case", async () => {
    const superseded = await outcomeUnderReview(store.sql, world.caseId, '2027-09-01', 'First view');
    const latest = await outcomeUnderReview(store.sql, world.caseId, '2027-09-15', 'Second view');
    // One open case a council: Doncaster's, closed since its review fell due.
    await store.sql`insert into area (code, name, type) values ('E08000017', 'Doncaster', 'metropolitan_district') on conflict (code) do nothing`;
    const closed = await openCase(store.sql, world.adviser.id, world.adviser.organisationId, 'E08000017');
    await outcomeUnderReview(store.sql, closed, '2027-09-01');
    await closeCase(store.sql, closed);
    await sendReminders(store.sql, { mailer: null, clock: at('2027-09-20T12:00:00Z'), log: quiet });
    const reviews = (await remindersOf(store.sql, world.adviser.id)).filter((r) => r.kind === 'outcome_review');
    assert.deepEqual(
      reviews.map((r) => r.thingId),
      [latest],
    );
    assert.ok(!reviews.some((r) => r.thingId === superseded));
    assert.equal(reviews[0]!.subject, 'Second view');
  });

  it('reminds of an overdue milestone and a Panel action, each with where to find it', async () => {
    const { packageId, milestoneId } = await milestone(store.sql, world.caseId, 'Recovery plan agreed', '2027-10-01', null);
    const { meetingId, actionId } = await panelAction(store.sql, world.adviser.organisationId, world.caseId, 'Report progress to the Panel', '2027-10-01', world.other);
    await sendReminders(store.sql, { mailer: null, clock: at('2027-10-02T12:00:00Z'), log: quiet });
    const toAdviser = (await remindersOf(store.sql, world.adviser.id)).find((r) => r.kind === 'milestone');
    assert.deepEqual([toAdviser?.thingId, toAdviser?.packageId, toAdviser?.caseId, toAdviser?.insteadOf], [milestoneId, packageId, world.caseId, 'A mentor']);
    const toOther = (await remindersOf(store.sql, world.other.id)).find((r) => r.kind === 'panel_action');
    assert.deepEqual([toOther?.thingId, toOther?.panelMeetingId, toOther?.insteadOf], [actionId, meetingId, null]);
  });

  it("runs on Lantern's job runner, with the configuration's SMTP and the clock it is given", async () => {
    await nextStep(store.sql, world.caseId, { action: 'Sent by the runner', due: '2028-02-01', owner: world.officer });
    const engine = await BenchmarkEngine.start(store.sql, quiet, false);
    const jobs = await startLanternJobs(store, engine, { ...QUICK, log: quiet, mail: { smtpUrl: smtp.url, from: FROM }, clock: at('2028-02-02T07:00:00Z') });
    try {
      // As the schedule would send it at 07:00; the server looks for it at once rather than at its next poll.
      await jobs.runner.send('reminders', {});
      jobs.runner.wake('reminders');
      const email = await eventually('the email', () => smtp.received.find((m) => m.text.includes('Sent by the runner')));
      assert.deepEqual(email.to, [world.officer.email]);
    } finally {
      await jobs.stop();
      await engine.stop();
    }
  });

  it('reminds and emails once when two servers run the job at the same moment', async () => {
    await nextStep(store.sql, world.caseId, { action: 'Raced by two servers', due: '2028-03-01', owner: world.officer });
    const other = await openSiblingStore(store);
    try {
      const before = smtp.received.length;
      const runs = await Promise.all([store, other].map((on) => sendReminders(on.sql, { mailer, clock: at('2028-03-02T07:00:00Z'), log: quiet })));
      assert.equal(runs[0]!.reminded + runs[1]!.reminded, 1);
      assert.equal(runs[0]!.emailed + runs[1]!.emailed, 1);
      assert.equal(smtp.received.filter((m) => m.text.includes('Raced by two servers')).length, 1);
      assert.equal(smtp.received.length, before + 1);
    } finally {
      await other.close();
    }
  });
});
