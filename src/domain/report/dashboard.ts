// A dashboard: the figures a member follows, as tiles. Each tile is one
// metric for one council against a comparator group, shown as its value and
// verdict, its league position, its trend or a map. A council's default
// dashboard follows every metric of its own area; a user composes their own.
import { isGssCode } from '../area/index.ts';
import { isMetricCode } from '../metric/index.ts';
import { REPORT_GROUPS, type FieldProblem, type ReportGroup } from './report-definition.ts';

export const TILE_KINDS = ['value', 'league', 'trend', 'map'] as const;
export type TileKind = (typeof TILE_KINDS)[number];

export interface DashboardTile {
  readonly kind: TileKind;
  readonly metric: string;
  readonly area: string;
  readonly group: ReportGroup;
}

export const DASHBOARD_LIMITS = { title: 200, tiles: 48 } as const;

export type CheckedDashboard = { readonly kind: 'ok'; readonly title: string; readonly tiles: readonly DashboardTile[] } | { readonly kind: 'invalid'; readonly problems: readonly FieldProblem[] };

/** Checks a dashboard as people send it: a title and tiles, each naming a metric and a council Lantern holds. */
export function checkDashboard(input: unknown, knownMetric: (code: string) => boolean, knownArea: (code: string) => boolean): CheckedDashboard {
  const problems: FieldProblem[] = [];
  const record = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const title = typeof record.title === 'string' ? record.title.trim() : '';
  if (title === '') problems.push({ field: 'title', message: 'this is required' });
  if (title.length > DASHBOARD_LIMITS.title) problems.push({ field: 'title', message: `this is longer than ${DASHBOARD_LIMITS.title} characters` });
  const list = Array.isArray(record.tiles) ? record.tiles : [];
  if (list.length === 0) problems.push({ field: 'tiles', message: 'a dashboard needs at least one tile' });
  if (list.length > DASHBOARD_LIMITS.tiles) problems.push({ field: 'tiles', message: `a dashboard has at most ${DASHBOARD_LIMITS.tiles} tiles` });
  const tiles = list.slice(0, DASHBOARD_LIMITS.tiles).map((tile, i) => checkTile(tile, `tiles[${i}]`, knownMetric, knownArea, problems));
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'ok', title, tiles };
}

function checkTile(input: unknown, at: string, knownMetric: (code: string) => boolean, knownArea: (code: string) => boolean, problems: FieldProblem[]): DashboardTile {
  const tile = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const kind = (TILE_KINDS as readonly unknown[]).includes(tile.kind) ? (tile.kind as TileKind) : 'value';
  if (!(TILE_KINDS as readonly unknown[]).includes(tile.kind)) problems.push({ field: `${at}.kind`, message: `a tile is one of ${TILE_KINDS.join(', ')}` });
  const metric = typeof tile.metric === 'string' ? tile.metric.trim() : '';
  if (!isMetricCode(metric) || !knownMetric(metric)) problems.push({ field: `${at}.metric`, message: `not a metric in the library: '${metric}'` });
  const area = typeof tile.area === 'string' ? tile.area.trim().toUpperCase() : '';
  if (!isGssCode(area) || !knownArea(area)) problems.push({ field: `${at}.area`, message: `not a council Lantern holds: '${area}'` });
  const group = (REPORT_GROUPS as readonly unknown[]).includes(tile.group) ? (tile.group as ReportGroup) : 'neighbours';
  if (tile.group !== undefined && !(REPORT_GROUPS as readonly unknown[]).includes(tile.group)) {
    problems.push({ field: `${at}.group`, message: `the group must be one of ${REPORT_GROUPS.join(', ')}` });
  }
  return { kind, metric, area, group };
}

/** A council's default dashboard: each metric's value against its nearest neighbours, then its trend, at most a dozen. */
export function defaultTiles(area: string, metrics: readonly string[]): DashboardTile[] {
  return metrics.slice(0, 12).map((metric, i) => ({ kind: i % 3 === 2 ? 'trend' : 'value', metric, area, group: 'neighbours' }));
}
