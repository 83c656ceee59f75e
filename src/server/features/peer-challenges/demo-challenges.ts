// The demo's peer challenges, so that the programme page has something to
// show: ten councils of the North East at every stage from a first enquiry
// to a closed challenge, some with items overdue, made up for the demo (each
// enquiry's step says so). Each is taken through the real lifecycle (the
// domain's `advance`, the store's steps and bookings) by four synthetic
// peers, and held by the demo's sector improvement body, whose peer
// challenge managers run them. Made once, when that body is there and no
// challenge is. The demo's programme also says whose history it holds: every
// North East council's corporate challenges since April 2019 (made up too),
// so that early warning judges those councils and no other: the rest of
// England's history is not held, and "no record held" is not "no challenge".
import { FIVE_CORE_ELEMENTS, type ChallengeKind } from '../../../domain/peer-challenge/index.ts';
import { recordAudit } from '../../../store/audit.ts';
import { getArea } from '../../../store/catalogue.ts';
import { findOrganisationByName } from '../../../store/organisations.ts';
import { bookPeer } from '../../../store/peer-bookings.ts';
import { anyChallenge, openEnquiry, takeStep } from '../../../store/peer-challenge-records.ts';
import { readChallenge, type ChallengeMove } from '../../../store/peer-challenges.ts';
import { anyChallengeMarked, anyHistoryHeld, declareHistoryHeld } from '../../../store/peer-history-held.ts';
import { addPeer } from '../../../store/peer-pool.ts';
import type { Sql } from '../../../store/store.ts';
import { madeByDemo } from '../../platform/access/demo-audit.ts';

const SYNTHETIC = 'made up for the Lantern demo: not a real challenge';

type Week = { readonly from: string; readonly to: string };
type Role = 'chief_executive' | 'councillor' | 'manager' | 'director';

interface DemoChallenge {
  readonly council: string;
  readonly kind: ChallengeKind;
  readonly enquiredOn: string;
  readonly focus?: readonly string[];
  readonly week?: Week;
  readonly team?: readonly Role[];
  /** The later steps, in order, each with its day. */
  readonly steps?: readonly ChallengeMove[];
}

const CORE = [...FIVE_CORE_ELEMENTS];
const CORPORATE_TEAM: readonly Role[] = ['chief_executive', 'councillor', 'manager'];
const SERVICE_TEAM: readonly Role[] = ['director', 'manager'];
const on = (kind: Exclude<ChallengeMove['kind'], 'scope' | 'book' | 'confirm_team' | 'close'>, day: string): ChallengeMove => ({ kind, on: day });

const CHALLENGES: readonly DemoChallenge[] = [
  {
    council: 'E06000047',
    kind: 'corporate',
    enquiredOn: '2025-09-01',
    focus: CORE,
    week: { from: '2026-01-26', to: '2026-01-29' },
    team: CORPORATE_TEAM,
    steps: [
      { kind: 'confirm_team' },
      on('arrive', '2026-01-26'),
      on('give_feedback', '2026-01-29'),
      on('send_report_for_fact_check', '2026-03-10'),
      on('publish_report', '2026-04-20'),
      on('publish_action_plan', '2026-05-30'),
    ],
  },
  { council: 'E06000001', kind: 'corporate', enquiredOn: '2026-08-03', focus: CORE, week: { from: '2027-03-01', to: '2027-03-04' } },
  { council: 'E08000024', kind: 'corporate', enquiredOn: '2026-11-02' },
  { council: 'E08000037', kind: 'corporate', enquiredOn: '2026-10-12', focus: [...CORE, 'local_priorities_and_outcomes'] },
  {
    council: 'E06000005',
    kind: 'corporate',
    enquiredOn: '2026-01-12',
    focus: CORE,
    week: { from: '2026-06-15', to: '2026-06-18' },
    team: CORPORATE_TEAM,
    steps: [{ kind: 'confirm_team' }, on('arrive', '2026-06-15'), on('give_feedback', '2026-06-18'), on('send_report_for_fact_check', '2026-08-01')],
  },
  {
    council: 'E06000004',
    kind: 'safeguarding',
    enquiredOn: '2026-07-06',
    focus: ['safeguarding_practice'],
    week: { from: '2027-01-18', to: '2027-01-21' },
    team: SERVICE_TEAM,
    steps: [{ kind: 'confirm_team' }],
  },
  {
    council: 'E06000002',
    kind: 'corporate',
    enquiredOn: '2024-05-13',
    focus: CORE,
    week: { from: '2024-10-07', to: '2024-10-10' },
    team: CORPORATE_TEAM,
    steps: [
      { kind: 'confirm_team' },
      on('arrive', '2024-10-07'),
      on('give_feedback', '2024-10-10'),
      on('send_report_for_fact_check', '2024-11-15'),
      on('publish_report', '2024-12-20'),
      on('publish_action_plan', '2025-01-17'),
      on('hold_progress_review', '2025-08-11'),
      on('publish_progress_review_report', '2025-09-26'),
      { kind: 'close', on: '2025-09-26', reason: '' },
    ],
  },
  { council: 'E06000003', kind: 'corporate', enquiredOn: '2026-02-02', steps: [{ kind: 'close', on: '2026-03-16', reason: 'The council asked to wait until after its elections.' }] },
  {
    council: 'E08000021',
    kind: 'adults',
    enquiredOn: '2026-05-05',
    focus: ['local_priorities_and_outcomes'],
    week: { from: '2026-11-17', to: '2026-11-20' },
    team: SERVICE_TEAM,
    steps: [{ kind: 'confirm_team' }, on('arrive', '2026-11-17'), on('give_feedback', '2026-11-20')],
  },
  {
    council: 'E06000057',
    kind: 'corporate',
    enquiredOn: '2026-03-02',
    focus: CORE,
    week: { from: '2026-09-07', to: '2026-09-10' },
    team: CORPORATE_TEAM,
    steps: [{ kind: 'confirm_team' }, on('arrive', '2026-09-07'), on('give_feedback', '2026-09-10'), on('send_report_for_fact_check', '2026-10-01'), on('publish_report', '2026-10-15')],
  },
];

const PEERS: readonly { role: Role; name: string; party: string | null }[] = [
  { role: 'chief_executive', name: 'Alex Morgan (synthetic peer)', party: null },
  { role: 'councillor', name: 'Cllr Sam Patel (synthetic peer)', party: 'Independent' },
  { role: 'manager', name: 'Jo Reid (synthetic peer)', party: null },
  { role: 'director', name: 'Chris Okafor (synthetic peer)', party: null },
];

/** The North East's councils, whose corporate history the demo's programme holds from HELD_FROM. */
const NORTH_EAST = ['E06000001', 'E06000002', 'E06000003', 'E06000004', 'E06000005', 'E06000047', 'E06000057', 'E08000021', 'E08000022', 'E08000023', 'E08000024', 'E08000037'];
const HELD_FROM = '2019-04-01';

export async function createDemoChallenges(sql: Sql, log: (line: string) => void): Promise<void> {
  const body = await findOrganisationByName(sql, 'Sector improvement body');
  if (!body) return;
  if (!(await anyChallenge(sql))) await makeChallenges(sql, body.id, log);
  await holdNorthEastHistory(sql, log);
}

/** Once, on a demo whose made-up challenges are there: the North East's corporate history held, so the cadence rule judges those councils alone. */
async function holdNorthEastHistory(sql: Sql, log: (line: string) => void): Promise<void> {
  if ((await anyHistoryHeld(sql)) || !(await anyChallengeMarked(sql, SYNTHETIC))) return;
  const known = (await Promise.all(NORTH_EAST.map(async (code) => ((await getArea(sql, code)) ? code : null)))).filter((code) => code !== null);
  await sql.begin(async (tx) => {
    await declareHistoryHeld(tx, known, 'corporate', HELD_FROM, `${SYNTHETIC}: the demo's programme holds the North East's corporate challenges from ${HELD_FROM}`, null);
    await recordAudit(tx, [madeByDemo('peer_challenge', null, `declared the demo's programme holds ${known.length} North East councils' corporate peer challenges from ${HELD_FROM}`)]);
  });
  log(`Lantern: the demo's programme holds ${known.length} North East councils' corporate peer challenges from ${HELD_FROM}; other councils' history is not held`);
}

async function makeChallenges(sql: Sql, bodyId: number, log: (line: string) => void): Promise<void> {
  const known = await Promise.all(CHALLENGES.map(async (c) => ((await getArea(sql, c.council)) ? c.council : null)));
  const councils = new Set(known.filter((code) => code !== null));
  const made = await sql.begin(async (tx) => {
    const peers = new Map<Role, number>();
    for (const p of PEERS) {
      const added = await addPeer(tx, { name: p.name, role: p.role, party: p.party, councilCode: null, skills: [], sectorExperience: [], unavailable: [] }, null);
      if (added.kind !== 'ok') throw new Error(`the demo peer ${p.name} is refused: ${added.problem.message}`);
      peers.set(p.role, added.id);
    }
    let count = 0;
    for (const c of CHALLENGES.filter((d) => councils.has(d.council))) {
      const opened = await openEnquiry(tx, { councilCode: c.council, kind: c.kind, enquiredOn: c.enquiredOn, managedBy: null, heldBy: bodyId, detail: SYNTHETIC });
      if (opened.kind !== 'ok') throw new Error(`the demo challenge of ${c.council} is refused`);
      const step = async (move: ChallengeMove, detail = '') => {
        const revision = (await readChallenge(tx, opened.id))!.revision;
        const moved = await takeStep(tx, opened.id, move, detail, null, revision);
        if (moved.kind !== 'ok') throw new Error(`the demo challenge of ${c.council} cannot ${move.kind}: ${moved.problem.message}`);
      };
      if (c.focus) await step({ kind: 'scope', focusAreas: c.focus });
      if (c.week) await step({ kind: 'book', onSite: c.week }, `on site ${c.week.from} to ${c.week.to}`);
      for (const role of c.team ?? []) {
        const booked = await bookPeer(tx, opened.id, peers.get(role)!, role === 'chief_executive', null);
        if (booked.kind !== 'booked') throw new Error(`the demo peer cannot join ${c.council}'s team: ${booked.problem.message}`);
      }
      for (const move of c.steps ?? []) await step(move, move.kind === 'close' ? move.reason : '');
      count += 1;
    }
    await recordAudit(tx, [madeByDemo('peer_challenge', null, `made ${count} synthetic peer challenges for the demo`)]);
    return count;
  });
  log(`Lantern: the demo has ${made} synthetic peer challenges, run by the sector improvement body`);
}
