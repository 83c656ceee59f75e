// Off trajectory: for one council, each target whose latest rating is red or
// amber, with the actual, the trajectory's expected value and the words of
// the rule that rated it. Early warning reads this beside the benchmark
// concerns (domain/benchmark/worse-and-worsening.ts): positions and reasons,
// red before amber, never a count or a score. A target not rated (no data, a
// placeholder, a break in the series) is not off trajectory: it says nothing.
import type { Band } from '../domain/targets/index.ts';
import type { AreaProgress, TargetProgress } from './target-progress.ts';

/** What is read of a target's progress: the engine's own, or its ratings as a feature carries them. */
export type RatedProgress = Pick<TargetProgress, 'targetId' | 'metricCode'> & {
  readonly areas: readonly Pick<AreaProgress, 'area' | 'period' | 'actual' | 'expected' | 'gap' | 'rating'>[];
};

export interface OffTrajectory {
  readonly targetId: string;
  readonly metricCode: string;
  readonly band: Exclude<Band, 'green'>;
  readonly period: string | null;
  readonly actual: number | null;
  readonly expected: number | null;
  /** Actual against the trajectory, positive when better. */
  readonly gap: number | null;
  readonly rule: string;
}

/** The council's red and amber targets among the ratings, red first, then by metric and target. */
export function offTrajectory(ratings: Iterable<RatedProgress>, areaCode: string): OffTrajectory[] {
  const found: OffTrajectory[] = [];
  for (const progress of ratings) {
    for (const area of progress.areas) {
      const line = area.area === areaCode ? offLine(progress, area) : null;
      if (line) found.push(line);
    }
  }
  return found.sort(inOrder);
}

/**
 * Every council's red and amber targets among the ratings, each council's as
 * `offTrajectory` gives them, councils in the order their first rating comes:
 * the ratings read once, not once a council (early warning reads every
 * council's on every metric).
 */
export function offTrajectoryOfEach(ratings: Iterable<RatedProgress>): Map<string, OffTrajectory[]> {
  // A council rated green first holds its place (null) until a red or amber rating of its own comes.
  const placed = new Map<string, OffTrajectory[] | null>();
  for (const progress of ratings) {
    for (const area of progress.areas) {
      const line = offLine(progress, area);
      const own = placed.get(area.area);
      if (own === undefined) placed.set(area.area, line ? [line] : null);
      else if (line && own) own.push(line);
      else if (line) placed.set(area.area, [line]);
    }
  }
  const found = new Map<string, OffTrajectory[]>();
  for (const [area, lines] of placed) if (lines) found.set(area, lines.sort(inOrder));
  return found;
}

type AreaRating = RatedProgress['areas'][number];

/** A council's rating of a target as a line, if red or amber. */
function offLine(progress: RatedProgress, area: AreaRating): OffTrajectory | null {
  if (!('band' in area.rating) || area.rating.band === 'green') return null;
  const { period, actual, expected, gap } = area;
  return { targetId: progress.targetId, metricCode: progress.metricCode, band: area.rating.band, period, actual, expected, gap, rule: area.rating.rule };
}

function inOrder(a: OffTrajectory, b: OffTrajectory): number {
  return bandOrder(a.band) - bandOrder(b.band) || a.metricCode.localeCompare(b.metricCode) || a.targetId.localeCompare(b.targetId);
}

const bandOrder = (band: OffTrajectory['band']) => (band === 'red' ? 0 : 1);
