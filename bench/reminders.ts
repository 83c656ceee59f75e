// The daily reminders benchmark: how long a day's run takes on the scale of
// issue 19 (2,000 improvement cases), and how long a run the same day that
// finds everything reminded already takes, as a second server's or a retry's
// would.
//
// The store is Lantern's embedded PostgreSQL in a temporary folder, with
// 2,000 councils, each with one case (a fifth open, the rest closed), and on
// each case 10 next steps, an outcome kept under review, a support package
// of 10 milestones and a Panel action. Half of every kind falls due before
// the day of the run, half after; a tenth of what is due is done. Owners are
// officers of the council, or (one in four) not users, so the lead adviser is
// told. Emails go to a real SMTP server on this machine (the smtp-server
// package), one email a person.
//
// Printed: what exists, each run's reminders and emails, and its time.
//
// Usage: node --import tsx bench/reminders.ts [--councils 2000] [--open 0.2]
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { sendReminders, type RemindersSent } from '../src/jobs/reminders.ts';
import { openStore, type Sql } from '../src/store/store.ts';
import { tempDir } from '../test/support/store.ts';
import { localSmtp } from './local-smtp.ts';

const { values } = parseArgs({ options: { councils: { type: 'string', default: '2000' }, open: { type: 'string', default: '0.2' } } });
const COUNCILS = Number(values.councils);
const OPEN = Number(values.open);
const DAY = new Date('2027-06-15T07:00:00Z');

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const fmt = (ms: number) => ms.toLocaleString('en-GB', { maximumFractionDigits: 0 });

/** Councils, their officers, advisers and cases, and everything that falls due on them, written by SQL. */
async function seed(sql: Sql): Promise<void> {
  const hash = '$argon2id$v=19$m=19456,t=2,p=1$bench$bench';
  await sql`insert into area (code, name, type) select 'E99' || lpad(n::text, 6, '0'), 'Council ' || n, 'unitary' from generate_series(1, ${COUNCILS}) n`;
  await sql`insert into organisation (name, kind) values ('Sector body', 'sector_body')`;
  await sql`insert into organisation (name, kind, area_code) select 'Council ' || n, 'council', 'E99' || lpad(n::text, 6, '0') from generate_series(1, ${COUNCILS}) n`;
  await sql`
    insert into user_account (email, name, organisation_id, role, password_hash)
    select 'adviser' || n || '@bench.example', 'Adviser ' || n, (select id from organisation where kind = 'sector_body'), 'principal_adviser', ${hash}
    from generate_series(1, 50) n`;
  await sql`
    insert into user_account (email, name, organisation_id, role, password_hash)
    select 'officer' || o.id || '@bench.example', 'Officer ' || o.id, o.id, 'performance_officer', ${hash} from organisation o where o.kind = 'council'`;
  await sql`
    insert into improvement_case (area_code, strands, opened_from, lead_adviser_id, owner_organisation_id, summary, opened_by, updated_by,
      stage, closure, closure_reason, closed_on)
    select a.code, '{corporate}', 'flags', (select min(id) from user_account where role = 'principal_adviser') + a.id % 50,
      (select id from organisation where kind = 'sector_body'), 'Bench case', 'bench', 'bench',
      case when closed then 'closed' else 'conversation' end, case when closed then 'explained' end, case when closed then 'explained' end,
      case when closed then date '2027-01-01' end
    from (select a.*, random() >= ${OPEN} as closed from area a where a.code like 'E99%') a`;
  // Due from 60 days before the run to 59 after: half are overdue; a tenth of those done.
  const due = sql.unsafe(`date '2027-06-15' + (n * 37 % 120 - 60)`);
  const owner = sql.unsafe(`case when n % 4 = 0 then null else (select u.id from user_account u join organisation o on o.id = u.organisation_id where o.area_code = c.area_code) end`);
  await sql`
    insert into case_next_step (case_id, action, owner_name, owner_user_id, due_on, done_on, created_by)
    select c.id, 'Step ' || n, 'Owner ' || n, ${owner}, ${due}, case when n % 10 = 0 then date '2027-01-01' end, 'bench'
    from improvement_case c, generate_series(1, 10) n`;
  await sql`
    insert into case_outcome (case_id, outcome, reason, review_on, decided_on, recorded_by)
    select c.id, 'steps_in_place', 'Kept under review', date '2027-06-15' + (c.id % 60 - 30), '2027-01-01', 'bench' from improvement_case c`;
  await sql`
    insert into support_package (case_id, objectives, agreed_on, created_by, updated_by)
    select c.id, '["Recover"]', '2027-01-01', 'bench', 'bench' from improvement_case c`;
  await sql`
    insert into package_milestone (package_id, title, owner_name, owner_user_id, due_on, met_on)
    select p.id, 'Milestone ' || n, 'Owner ' || n, ${owner}, ${due}, case when n % 10 = 0 then date '2027-01-01' end
    from support_package p join improvement_case c on c.id = p.case_id, generate_series(1, 10) n`;
  await sql`insert into panel_meeting (owner_organisation_id, held_on, title, created_by) select id, '2027-02-01', 'Panel', 'bench' from organisation where kind = 'sector_body'`;
  await sql`
    insert into panel_agenda_item (meeting_id, position, kind, case_id, title)
    select (select id from panel_meeting), row_number() over (order by c.id), 'new_package', c.id, 'Case ' || c.id from improvement_case c`;
  await sql`
    insert into panel_action (meeting_id, agenda_item_id, action, action_by, owner_user_id, due_on)
    select i.meeting_id, i.id, 'Report back', 'The adviser', null, date '2027-06-15' + (i.id % 60 - 30) from panel_agenda_item i`;
  await sql`analyze`;
}

async function main(): Promise<void> {
  const dataDir = tempDir('lantern-bench-reminders-');
  const store = await openStore({ dataDir, role: 'bench' });
  const smtp = await localSmtp();
  const { mailer } = smtp;
  try {
    const started = performance.now();
    await seed(store.sql);
    const [counts] = await store.sql<{ cases: number; open: number; steps: number; milestones: number; actions: number }[]>`
      select (select count(*)::int from improvement_case) as cases, (select count(*)::int from improvement_case where closure is null) as open,
        (select count(*)::int from case_next_step) as steps, (select count(*)::int from package_milestone) as milestones, (select count(*)::int from panel_action) as actions`;
    log(`seeded in ${fmt(performance.now() - started)} ms: ${JSON.stringify(counts)}`);
    const run = async (label: string, withEmail = true): Promise<void> => {
      const before = smtp.emails();
      const t = performance.now();
      const sent: RemindersSent = await sendReminders(store.sql, { mailer: withEmail ? mailer : null, clock: () => DAY, log: () => {} });
      const ms = performance.now() - t;
      console.log(`${label}: ${sent.reminded} reminders, ${sent.emailed} emailed in ${smtp.emails() - before} emails (${sent.failed} failed): ${fmt(ms)} ms`);
    };
    // Reminders recorded without email, then their emails by a second run, as when SMTP is configured that day.
    await run('first run of the day, recording only', false);
    await run('second run, emailing only');
    await run('third run, the same day');
    const [people] = await store.sql<{ n: number }[]>`select count(distinct user_id)::int as n from reminder`;
    console.log(`people reminded: ${people!.n}`);
  } finally {
    await smtp.close();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
