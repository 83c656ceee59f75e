// Support offer benchmark: a council's menu and the asks that race for one
// open enquiry, at the scale of every council of England asking over years.
//
// Measured, on the current councils of the area register (up to 400; 316
// today), each with 25 requests already kept (7,900 today):
//   a. one council's requests read alone (listRequests), the reference;
//   b. one council's menu as its chief executive reads it (supportMenu): the
//      same read, each request through the policy with its read audited, the
//      offer's eligibility and the entitlement left worked out;
//   c. 100 of a council's people asking for one kind at once: the time until
//      all are answered, and how many won (the store's rule: one);
//   d. 400 councils each asking once, all at once: asks a second.
// Each of a and b: median and spread of 7 runs of 50 councils after a
// warm-up; b is also given as a ratio of a, measured in the same process.
//
// Usage: npm run bench:support-offer (or node --import tsx bench/support-offer.ts)
import os from 'node:os';
import { checkRequest, type OfferCouncil } from '../src/domain/peer-challenge/index.ts';
import { keptSupportOffer } from '../src/ingest/support-offer.ts';
import { supportMenu } from '../src/server/features/support-offer/menu.ts';
import { createOrganisation } from '../src/store/organisations.ts';
import { placesOf } from '../src/store/peer-pool.ts';
import { openStore } from '../src/store/store.ts';
import { askForSupport, listRequests, setProviderOrganisation } from '../src/store/support-requests.ts';
import { createUser, type User } from '../src/store/users.ts';
import { hashPassword } from '../src/server/platform/identity/passwords.ts';
import { accessAs } from '../test/support/access.ts';
import { tempDir } from '../test/support/store.ts';
import { timedRuns } from './timed-runs.ts';

const COUNCILS = 400;
const PER_COUNCIL = 25;
const RUNS = 7;
const SAMPLE = 50;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  const load = () =>
    os
      .loadavg()
      .map((n) => fmt(n, 2))
      .join(', ');
  console.log(`machine: ${os.cpus().length} cores, Node ${process.version}; load average before: ${load()}`);
  const store = await openStore({ dataDir: tempDir('lantern-bench-support-'), role: 'bench' });
  try {
    const offer = keptSupportOffer();
    const types = ['unitary', 'district', 'county', 'london_borough', 'metropolitan_district'];
    const councils = [...(await placesOf(store.sql)).values()].filter((p) => types.includes(p.type)).slice(0, COUNCILS);
    const regions = new Map((await store.sql<{ code: string; region: string | null }[]>`select code, region_code as region from area`).map((r) => [r.code, r.region]));
    const sector = await createOrganisation(store.sql, { name: 'Bench sector body', kind: 'sector_body', areaCode: null });
    for (const provider of offer.providers) await setProviderOrganisation(store.sql, provider.id, sector.id);
    const passwordHash = await hashPassword('a long bench password 1');
    const started = performance.now();
    const rows = councils.flatMap((council, c) =>
      Array.from({ length: PER_COUNCIL }, (_, i) => {
        const chosen = offer.offers[(c + i) % offer.offers.length]!;
        const year = 2011 + Math.floor(i / 2);
        return {
          area_code: council.code,
          offer_id: chosen.id,
          offer_kind: chosen.kind,
          provider_id: chosen.providerId,
          organisation_id: sector.id,
          requested_on: `${year}-0${1 + (i % 9)}-15`,
          state: 'delivered',
          decided_on: `${year}-0${1 + (i % 9)}-20`,
          delivered_on: `${year}-1${i % 3}-01`,
        };
      }),
    );
    for (let i = 0; i < rows.length; i += 2000) await store.sql`insert into support_request ${store.sql(rows.slice(i, i + 2000))}`;
    console.log(`kept ${fmt(rows.length)} requests of ${councils.length} councils in ${fmt((performance.now() - started) / 1000, 1)} s`);
    const members: { code: string; person: User }[] = [];
    for (const council of councils.slice(0, SAMPLE)) {
      const organisation = await createOrganisation(store.sql, { name: `Bench ${council.code}`, kind: 'council', areaCode: council.code });
      members.push({
        code: council.code,
        person: await createUser(store.sql, { email: `ce@${council.code.toLowerCase()}.example`, name: 'Chief executive', organisationId: organisation.id, role: 'council_member', passwordHash }),
      });
    }
    const read = await timedRuns(() => Promise.all(members.map((m) => listRequests(store.sql, { councilCode: m.code }))), RUNS);
    const menu = await timedRuns(() => Promise.all(members.map((m) => supportMenu(store.sql, accessAs(store.sql, m.person, m.code), m.code, offer))), RUNS);
    const line = (what: string, t: { median: number; low: number; high: number }) =>
      console.log(`${what}: median ${fmt(t.median / SAMPLE, 2)} ms a council (runs of ${SAMPLE}: ${fmt(t.low, 0)} to ${fmt(t.high, 0)} ms)`);
    line('a. a council’s requests read alone (reference)', read);
    line('b. a council’s menu as its chief executive reads it', menu);
    console.log(`   b against a: ${fmt(menu.median / read.median, 1)}×`);

    const council = (code: string): OfferCouncil => ({ code, name: code, type: councils.find((c) => c.code === code)!.type as OfferCouncil['type'], region: regions.get(code) ?? '' });
    const ask = (code: string, offerId: string, on: string) => {
      const chosen = offer.offers.find((o) => o.id === offerId)!;
      const draft = { councilCode: code, offerId, offerKind: chosen.kind, providerId: chosen.providerId, organisationId: sector.id, requestedOn: on, note: null };
      return askForSupport(store.sql, draft, null, (uses) => checkRequest({ offerId, requestedOn: on }, council(code), offer.offers, uses));
    };
    const raceStarted = performance.now();
    const race = await Promise.all(Array.from({ length: 100 }, () => ask(councils[0]!.code, 'productivity-expert', '2026-12-01')));
    console.log(
      `c. 100 asks of one kind for one council at once: ${fmt(performance.now() - raceStarted, 0)} ms, ${race.filter((r) => r.kind === 'ok').length} won, ${race.filter((r) => r.kind === 'open').length} told which is open`,
    );
    const allStarted = performance.now();
    const all = await Promise.all(councils.map((c) => ask(c.code, 'productivity-expert', '2026-12-02')));
    const seconds = (performance.now() - allStarted) / 1000;
    console.log(
      `d. ${councils.length} councils asking once, all at once: ${fmt(seconds * 1000, 0)} ms, ${fmt(councils.length / seconds, 0)} asks a second (${all.filter((r) => r.kind === 'ok').length} recorded, the rest already open)`,
    );
    console.log(`load average after: ${load()}`);
  } finally {
    await store.close();
  }
}

await main();
