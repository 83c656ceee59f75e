// Ratings of stored targets, from the engine's target progress over the
// benchmark index: each area's latest actual since the baseline, its progress
// and gap to the trajectory, and its band by the target's tolerance rule (or
// the reason it has none), always with the rule's words and the band's or
// reason's label beside it. Until the index is built the read waits, as every
// other figure does (503 with Retry-After).
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import { asTarget, rateTargets, type AreaProgress } from '../../../engine/target-progress.ts';
import { BAND_LABELS, NOT_RATED_LABELS, isRated } from '../../../domain/targets/index.ts';
import type { AreaRating, RateTargets } from './agreement-json.ts';

/** One area's standing, with its rating said in words: "Green" or "No data yet", and the rule that decided. */
export type RatedArea = AreaProgress & { readonly label: string };

/**
 * The engine's ratings, kept per agreement until the index or the targets
 * change: monitoring England asks for 20,000 targets' ratings on every
 * request, and they only change when a batch refreshes the index (its
 * generation moves) or a target is edited (its revision moves). Keyed by
 * agreement and by whether the ratings are final, so what is kept is bounded
 * by the agreements there are.
 */
export function engineRatings(engine: BenchmarkEngine): RateTargets {
  const rate = indexRatings(() => engine.index);
  const kept = new Map<string, { index: BenchmarkIndex; generation: number; targets: string; ratings: ReadonlyMap<number, readonly AreaRating[]> }>();
  return (agreement, targets, reach = {}) => {
    const index = engine.index;
    const key = `${agreement.id}${reach.final ? ' final' : ''}`;
    const signature = targets.map((t) => `${t.id}:${t.revision}`).join(',');
    const found = kept.get(key);
    if (found && found.index === index && found.generation === engine.generation && found.targets === signature) return found.ratings;
    const ratings = rate(agreement, targets, reach);
    kept.set(key, { index, generation: engine.generation, targets: signature, ratings });
    return ratings;
  };
}

/** Ratings read through whichever index `current` gives at the time of asking. */
export function indexRatings(current: () => BenchmarkIndex): RateTargets {
  return (_agreement, targets, reach = {}) => {
    const index = current();
    const rated = targets.flatMap((t) => {
      const series = index.metric(t.metricCode);
      return series ? [asTarget(t, series.metric.polarity, series.metric.seriesBreaks)] : [];
    });
    return new Map(rateTargets(index, rated, reach).map((p) => [Number(p.targetId), p.areas.map(labelled)]));
  };
}

export function labelled(area: AreaProgress): RatedArea {
  return { ...area, label: isRated(area.rating) ? BAND_LABELS[area.rating.band] : NOT_RATED_LABELS[area.rating.notRated] };
}
