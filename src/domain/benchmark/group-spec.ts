// The comparator group for a council, by name (as reports and dashboards
// save it): its 15 nearest neighbours, its region, councils of its type, or
// England. A place that is not a council, or one without neighbours to find,
// is compared with England.
import type { BenchmarkIndex, IndexArea } from './benchmark-index.ts';
import type { GroupSpec } from './benchmark-queries.ts';
import { isCouncil } from './comparator-group.ts';
import { statisticalNeighbours } from './statistical-neighbours.ts';

export type NamedGroup = 'neighbours' | 'region' | 'type' | 'england';

const NEIGHBOURS = 15;

export function groupSpecFor(index: BenchmarkIndex, area: IndexArea, group: NamedGroup): GroupSpec {
  if (group === 'neighbours' && isCouncil(area.type)) {
    const found = statisticalNeighbours(index, area, { variables: [], weights: [], count: NEIGHBOURS });
    if (found.kind === 'ok') {
      return {
        kind: 'neighbours', key: `${area.code}:${NEIGHBOURS}`, label: `${area.name} and its ${NEIGHBOURS} nearest neighbours`,
        members: [area.code, ...found.neighbours.map((n) => n.code)],
      };
    }
  }
  if (group === 'region' && area.regionCode) return { kind: 'region' };
  if (group === 'type' && isCouncil(area.type)) return { kind: 'type' };
  return { kind: 'england' };
}
