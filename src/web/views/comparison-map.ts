// A map of England shaded by how each area compares (the same colours, shapes
// and words as the tags and charts), as the metric page, reports and
// dashboards draw it: which map (districts or upper tier, of today or of an
// earlier generation) fits the areas with figures, each area's value and
// verdict for hover, and a key of the verdicts shown.
import { choroplethMap } from '../maps/choropleth.ts';
import type { MapGeometry } from '../maps/prepare-map.ts';
import { formatValue } from '../../domain/format/index.ts';
import type { Polarity } from '../../domain/metric/index.ts';
import { comparisonLegend, type ComparisonTag } from './comparison.ts';

/** One map of England's areas, with the words every drawing of it carries. */
export interface AreaMap {
  readonly geometry: MapGeometry;
  readonly attribution: string;
}

/** England's districts and upper tier as they stood for a while. */
export interface BoundaryGeneration {
  /** The year it took effect, as the generation is named. */
  readonly name: string;
  /** The day it took effect; null for the first Lantern has. */
  readonly from: string | null;
  readonly districts: AreaMap;
  readonly upperTier: AreaMap;
}

/**
 * England's boundaries, as Lantern reads them once: districts and upper tier
 * as they are now, and, newest first, as they were from 2013 until the
 * reorganisations of 2023, for figures about the councils of those years.
 */
export interface AreaMaps {
  readonly districts: AreaMap;
  readonly upperTier: AreaMap;
  readonly earlier: readonly BoundaryGeneration[];
}

export interface MapRow {
  readonly code: string;
  readonly value: number | null;
  readonly comparison: ComparisonTag;
}

/**
 * The map whose areas carry most of the figures: among the maps that hold the
 * chosen council, when one is given and any does; when two carry as many, the
 * upper tier before districts and the newer before the older. A period's
 * figures are about the councils of its time, as its publisher recast them, so
 * a 2015/16 map of districts may be of 2021's (Cumbria's six districts beside
 * East Suffolk) and a 2023/24 one is today's.
 */
export function mapLevel(codes: readonly string[], chosenCode: string | null, maps: AreaMaps): AreaMap {
  const all = [maps.upperTier, maps.districts, ...maps.earlier.flatMap((generation) => [generation.upperTier, generation.districts])];
  const holding = chosenCode ? all.filter((map) => map.geometry.areas.has(chosenCode)) : [];
  let best = holding[0] ?? all[0]!;
  let bestCount = -1;
  for (const map of holding.length > 0 ? holding : all) {
    const count = codes.filter((code) => map.geometry.areas.has(code)).length;
    if (count > bestCount) [best, bestCount] = [map, count];
  }
  return best;
}

export function comparisonMap(
  map: AreaMap,
  input: {
    readonly id: string;
    readonly title: string;
    readonly description: string;
    readonly rows: readonly MapRow[];
    readonly chosen: string | undefined;
    readonly decimals: number;
    readonly unit: string;
    readonly polarity: Polarity;
  },
): string {
  const shown = new Set(input.rows.map((r) => r.comparison.key));
  return choroplethMap(map.geometry, {
    id: input.id,
    title: input.title,
    description: input.description,
    fills: new Map(input.rows.map((r) => [r.code, { fill: r.comparison.fill, label: `${formatValue(r.value, input.decimals, input.unit)}, ${r.comparison.label}` }])),
    chosen: input.chosen,
    legend: comparisonLegend(input.polarity)
      .filter((item) => shown.has(item.key))
      .map(({ fill, label, marker }) => ({ fill, label, marker })),
    attribution: map.attribution,
  });
}
