// The comparator group for a council, by name (as reports and dashboards
// save it): its 15 nearest neighbours, its region, councils of its type, or
// England. A place that is not a council, or one without neighbours to find,
// is compared with England.
import type { BenchmarkIndex, IndexArea } from './benchmark-index.ts';
import type { GroupSpec } from './benchmark-queries.ts';
import { isCouncil } from './comparator-group.ts';
import { neighbourGroup, statisticalNeighbours } from './statistical-neighbours.ts';

export type NamedGroup = 'neighbours' | 'region' | 'type' | 'england';

const NEIGHBOURS = 15;

const NO_EARLY_SIGHT: ReadonlySet<string> = new Set();

/**
 * The group by name. Neighbours are found from published contextual metrics
 * and those early-sight ones the viewer may read in full (none unless given):
 * what a report or dashboard shows never rests on figures under embargo.
 */
export function groupSpecFor(index: BenchmarkIndex, area: IndexArea, group: NamedGroup, readableEarlySight: ReadonlySet<string> = NO_EARLY_SIGHT): GroupSpec {
  if (group === 'neighbours' && isCouncil(area.type)) {
    const found = statisticalNeighbours(index, area, { variables: [], weights: [], count: NEIGHBOURS, readableEarlySight });
    if (found.kind === 'ok') return neighbourGroup(area, found);
  }
  if (group === 'region' && area.regionCode) return { kind: 'region' };
  if (group === 'type' && isCouncil(area.type)) return { kind: 'type' };
  return { kind: 'england' };
}
