// Case page benchmark (issue 19: an improvement case's page p99 ≤ 50 ms),
// timed as real HTTP requests to the running app.
//
// The store is bench:benchmark's small shape (100 metrics × 400 areas × 10
// years), kept in bench/output/bench-small-case-page/ and reused, with 2,000
// improvement cases: five a council for 400 councils, four closed and one
// open (the single conversation), each citing a flag, with two meetings, a
// restricted and a confidential note, three next steps, two outcomes, a Best
// Value Notice and a referral to the Panel (cases.ts in the store writes
// them, as the use-cases do). The app runs in this process on a free port,
// as `lantern serve` runs it; the lead adviser signs in through the form and
// asks in turn:
//   a. GET /health, the reference: the same server, session and client with
//      no page to make, so that the pages can be given as multiples of it;
//   b. GET /cases/:id: a random case's page (its read, and its confidential
//      note's, audited as every such read is);
//   c. GET /areas/:code/case: a random council's page of its cases.
// Printed: p50, p95 and p99 (nearest rank) of each, each page's p50 as a
// multiple of the reference's, and processor time per request in Lantern
// (this process: server and client) and in PostgreSQL.
//
// Usage: npm run bench:case-page [-- --rounds 20]
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { readConfig } from '../src/config.ts';
import { BenchmarkEngine } from '../src/engine/benchmark-engine.ts';
import { PdfPrinter } from '../src/reports/pdf.ts';
import { createApp } from '../src/server/app.ts';
import { hashPassword } from '../src/server/platform/identity/passwords.ts';
import { citeEvidence, createCase, createEvent, createMeeting, createNote, createOutcome, createStep, closeCaseRow } from '../src/store/cases.ts';
import { createOrganisation } from '../src/store/organisations.ts';
import { createShare } from '../src/store/shares.ts';
import type { Sql } from '../src/store/store.ts';
import { createUser } from '../src/store/users.ts';
import { SCALES, prepareStore } from './benchmark.ts';
import { nearestRanks } from './nearest-rank.ts';
import { lanternSeconds, postgresSeconds } from './processor-time.ts';
import { seededRandom } from './seeded-random.ts';
import { signIn } from './sign-in.ts';

const EMAIL = 'adviser@case-bench.example';
const PASSWORD = 'a long bench password 1';
const CASES_PER_COUNCIL = 5;
const COUNCILS = 400;
const PER_ROUND = 10;
const WARM_UP_ROUNDS = 2;
const GOAL_MS = 50;

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const fmt = (n: number, digits = 1) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The cases, written once and found again on later runs: their ids and councils. */
async function casesOf(sql: Sql): Promise<{ ids: number[]; councils: string[] }> {
  const [{ count }] = await sql<[{ count: number }]>`select count(*)::int as count from improvement_case`;
  if (count === 0) await writeCases(sql);
  const rows = await sql<{ id: number; area: string }[]>`select id, area_code as area from improvement_case order by id`;
  return { ids: rows.map((r) => r.id), councils: [...new Set(rows.map((r) => r.area))] };
}

async function writeCases(sql: Sql): Promise<void> {
  const councils = await sql<{ code: string }[]>`
    select code from area where end_date is null and type in ('unitary', 'county', 'district', 'london_borough', 'metropolitan_district') order by code limit ${COUNCILS}`;
  log(`writing ${councils.length * CASES_PER_COUNCIL} cases for ${councils.length} councils …`);
  const body = await createOrganisation(sql, { name: 'Bench sector body', kind: 'sector_body', areaCode: null });
  const panel = await createOrganisation(sql, { name: 'Bench Performance Support Panel', kind: 'support_panel', areaCode: null });
  const adviser = await createUser(sql, { email: EMAIL, name: 'Bench adviser', organisationId: body.id, role: 'principal_adviser', passwordHash: await hashPassword(PASSWORD) });
  const member = await createUser(sql, { email: 'panel@case-bench.example', name: 'Bench panel member', organisationId: panel.id, role: 'panel_member', passwordHash: await hashPassword(PASSWORD) });
  const by = 'bench';
  for (const { code } of councils) {
    await sql.begin(async (tx) => {
      for (let n = 0; n < CASES_PER_COUNCIL; n++) {
        const [flag] = await tx<{ id: number }[]>`
          insert into flag (area_code, rule, rule_version, metric_code, subject, period, figures, sentence, fingerprint, raised_at, changed_at, cleared_at)
          values (${code}, 'missing_return', 1, null, ${`case-bench-${n}`}, '2023/24', '{}', 'The 2023/24 return has not arrived', ${`case-bench-${code}-${n}`}, now(), now(),
            case when ${n < CASES_PER_COUNCIL - 1} then now() end)
          returning id::int as id`;
        const id = await createCase(
          tx,
          {
            areaCode: code,
            strands: ['corporate', 'childrens'],
            openedFrom: 'flags',
            councilRequest: null,
            leadAdviserId: adviser.id,
            ownerOrganisationId: body.id,
            liaisedWith: [{ name: 'Regional lead', role: "Children's services" }],
            summary: `Case ${n + 1} about ${code}`,
          },
          by,
        );
        await citeEvidence(tx, id, { flags: [flag!.id], items: [] }, by);
        for (const heldOn of ['2024-05-01', '2024-07-01']) {
          const meeting = await createMeeting(tx, id, { heldOn, attendees: [{ name: 'Chief Executive', role: 'Chief Executive', organisation: code }], chiefExecutiveLevel: true }, by);
          await createNote(tx, { caseId: id, meetingId: meeting, classification: 'restricted', body: 'Agreed to look at the figures together.', authorId: adviser.id, readers: [] });
          await createNote(tx, { caseId: id, meetingId: meeting, classification: 'confidential', body: 'Relations at the top are strained.', authorId: adviser.id, readers: [member.id] });
        }
        for (const dueOn of ['2024-06-01', '2024-08-01', '2024-10-01'])
          await createStep(tx, { caseId: id, meetingId: null, action: 'Send the recovery plan', ownerName: 'Chief Executive', ownerUserId: null, dueOn }, by);
        const outcome = { correction: null, lightTouch: null, differenceOfView: null, nextDiscussionOn: null, councilView: 'Agreed' };
        await createOutcome(tx, id, { ...outcome, outcome: 'steps_in_place', reason: 'A plan is in place', reviewOn: '2024-09-01', decidedOn: '2024-07-01' }, by);
        await createOutcome(tx, id, { ...outcome, outcome: 'support_package', reason: 'The plan stalled', reviewOn: null, decidedOn: '2024-09-01' }, by);
        await createEvent(tx, { caseId: id, kind: 'best_value_notice', description: 'Best Value Notice', startsOn: '2024-10-01', endsOn: '2025-04-01', renewsEventId: null }, by);
        await createShare(tx, {
          recordKind: 'improvement_case',
          recordId: String(id),
          subjectArea: code,
          withOrganisationId: panel.id,
          withUserId: null,
          reason: 'Reported to the Panel',
          sharedBy: adviser.id,
        });
        if (n < CASES_PER_COUNCIL - 1)
          await closeCaseRow(tx, id, { closure: 'improved', reason: 'The flag cleared', evidence: [{ kind: 'flag_cleared', flagId: flag!.id }], closedOn: '2025-03-01' }, by);
      }
    });
  }
}

interface Kind {
  readonly name: string;
  readonly path: () => string;
  readonly times: number[];
  lantern: number;
  postgres: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' } } });
  const rounds = Number(values.rounds);
  const loadBefore = os.loadavg().map((n) => fmt(n, 2));
  const { store, dataDir } = await prepareStore({ ...SCALES.small!, name: 'small-case-page' }, false);
  const engine = await BenchmarkEngine.start(store.sql, () => {}, false);
  const printer = new PdfPrinter();
  const server = http.createServer(createApp({ config: readConfig(), store, engine, printer, log: () => {} }));
  try {
    const { ids, councils } = await casesOf(store.sql);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const headers = { Cookie: await signIn(base, EMAIL, PASSWORD) };
    const random = seededRandom(19);
    const kinds: Kind[] = [
      { name: 'GET /health (reference)', path: () => '/health', times: [], lantern: 0, postgres: 0 },
      { name: 'GET a case page', path: () => `/cases/${ids[Math.floor(random() * ids.length)]!}`, times: [], lantern: 0, postgres: 0 },
      { name: "GET a council's cases", path: () => `/areas/${councils[Math.floor(random() * councils.length)]!}/case`, times: [], lantern: 0, postgres: 0 },
    ];
    const postgres = postgresSeconds(dataDir);
    for (let round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
      for (const kind of kinds) {
        const [lanternBefore, postgresBefore] = [lanternSeconds(), postgres()];
        for (let i = 0; i < PER_ROUND; i++) {
          const started = performance.now();
          const answer = await fetch(base + kind.path(), { headers });
          await answer.text();
          if (answer.status !== 200) throw new Error(`${kind.name} answered ${answer.status}`);
          if (round >= WARM_UP_ROUNDS) kind.times.push(performance.now() - started);
        }
        if (round >= WARM_UP_ROUNDS) {
          kind.lantern += lanternSeconds() - lanternBefore;
          kind.postgres += postgres() - postgresBefore;
        }
      }
    }
    console.log(`Case page benchmark: ${ids.length.toLocaleString('en-GB')} cases about ${councils.length} councils, each with 2 meetings, 4 notes, 3 steps, 2 outcomes, an event and a share`);
    console.log(`Node ${process.version}, ${os.cpus().length} cores; load average before: ${loadBefore.join(', ')}`);
    console.log(`the lead adviser signed in; ${rounds} rounds of ${PER_ROUND} requests of each kind in turn, after ${WARM_UP_ROUNDS} untimed; one request at a time`);
    const reference = nearestRanks(kinds[0]!.times, [0.5])[0]!;
    for (const kind of kinds) {
      const [p50, p95, p99] = nearestRanks(kind.times, [0.5, 0.95, 0.99]);
      const cpu = (seconds: number) => fmt((1000 * seconds) / kind.times.length, 2);
      console.log(
        `${kind.name.padEnd(26)} p50 ${fmt(p50!).padStart(6)} ms, p95 ${fmt(p95!).padStart(6)} ms, p99 ${fmt(p99!).padStart(6)} ms; ${fmt(p50! / reference).padStart(5)}× the reference; processor per request ${cpu(kind.lantern)} ms Lantern, ${cpu(kind.postgres)} ms PostgreSQL`,
      );
    }
    const p99 = nearestRanks(kinds[1]!.times, [0.99])[0]!;
    console.log(`a case page: p99 ${fmt(p99)} ms, target ≤ ${GOAL_MS} ms: ${p99 <= GOAL_MS ? 'ok' : 'OVER'}`);
    console.log(
      `load average after: ${os
        .loadavg()
        .map((n) => fmt(n, 2))
        .join(', ')}`,
    );
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await engine.stop();
    await printer.close();
    await store.close();
  }
}

await main();
