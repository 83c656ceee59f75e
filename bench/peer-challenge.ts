// The peer challenge store benchmark, on the scale of issue 21: 400 councils
// (40 counties of 9 districts) with 15 years of corporate challenges, one a
// council a year; 5,000 peers; about 100,000 bookings. Printed: the programme
// read (target for the programme page: 200 ms), a team suggestion over the
// whole pool read from the store with the domain's suggestTeam (target: p99
// 100 ms): as the store's teamInputs reads it (the pool kept until it
// changes), the same with a booking changed before each (only the peer
// touched read again), and as the three reads of peer-pool.ts read it, for
// reference, in the same process; the daily reminders run over 30 days from
// the bench's day, recording the challenges' reminders and emailing them to
// an SMTP server on this machine (target: 2 s a run); and 100 concurrent
// bookings of one peer for overlapping weeks (exactly one must win); then the
// good-practice library's search over 20,000 case studies (bench/good-practice.ts).
//
// The store is Lantern's embedded PostgreSQL in a temporary folder, loaded by
// SQL with generate_series; bookings that would overlap a peer's others are
// dropped by the exclusion constraint as they load.
//
// Usage: node --import tsx bench/peer-challenge.ts [--runs 50]
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { FIVE_CORE_ELEMENTS, suggestTeam, type Booking, type Peer, type Places } from '../src/domain/peer-challenge/index.ts';
import { sendReminders } from '../src/jobs/reminders.ts';
import { bookPeer, releasePeer } from '../src/store/peer-bookings.ts';
import { moveChallenge, openChallenge, readChallenge } from '../src/store/peer-challenges.ts';
import { bookingsAround, peerPool, placesOf } from '../src/store/peer-pool.ts';
import { programme } from '../src/store/peer-programme.ts';
import { openStore, type Sql } from '../src/store/store.ts';
import { teamInputs } from '../src/store/team-inputs.ts';
import { tempDir } from '../test/support/store.ts';
import { benchGoodPractice } from './good-practice.ts';
import { localSmtp } from './local-smtp.ts';
import { seedChallenges, seedCouncils } from './peer-programme-world.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' } } });
const RUNS = Number(values.runs);
const TODAY = '2026-06-15';

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const fmt = (ms: number) => ms.toLocaleString('en-GB', { maximumFractionDigits: 1 });

async function seed(sql: Sql): Promise<void> {
  await seedCouncils(sql);
  await sql`
    insert into council_border (area_code, other_area_code)
    select 'E99' || lpad(n::text, 6, '0'), 'E99' || lpad((n + 1)::text, 6, '0') from generate_series(1, 359) n`;
  await sql`insert into shared_chief_executive (area_code, chief_executive) select 'E99' || lpad(n::text, 6, '0'), 'Shared ' || (n / 2) from generate_series(2, 41) n`;
  // The sector body's 10 peer challenge managers; each council's organisation with a performance officer and its chief executive.
  const hash = '$argon2id$v=19$m=19456,t=2,p=1$bench$bench';
  await sql`insert into organisation (name, kind) values ('Sector body', 'sector_body')`;
  await sql`insert into organisation (name, kind, area_code) select 'Council ' || code, 'council', code from area where code like 'E9%'`;
  await sql`
    insert into user_account (email, name, organisation_id, role, password_hash)
    select 'manager' || n || '@bench.example', 'Manager ' || n, (select id from organisation where kind = 'sector_body'), 'peer_challenge_manager', ${hash} from generate_series(1, 10) n`;
  await sql`
    insert into user_account (email, name, organisation_id, role, password_hash)
    select r.role || o.id || '@bench.example', initcap(r.role) || ' ' || o.id, o.id, r.role, ${hash}
    from organisation o cross join (values ('performance_officer'), ('council_member')) r(role) where o.kind = 'council'`;
  await seedChallenges(sql);
  await sql`
    insert into peer (name, role, party, area_code, skills, sector_experience)
    select 'Peer ' || n, r.role, case when r.role = 'councillor' then (array['Labour', 'Conservative', 'Liberal Democrat', 'Independent'])[1 + n % 4] end,
      (select code from area where code like 'E9%' order by code offset n % 400 limit 1),
      (${FIVE_CORE_ELEMENTS as unknown as string[]}::text[])[1 + n % 5 : 2 + n % 5], array[(array['county', 'district', 'unitary'])[1 + n % 3]]
    from generate_series(1, 5000) n cross join lateral (select (array['chief_executive', 'director', 'councillor', 'specialist', 'manager'])[1 + n % 5] as role) r`;
  // About 17 peers a challenge; a booking that overlaps the peer's others is dropped by the exclusion constraint.
  await sql`
    insert into peer_booking (peer_id, challenge_id, during)
    select 1 + (c.id * 17 + j * 331) % 5000, c.id, c.on_site
    from peer_challenge c cross join generate_series(0, 17) j where c.on_site is not null
    on conflict do nothing`;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Each run's time in ms, sorted; a run that returns a number is timed as that many ms (the part it timed itself). */
async function timed(runs: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const own = await work(i);
    times.push(typeof own === 'number' ? own : performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/** The daily reminders job's run on each of 30 days from the bench's day (07:00 in London), emailing an SMTP server on this machine; and a second run each day. */
async function remindersOverAMonth(sql: Sql): Promise<{ reminded: number; emailed: number; emails: number; times: number[]; again: number[] }> {
  const smtp = await localSmtp();
  const { mailer } = smtp;
  try {
    let reminded = 0;
    let emailed = 0;
    const times: number[] = [];
    const again: number[] = [];
    for (let d = 0; d < 30; d++) {
      const clock = () => new Date(Date.parse(`${TODAY}T06:00:00Z`) + d * 86_400_000);
      let start = performance.now();
      const sent = await sendReminders(sql, { mailer, clock, log: () => {} });
      times.push(performance.now() - start);
      reminded += sent.reminded;
      emailed += sent.emailed;
      start = performance.now();
      const second = await sendReminders(sql, { mailer, clock, log: () => {} });
      again.push(performance.now() - start);
      if (second.reminded + second.emailed > 0) throw new Error(`a second run on day ${d} made ${second.reminded} and emailed ${second.emailed}`);
    }
    return { reminded, emailed, emails: smtp.emails(), times: times.sort((a, b) => a - b), again: again.sort((a, b) => a - b) };
  } finally {
    await smtp.close();
  }
}

function report(what: string, times: readonly number[], target: number | null): void {
  const p99 = percentile(times, 99);
  const against = target === null ? '' : `; target ${target} ms, p99 at ${(p99 / target).toFixed(2)} of it`;
  console.log(`${what}: p50 ${fmt(percentile(times, 50))} ms, p99 ${fmt(p99)} ms over ${times.length} runs${against}`);
}

async function main(): Promise<void> {
  const dataDir = tempDir('lantern-bench-peer-');
  const store = await openStore({ dataDir, role: 'bench', maxConnections: 20 });
  try {
    const sql = store.sql;
    let start = performance.now();
    await seed(sql);
    await store.asOwner((owner) => owner`analyze`); // the application's role owns no table to analyse
    const [counts] = await sql<{ challenges: number; peers: number; bookings: number }[]>`
      select (select count(*)::int from peer_challenge) as challenges, (select count(*)::int from peer) as peers, (select count(*)::int from peer_booking) as bookings`;
    console.log(`loaded 400 councils, ${counts!.challenges} challenges, ${counts!.peers} peers, ${counts!.bookings} bookings in ${fmt((performance.now() - start) / 1000)} s`);

    report('programme (every council, due items, counts, gaps)', await timed(RUNS, () => programme(sql, TODAY)), 200);

    const open = await sql<{ id: number }[]>`select id from peer_challenge where stage in ('booked', 'team_confirmed') order by id limit ${RUNS}`;
    const suggestFrom = async (i: number, read: (onSite: { from: string; to: string }) => Promise<{ peers: readonly Peer[]; bookings: readonly Booking[]; places: Places }>) => {
      const challenge = (await readChallenge(sql, open[i]!.id))!;
      const { peers, bookings, places } = await read(challenge.onSite!);
      const before = performance.now();
      const suggestion = suggestTeam({ ...challenge, onSite: challenge.onSite! }, peers, bookings, places);
      suggestOnly = Math.max(suggestOnly, performance.now() - before);
      if (suggestion.proposed.length === 0) throw new Error('no team proposed');
    };
    let suggestOnly = 0;
    const threeReads = async (onSite: { from: string; to: string }) => {
      const [peers, bookings, places] = await Promise.all([peerPool(sql, TODAY), bookingsAround(sql, onSite), placesOf(sql)]);
      return { peers, bookings, places };
    };
    // The first read of the pool, as a server's first suggestion makes it, and a few suggestions to warm the domain's code, as bench:team-suggestion does.
    for (let i = 0; i < 5; i++) await suggestFrom(i, (onSite) => teamInputs(sql, onSite, TODAY));
    suggestOnly = 0;
    const kept = await timed(open.length, (i) => suggestFrom(i, (onSite) => teamInputs(sql, onSite, TODAY)));
    report('team suggestion over 5,000 peers, read from the store (teamInputs, the pool unchanged)', kept, 100);
    // A booking and its release before each suggestion: the generation moved every time, the peer touched read again.
    const spare = (await sql<{ id: number }[]>`insert into peer (name, role) values ('Spare', 'specialist') returning id`)[0]!.id;
    const far = (await openChallenge(sql, { councilCode: 'E99000001', kind: 'corporate', enquiredOn: '2026-06-01', managedBy: null })) as { id: number };
    await moveChallenge(sql, far.id, { kind: 'scope', focusAreas: FIVE_CORE_ELEMENTS }, null);
    await moveChallenge(sql, far.id, { kind: 'book', onSite: { from: '2030-03-04', to: '2030-03-07' } }, null);
    const changed = await timed(open.length, async (i) => {
      await (i % 2 === 0 ? bookPeer(sql, far.id, spare, false, null) : releasePeer(sql, far.id, spare, 'bench', null));
      const start = performance.now();
      await suggestFrom(i, (onSite) => teamInputs(sql, onSite, TODAY));
      return performance.now() - start;
    });
    report('  the same, with a booking changed before each (the peer touched read again)', changed, 100);
    const reference = await timed(open.length, (i) => suggestFrom(i, threeReads));
    report('  reference: peerPool, bookingsAround and placesOf each call', reference, 100);
    console.log(`  teamInputs p99 at ${(percentile(kept, 99) / percentile(reference, 99)).toFixed(2)} of the reference's; suggestTeam itself: at most ${fmt(suggestOnly)} ms`);

    const reminderRuns = await remindersOverAMonth(sql);
    console.log(
      `daily reminders over 30 days from ${TODAY}: ${reminderRuns.reminded} made, ${reminderRuns.emailed} emailed in ${reminderRuns.emails} emails; a run p50 ${fmt(percentile(reminderRuns.times, 50))} ms, ` +
        `max ${fmt(reminderRuns.times.at(-1)!)} ms; target 2,000 ms, max at ${(reminderRuns.times.at(-1)! / 2000).toFixed(2)} of it`,
    );
    console.log(`  a second run the same day, finding everything made: max ${fmt(reminderRuns.again.at(-1)!)} ms`);

    start = performance.now();
    const sought = (await sql<{ id: number }[]>`insert into peer (name, role, area_code) values ('Sought after', 'chief_executive', null) returning id`)[0]!.id;
    const councils = await sql<{ code: string }[]>`select code from area where code like 'E99%' order by code limit 100`;
    const challenges: number[] = [];
    for (const { code } of councils) {
      const opened = await openChallenge(sql, { councilCode: code, kind: 'corporate', enquiredOn: '2026-06-01', managedBy: null });
      const id = (opened as { id: number }).id;
      await moveChallenge(sql, id, { kind: 'scope', focusAreas: FIVE_CORE_ELEMENTS }, null);
      await moveChallenge(sql, id, { kind: 'book', onSite: { from: '2027-03-01', to: '2027-03-04' } }, null);
      challenges.push(id);
    }
    start = performance.now();
    const results = await Promise.all(challenges.map((id) => bookPeer(sql, id, sought, false, null)));
    const took = performance.now() - start;
    const won = results.filter((r) => r.kind === 'booked').length;
    console.log(`100 concurrent bookings of one peer for one week: ${won} won (must be 1), ${100 - won} refused naming the clash, in ${fmt(took)} ms`);

    await benchGoodPractice(sql, RUNS, () => store.asOwner((owner) => owner`analyze`));
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(String((error as Error).stack ?? error));
  process.exitCode = 1;
});
