// A council's timeline benchmark: how long readTimeline takes for a council
// with a long history, read as the adviser who holds its cases and as the
// council itself, each read passed through the access policy and its
// restricted and confidential reads audited, as a request does.
//
// The store is Lantern's embedded PostgreSQL in a temporary folder, with
// two councils. Each has, written once: 2,000 flags (half of them cleared),
// 500 intelligence items (a fifth public, the rest restricted to the sector
// body; every other restricted one shared with the council), 10 improvement
// cases (one open) with 3 outcomes and 2 statutory events each, and a Panel
// meeting with a decision on each case. The other council's history is
// there so that every query has rows to pass over.
//
// Printed: the entries each reader sees on the first page (a hundred), and
// p50, p95 and p99 (nearest rank) of the time to read it, over the rounds
// asked.
//
// Usage: node --import tsx bench/timeline.ts [--rounds 100]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { RequestAccess } from '../src/server/platform/access/request-access.ts';
import { readTimeline } from '../src/server/features/timeline/timeline.ts';
import { createOrganisation } from '../src/store/organisations.ts';
import { openStore, type Sql } from '../src/store/store.ts';
import { createUser } from '../src/store/users.ts';
import { seedCatalogue } from '../test/support/import.ts';
import { tempDir } from '../test/support/store.ts';
import { nearestRanks } from './nearest-rank.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';
const FLAGS = 2_000;
const ITEMS = 500;
const CASES = 10;

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const fmt = (n: number) => n.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

interface Cast {
  readonly sector: number;
  readonly panel: number;
  readonly councils: Readonly<Record<string, number>>;
  readonly adviser: { id: number; organisationId: number };
  readonly officer: { id: number; organisationId: number };
}

async function cast(sql: Sql): Promise<Cast> {
  const sector = await createOrganisation(sql, { name: 'Sector improvement body', kind: 'sector_body', areaCode: null });
  const panel = await createOrganisation(sql, { name: 'Performance support panel', kind: 'support_panel', areaCode: null });
  const durham = await createOrganisation(sql, { name: 'Durham County Council', kind: 'council', areaCode: DURHAM });
  const hartlepool = await createOrganisation(sql, { name: 'Hartlepool Borough Council', kind: 'council', areaCode: HARTLEPOOL });
  const hash = '$argon2id$v=19$m=19456,t=2,p=1$bench$bench';
  const adviser = await createUser(sql, { email: 'adviser@bench.example', name: 'Bench Adviser', organisationId: sector.id, role: 'principal_adviser', passwordHash: hash });
  const officer = await createUser(sql, { email: 'officer@bench.example', name: 'Bench Officer', organisationId: durham.id, role: 'performance_officer', passwordHash: hash });
  return {
    sector: sector.id,
    panel: panel.id,
    councils: { [DURHAM]: durham.id, [HARTLEPOOL]: hartlepool.id },
    adviser: { id: adviser.id, organisationId: sector.id },
    officer: { id: officer.id, organisationId: durham.id },
  };
}

/** One council's history, in a handful of statements. */
async function history(sql: Sql, area: string, who: Cast): Promise<void> {
  await sql`
    insert into flag (area_code, rule, rule_version, metric_code, subject, period, figures, sentence, fingerprint, raised_at, changed_at, cleared_at)
    select ${area}, 'worse_and_worsening', 1, 'obesity', n::text, '2022/23', '{}', 'Adults classified as obese: worse than its neighbours and getting worse.', 'f' || n,
      now() - (n || ' hours')::interval, now() - (n || ' hours')::interval, case when n % 2 = 0 then now() - (n || ' minutes')::interval end
    from generate_series(1, ${FLAGS}) n`;
  await sql`
    insert into intelligence_item (subject_area, cause, best_value_theme, title, note, classification, author_id, owner_organisation_id, created_at)
    select ${area}, 'financial_difficulty', 'use_of_resources', 'Item ' || n, 'A note long enough to be specific about the council.',
      case when n % 5 = 0 then 'public' else 'restricted' end, ${who.adviser.id}, ${who.sector}, now() - (n || ' days')::interval
    from generate_series(1, ${ITEMS}) n`;
  await sql`
    insert into share (record_kind, record_id, subject_area, with_organisation_id, reason, shared_by)
    select 'intelligence_item', i.id::text, ${area}, ${who.councils[area]!}, 'The council should know', ${who.adviser.id}
    from intelligence_item i where i.subject_area = ${area} and i.classification = 'restricted' and i.id % 2 = 0`;
  const cases = await sql<{ id: number }[]>`
    insert into improvement_case (area_code, strands, opened_from, stage, lead_adviser_id, owner_organisation_id, summary, opened_by, updated_by, opened_at,
      closure, closure_reason, closed_on)
    select ${area}, '{corporate}', 'flags', case when n = 1 then 'conversation' else 'closed' end, ${who.adviser.id}, ${who.sector}, 'Case ' || n, 'bench', 'bench',
      now() - (n * 100 || ' days')::interval, case when n > 1 then 'explained' end, case when n > 1 then 'Explained at the meeting' end,
      case when n > 1 then (now() - (n * 100 - 50 || ' days')::interval)::date end
    from generate_series(1, ${CASES}) n
    returning id`;
  const ids = cases.map((c) => c.id);
  await sql`
    insert into case_outcome (case_id, outcome, reason, review_on, decided_on, recorded_by)
    select c, 'steps_in_place', 'A recovery plan', current_date + 90, current_date - k, 'bench' from unnest(${ids}::int[]) c, generate_series(1, 3) k`;
  await sql`
    insert into case_event (case_id, kind, description, starts_on, ends_on, recorded_by)
    select c, 'inspection', 'An inspection of children''s services', current_date - k * 30, current_date - k * 30 + 10, 'bench' from unnest(${ids}::int[]) c, generate_series(1, 2) k`;
  const [meeting] = await sql<{ id: number }[]>`
    insert into panel_meeting (owner_organisation_id, held_on, title, created_by) values (${who.panel}, current_date, 'Panel', 'bench') returning id`;
  await sql`
    with agenda as (
      insert into panel_agenda_item (meeting_id, position, kind, case_id, title)
      select ${meeting!.id}, row_number() over (), 'new_package', c, 'Case ' || c from unnest(${ids}::int[]) c
      returning id)
    insert into panel_decision (meeting_id, agenda_item_id, decision, recorded_by) select ${meeting!.id}, id, 'Agreed', 'bench' from agenda`;
}

function accessOf(sql: Sql, person: { id: number; organisationId: number }, role: 'principal_adviser' | 'performance_officer', councilArea: string | null) {
  return new RequestAccess(
    { kind: 'user', userId: person.id, role, organisationId: person.organisationId, councilArea, actions: ['read'] },
    () => ({ userId: person.id, actor: `bench-${role}`, ip: null, userAgent: 'bench' }),
    sql,
    Date.now(),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '100' } } });
  const rounds = Number(values.rounds);
  const store = await openStore({ dataDir: tempDir('lantern-bench-timeline-'), role: 'bench' });
  try {
    const sql = store.sql;
    await seedCatalogue(sql);
    const who = await cast(sql);
    log('writing two councils’ histories');
    for (const area of [DURHAM, HARTLEPOOL]) await history(sql, area, who);
    await sql`analyze`;
    const readers = [
      ['adviser', () => accessOf(sql, who.adviser, 'principal_adviser', null)],
      ['council', () => accessOf(sql, who.officer, 'performance_officer', DURHAM)],
    ] as const;
    console.log(`Timeline of one council: ${FLAGS} flags (half cleared), ${ITEMS} items, ${CASES} cases with 3 outcomes and 2 events each, 10 Panel decisions`);
    console.log(`  ${os.cpus().length} cores, load average ${fmt(os.loadavg()[0]!)} at the start (others' work on the machine shows in the tail)`);
    for (const [name, access] of readers) {
      for (let i = 0; i < 3; i++) await readTimeline(sql, access(), DURHAM); // warm up
      const times: number[] = [];
      let entries = 0;
      for (let i = 0; i < rounds; i++) {
        const started = performance.now();
        entries = (await readTimeline(sql, access(), DURHAM)).entries.length;
        times.push(performance.now() - started);
      }
      const [p50, p95, p99] = nearestRanks(times, [0.5, 0.95, 0.99]);
      console.log(`  as the ${name}: ${entries} entries; p50 ${fmt(p50!)} ms, p95 ${fmt(p95!)} ms, p99 ${fmt(p99!)} ms over ${rounds} reads`);
    }
  } finally {
    await store.close();
  }
}

await main();
