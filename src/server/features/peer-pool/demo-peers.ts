// The demo's peer pool, so that its pages, a team's suggestions and the
// conflicts have something to show: three dozen invented peers (every name
// says so) of councils across England, in every role, with skills, kinds of
// council known, a few days away and a few declared conflicts; and the
// shared boundaries of the North East's councils that make a neighbour
// conflicted. Made once, when none of the invented peers is there; audited
// as the demo.
import type { AreaType } from '../../../domain/area/index.ts';
import { FIVE_CORE_ELEMENTS, type PeerRole } from '../../../domain/peer-challenge/index.ts';
import { recordAudit } from '../../../store/audit.ts';
import { getArea } from '../../../store/catalogue.ts';
import { addBorder, addPeer, declareConflict } from '../../../store/peer-pool.ts';
import { listPeers } from '../../../store/peer-records.ts';
import type { Sql } from '../../../store/store.ts';
import { madeByDemo } from '../../platform/access/demo-audit.ts';

const MARK = '(invented peer)';
const FIRST = ['Ada', 'Bram', 'Cora', 'Dev', 'Esme', 'Finn', 'Gail', 'Hal', 'Iris', 'Jory', 'Kit', 'Lena', 'Moss', 'Nell', 'Orin', 'Pia', 'Quill', 'Rue'];
const LAST = ['Madeup', 'Notreal', 'Fictional', 'Example', 'Sample', 'Placeholder'];
const PARTIES = ['Amber Party', 'Teal Party', 'Violet Party', 'Independent'];
/** Councils the invented peers serve: across England, so that most are free of the North East's conflicts. */
const COUNCILS = ['E08000035', 'E10000016', 'E06000035', 'E07000110', 'E08000024', 'E06000047', 'E06000001', 'E08000021', 'E09000033', 'E10000020', 'E06000023', 'E08000003'];
const KINDS: readonly AreaType[][] = [['unitary'], ['county', 'district'], ['metropolitan_district'], ['london_borough', 'unitary'], ['unitary', 'metropolitan_district']];
const ROLES: readonly PeerRole[] = ['chief_executive', 'councillor', 'manager', 'director', 'councillor', 'specialist'];
const SKILLS = [...FIVE_CORE_ELEMENTS, 'core_component', 'safeguarding_practice'];
/** Neighbours in the North East: a peer of one is conflicted at the other. */
const BORDERS: readonly [string, string][] = [
  ['E06000047', 'E06000001'],
  ['E06000047', 'E06000005'],
  ['E06000047', 'E06000004'],
  ['E06000047', 'E08000024'],
  ['E06000047', 'E08000037'],
  ['E06000047', 'E06000057'],
  ['E06000001', 'E06000004'],
  ['E06000004', 'E06000002'],
  ['E06000004', 'E06000005'],
  ['E06000002', 'E06000003'],
  ['E08000021', 'E08000037'],
  ['E08000037', 'E08000024'],
];

export async function createDemoPeers(sql: Sql, log: (line: string) => void): Promise<number> {
  if ((await listPeers(sql, {}, '2000-01-01')).some((p) => p.name.endsWith(MARK))) return 0;
  const known = new Set<string>();
  for (const code of new Set([...COUNCILS, ...BORDERS.flat()])) if (await getArea(sql, code)) known.add(code);
  if (known.size === 0) return 0;
  const councils = COUNCILS.filter((c) => known.has(c));
  const made = await sql.begin(async (tx) => {
    for (const [a, b] of BORDERS) if (known.has(a) && known.has(b)) await addBorder(tx, a, b, 'the demo: neighbours on the map of the North East');
    const ids: number[] = [];
    for (let i = 0; i < 36; i++) {
      const role = ROLES[i % ROLES.length]!;
      const skills = [SKILLS[i % SKILLS.length]!, SKILLS[(i * 3 + 1) % SKILLS.length]!].filter((s, n, all) => all.indexOf(s) === n);
      // some are away around the demo's weeks on site in early 2027, so suggestions leave them out
      const unavailable = i % 5 === 0 ? [{ from: '2027-02-22', to: '2027-03-05', reason: 'Annual leave' }] : i % 7 === 0 ? [{ from: '2027-01-11', to: '2027-01-22', reason: 'Budget setting' }] : [];
      const added = await addPeer(
        tx,
        {
          name: `${role === 'councillor' ? 'Cllr ' : ''}${FIRST[i % FIRST.length]} ${LAST[(i + Math.floor(i / FIRST.length)) % LAST.length]} ${MARK}`,
          role,
          party: role === 'councillor' ? PARTIES[i % PARTIES.length]! : null,
          councilCode: role === 'specialist' && i % 2 === 0 ? null : (councils[i % councils.length] ?? null),
          skills,
          sectorExperience: KINDS[i % KINDS.length]!,
          unavailable,
        },
        null,
      );
      if (added.kind === 'ok') ids.push(added.id);
    }
    const declared: [number, string, string][] = [
      [0, 'E06000001', 'Was its director of resources until last year'],
      [4, 'E06000047', 'A close relative is a cabinet member there'],
      [9, 'E06000005', 'Advised it on its budget as a consultant'],
      [13, 'E08000021', 'Lives in the city and is a governor of one of its schools'],
    ];
    for (const [at, council, reason] of declared) if (ids[at] !== undefined && known.has(council)) await declareConflict(tx, ids[at], council, reason, null);
    await recordAudit(tx, [madeByDemo('peer', null, `made ${ids.length} invented peers for the demo`)]);
    return ids.length;
  });
  log(`Lantern: made the demo's ${made} invented peers`);
  return made;
}
