// Early sight: a metric with status 'early_sight' holds data released ahead of
// publication. Until its embargo ends its observations are restricted: the
// council each is about and the partners the release is shared with may read
// them. From the embargo's end (an instant, as releases are timed) they are
// public like any published figure. An early-sight metric with no embargo end
// set stays restricted until one is.
import type { MetricStatus } from '../metric/index.ts';
import type { Classification } from './classification.ts';

/** The classification a metric's observations are born with. */
export function metricClassification(status: MetricStatus): Classification {
  return status === 'early_sight' ? 'restricted' : 'public';
}

/** A record's classification at `now` (milliseconds since 1970): an ended embargo makes it public. */
export function classificationAt(classification: Classification, embargoUntil: number | null, now: number): Classification {
  return embargoUntil !== null && now >= embargoUntil ? 'public' : classification;
}
