// Savings benchmark: the partnership's page of savings against the goal, at
// the scale of a regional partnership that reads every council of England.
//
// Measured, on every current council of the area register (up to 400) ×
// the goal's 3 years × 10 savings:
//   a. reading the savings alone (savingsOfYears), the reference;
//   b. the partnership's savings as a regional partner reads them
//      (partnershipSavings): the same read, each saving through the policy
//      with its read audited (an audit row per saving a view), each council's
//      progress against the goal and the years' totals by status;
//   c. one council's page (councilSavings);
//   d. the partnership page as a regional partner reads it (partnershipPage):
//      the totals added up by the store, the first 25 councils, and the
//      savings of theirs the rule does not count read and audited;
//   e. the same page filtered to one status and "not yet verified".
// Each: median and spread of 7 runs after a warm-up; b, d and e are also
// given as a ratio of a, measured in the same process. b is what the API
// and the annual report still do (every saving read and audited); until
// the page was paged, the page did b.
//
// Usage: npm run bench:savings
import os from 'node:os';
import { buildIndex } from '../src/engine/benchmark-engine.ts';
import { keptSavingsGoal } from '../src/ingest/savings-goal.ts';
import { partnershipAsk, partnershipPage } from '../src/server/features/savings/partnership-page.ts';
import { councilSavings, partnershipSavings } from '../src/server/features/savings/savings-view.ts';
import { createOrganisation } from '../src/store/organisations.ts';
import { placesOf } from '../src/store/peer-pool.ts';
import { createSaving, savingsOfYears } from '../src/store/savings.ts';
import { openStore } from '../src/store/store.ts';
import { createUser } from '../src/store/users.ts';
import { hashPassword } from '../src/server/platform/identity/passwords.ts';
import { accessAs } from '../test/support/access.ts';
import { tempDir } from '../test/support/store.ts';
import { timedRuns } from './timed-runs.ts';

const COUNCILS = 400;
const PER_YEAR = 10;
const RUNS = 7;
const SOURCES = ['shared_service', 'procurement', 'support_given', 'service_redesign', 'other'] as const;
const STATUSES = ['estimated', 'claimed', 'evidenced'] as const;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  console.log(
    `machine: ${os.cpus().length} cores, Node ${process.version}; load average before: ${os
      .loadavg()
      .map((n) => fmt(n, 2))
      .join(', ')}`,
  );
  const store = await openStore({ dataDir: tempDir('lantern-bench-savings-'), role: 'bench' });
  try {
    const goal = keptSavingsGoal();
    const councils = [...(await placesOf(store.sql)).values()].filter((p) => ['unitary', 'district', 'county', 'london_borough', 'metropolitan_district'].includes(p.type)).slice(0, COUNCILS);
    const region = await createOrganisation(store.sql, { name: 'Bench partnership', kind: 'regional_partnership', areaCode: null });
    const partner = await createUser(store.sql, {
      email: 'partner@savings-bench.example',
      name: 'Bench partner',
      organisationId: region.id,
      role: 'regional_partner',
      passwordHash: await hashPassword('a long bench password 1'),
    });
    const started = performance.now();
    let made = 0;
    await store.sql.begin(async (tx) => {
      for (const [c, council] of councils.entries()) {
        const organisationId = (await createOrganisation(tx, { name: `Bench ${council.code}`, kind: 'council', areaCode: council.code })).id;
        for (const year of goal.years) {
          for (let i = 0; i < PER_YEAR; i++) {
            const status = STATUSES[(c + i) % STATUSES.length]!;
            await createSaving(
              tx,
              {
                councilCode: council.code,
                year,
                amount: 10_000 + ((c * 7919 + i * 104_729) % 990_000),
                cashReleasing: i % 4 !== 0,
                lastsFullYears: 1 + (i % 3),
                source: SOURCES[i % SOURCES.length]!,
                description: `Bench saving ${i}`,
                status,
                evidence: status === 'evidenced' ? { kind: 'document', reference: 'Bench minutes' } : null,
                verifiedBy: null,
              },
              organisationId,
              null,
            );
            made++;
          }
        }
      }
    });
    console.log(`made ${fmt(made)} savings of ${councils.length} councils in ${fmt((performance.now() - started) / 1000, 1)} s`);
    const index = await buildIndex(store.sql);
    const access = () => accessAs(store.sql, partner);
    const read = await timedRuns(() => savingsOfYears(store.sql, goal.years), RUNS);
    const page = await timedRuns(() => partnershipSavings(store.sql, access(), index, goal), RUNS);
    const one = await timedRuns(() => councilSavings(store.sql, access(), index, councils[0]!.code, goal), RUNS);
    const firstPage = await timedRuns(() => partnershipPage(store.sql, access(), index, goal, partnershipAsk({}, goal)), RUNS);
    const filtered = await timedRuns(() => partnershipPage(store.sql, access(), index, goal, partnershipAsk({ status: 'claimed', verified: 'no' }, goal)), RUNS);
    const line = (what: string, t: { median: number; low: number; high: number }) => console.log(`${what}: median ${fmt(t.median, 1)} ms (runs ${fmt(t.low, 1)} to ${fmt(t.high, 1)} ms)`);
    line('a. the savings read alone (reference)', read);
    line('b. the partnership against the goal, as a regional partner', page);
    console.log(`   b against a: ${fmt(page.median / read.median, 1)}×`);
    line('c. one council’s savings page', one);
    line('d. the partnership page, first 25 councils, as a regional partner', firstPage);
    console.log(`   d against a: ${fmt(firstPage.median / read.median, 1)}×`);
    line('e. the partnership page filtered (claimed, not yet verified)', filtered);
    console.log(`   e against a: ${fmt(filtered.median / read.median, 1)}×`);
    console.log(
      `load average after: ${os
        .loadavg()
        .map((n) => fmt(n, 2))
        .join(', ')}`,
    );
  } finally {
    await store.close();
  }
}

await main();
