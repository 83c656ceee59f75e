// Team suggestion benchmark (issue 21: p99 ≤ 100 ms over 5,000 peers). A
// synthetic programme: 400 councils in 40 counties, each bordering its
// neighbours in a ring, some pairs sharing a chief executive; 5,000 peers
// (a fifth chief executives, a fifth member peers of four parties, the rest
// directors, specialists and managers) with skills, experience, days they
// cannot give and declared conflicts; 100,000 bookings over fifteen years of
// weeks. Each run asks `suggestTeam` for one challenge's team: a random
// council, week and three focus areas. Printed: p50, p95, p99 and max over
// the runs, first handing in every booking (the worst case), then only those
// touching the week, as a store reads them by date range; and how many peers
// a suggestion left out, on average.
//
// Usage: npm run bench:team-suggestion [-- --peers 5000 --bookings 100000 --runs 1000]
import { parseArgs } from 'node:util';
import type { AreaType } from '../src/domain/area/index.ts';
import { PEER_ROLES, suggestTeam, type Booking, type CouncilPlace, type Peer, type TeamChallenge } from '../src/domain/peer-challenge/index.ts';
import { nearestRanks } from './nearest-rank.ts';
import { seededRandom } from './seeded-random.ts';

const { values } = parseArgs({ options: { peers: { type: 'string', default: '5000' }, bookings: { type: 'string', default: '100000' }, runs: { type: 'string', default: '1000' } } });
const PEERS = Number(values.peers);
const BOOKINGS = Number(values.bookings);
const RUNS = Number(values.runs);
const COUNCILS = 400;
const SKILLS = [
  'local_priorities_and_outcomes',
  'organisational_and_place_leadership',
  'governance_and_culture',
  'financial_planning_and_management',
  'capacity_for_improvement',
  'housing',
  'adult_social_care',
  'childrens_services',
  'planning',
  'regeneration',
  'digital',
  'workforce',
];
const PARTIES = ['Conservative', 'Labour', 'Liberal Democrat', 'Independent'];
const TYPES: AreaType[] = ['county', 'district', 'unitary', 'metropolitan_district', 'london_borough'];
const random = seededRandom(21);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const code = (i: number) => `E0${String(7_000_000 + i).padStart(7, '0')}`;
const day = (offset: number) => new Date(Date.UTC(2012, 0, 2) + offset * 86_400_000).toISOString().slice(0, 10);
const span = (offset: number, days: number) => ({ from: day(offset), to: day(offset + days - 1) });

function places(): Map<string, CouncilPlace> {
  const map = new Map<string, CouncilPlace>();
  for (let i = 0; i < COUNCILS; i++) {
    const type = i % 10 === 0 ? 'county' : pick(TYPES.slice(1));
    const county = type === 'district' ? code(i - (i % 10)) : null;
    const borders = new Set([code((i + 1) % COUNCILS), code((i + COUNCILS - 1) % COUNCILS), code((i + 10) % COUNCILS)]);
    map.set(code(i), { code: code(i), name: `Council ${i}`, type, county, borders, sharedChiefExecutive: i % 50 < 2 ? `shared-${Math.floor(i / 50)}` : null });
  }
  return map;
}

function peers(): Peer[] {
  return Array.from({ length: PEERS }, (_, i) => {
    const role = i % 5 === 0 ? 'chief_executive' : i % 5 === 1 ? 'councillor' : pick(PEER_ROLES.filter((r) => r !== 'chief_executive' && r !== 'councillor'));
    const away = random() < 0.3 ? [span(Math.floor(random() * 5400), 14)] : [];
    return {
      id: `peer-${i}`,
      name: `Peer ${i}`,
      role,
      party: role === 'councillor' ? pick(PARTIES) : null,
      councilCode: random() < 0.9 ? code(Math.floor(random() * COUNCILS)) : null,
      skills: Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(SKILLS)),
      sectorExperience: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(TYPES)),
      unavailable: away,
      declaredConflicts: random() < 0.1 ? [{ councilCode: code(Math.floor(random() * COUNCILS)), reason: 'declared' }] : [],
      peerDaysGiven: Math.floor(random() * 60),
    };
  });
}

function bookings(): Booking[] {
  return Array.from({ length: BOOKINGS }, (_, i) => ({ peerId: `peer-${Math.floor(random() * PEERS)}`, challengeId: `challenge-${Math.floor(i / 5)}`, onSite: span(Math.floor(random() * 5400), 4) }));
}

function challenge(i: number): TeamChallenge {
  return {
    id: `asked-${i}`,
    councilCode: code(Math.floor(random() * COUNCILS)),
    kind: 'corporate',
    onSite: span(Math.floor(random() * 5400), 4),
    focusAreas: [pick(SKILLS), pick(SKILLS), pick(SKILLS)],
    team: [],
  };
}

const PLACES = places();
const POOL = peers();
const BOOKED = bookings();

/** p50, p95, p99 and max of `RUNS` suggestions, given the bookings each is handed. */
function measure(bookingsFor: (asked: TeamChallenge) => readonly Booking[]): { line: string; excluded: number } {
  for (let i = 0; i < 20; i++) suggestTeam(challenge(i), POOL, BOOKED, PLACES);
  const times: number[] = [];
  let excluded = 0;
  for (let i = 0; i < RUNS; i++) {
    const asked = challenge(i);
    const handed = bookingsFor(asked);
    const started = performance.now();
    const suggestion = suggestTeam(asked, POOL, handed, PLACES);
    times.push(performance.now() - started);
    excluded += suggestion.excluded.length;
  }
  const [p50, p95, p99, max] = nearestRanks(times, [0.5, 0.95, 0.99, 1]).map((ms) => ms.toFixed(2));
  return { line: `p50 ${p50} ms   p95 ${p95} ms   p99 ${p99} ms   max ${max} ms`, excluded: excluded / RUNS };
}

const overlapping = (asked: TeamChallenge) => BOOKED.filter((b) => b.onSite.from <= asked.onSite.to && asked.onSite.from <= b.onSite.to);
console.log(`suggestTeam over ${PEERS.toLocaleString('en-GB')} peers, ${BOOKINGS.toLocaleString('en-GB')} bookings, ${COUNCILS} councils; ${RUNS} runs each (target p99 ≤ 100 ms)`);
const all = measure(() => BOOKED);
console.log(`  every booking handed in:         ${all.line}`);
const week = measure(overlapping);
console.log(`  the week's bookings handed in:   ${week.line}   (as the store reads them)`);
console.log(`  peers left out per suggestion (conflicts, bookings, unavailable): ${all.excluded.toFixed(1)} on average`);
