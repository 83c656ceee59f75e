// A map of England shaded by how each area compares (the same colours, shapes
// and words as the tags and charts), as the metric page, reports and
// dashboards draw it: which map (districts or upper tier) fits the areas with
// figures, each area's value and verdict for hover, and a key of the
// verdicts shown.
import { choroplethMap } from '../maps/choropleth.ts';
import type { MapGeometry } from '../maps/prepare-map.ts';
import type { Polarity } from '../../domain/metric/index.ts';
import { formatValue } from '../format.ts';
import { comparisonLegend, type Comparison } from './comparison.ts';

/** England's boundaries, as Lantern reads them once, with the words every map of them carries. */
export interface AreaMaps {
  readonly districts: MapGeometry;
  readonly upperTier: MapGeometry;
  readonly attribution: string;
}

export interface MapRow {
  readonly code: string;
  readonly value: number | null;
  readonly comparison: Comparison;
}

/** The map whose areas carry most of the figures; or, when one is given, the map that alone holds the chosen council. */
export function mapLevel(codes: readonly string[], chosenCode: string | null, maps: AreaMaps): MapGeometry {
  if (chosenCode && maps.districts.areas.has(chosenCode) !== maps.upperTier.areas.has(chosenCode)) {
    return maps.districts.areas.has(chosenCode) ? maps.districts : maps.upperTier;
  }
  const inDistricts = codes.filter((c) => maps.districts.areas.has(c)).length;
  const inUpper = codes.filter((c) => maps.upperTier.areas.has(c)).length;
  return inDistricts > inUpper ? maps.districts : maps.upperTier;
}

export function comparisonMap(geometry: MapGeometry, maps: AreaMaps, input: {
  readonly id: string; readonly title: string; readonly description: string; readonly rows: readonly MapRow[];
  readonly chosen: string | undefined; readonly decimals: number; readonly unit: string; readonly polarity: Polarity;
}): string {
  const shown = new Set(input.rows.map((r) => r.comparison.key));
  return choroplethMap(geometry, {
    id: input.id, title: input.title, description: input.description,
    fills: new Map(input.rows.map((r) => [r.code, { fill: r.comparison.fill, label: `${formatValue(r.value, input.decimals, input.unit)}, ${r.comparison.label}` }])),
    chosen: input.chosen,
    legend: comparisonLegend(input.polarity).filter((item) => shown.has(item.key)).map(({ fill, label, marker }) => ({ fill, label, marker })),
    attribution: maps.attribution,
  });
}
