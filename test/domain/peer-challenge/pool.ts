// A small peer pool and the East of England councils it serves, for the
// conflict and team tests. Babergh and Mid Suffolk share a chief executive.
import type { CouncilPlace, Peer, Places } from '../../../src/domain/peer-challenge/index.ts';

function place(code: string, name: string, type: CouncilPlace['type'], county: string | null, borders: string[], sharedChiefExecutive: string | null = null): CouncilPlace {
  return Object.freeze({ code, name, type, county, borders: new Set(borders), sharedChiefExecutive });
}

export const PLACES: Places = new Map(
  [
    place('E10000029', 'Suffolk', 'county', null, ['E10000020', 'E10000012', 'E10000003']),
    place('E07000202', 'Ipswich', 'district', 'E10000029', ['E07000200', 'E07000203', 'E07000244']),
    place('E07000200', 'Babergh', 'district', 'E10000029', ['E07000202', 'E07000203', 'E07000071'], 'babergh-mid-suffolk'),
    place('E07000203', 'Mid Suffolk', 'district', 'E10000029', ['E07000202', 'E07000200'], 'babergh-mid-suffolk'),
    place('E07000071', 'Colchester', 'district', 'E10000012', ['E07000200']),
    place('E10000012', 'Essex', 'county', null, ['E10000029', 'E10000015']),
    place('E10000020', 'Norfolk', 'county', null, ['E10000029']),
    place('E10000015', 'Hertfordshire', 'county', null, ['E10000012']),
    place('E06000031', 'Peterborough', 'unitary', null, []),
    place('E10000016', 'Kent', 'county', null, []),
  ].map((p) => [p.code, p]),
);

export function peer(id: string, changes: Partial<Peer> = {}): Peer {
  return Object.freeze<Peer>({
    id,
    name: `Peer ${id}`,
    role: 'director',
    party: null,
    councilCode: 'E10000016',
    skills: [],
    sectorExperience: ['district'],
    unavailable: [],
    declaredConflicts: [],
    peerDaysGiven: 0,
    ...changes,
  });
}
