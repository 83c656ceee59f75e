// When an intelligence item goes stale: six calendar months after it was
// last reviewed, counted on London's calendar, it is stale until someone who
// may change it marks it reviewed again. Soft intelligence ages: a note
// nobody has looked at for half a year may no longer be true, and says so
// wherever it appears rather than dropping out of sight.
//
// The months are calendar months, as people count them: reviewed on 3 March,
// stale from 3 September; reviewed on 31 August, stale from the last day of
// February, the month having no 31st.
import { formatDate, londonDay } from '../format/index.ts';

export const STALE_AFTER_MONTHS = 6;

export interface ItemReview {
  readonly reviewedAt: Date;
  readonly stale: boolean;
  /** "Reviewed 3 March 2026", or "Not reviewed since 3 March 2026: stale". */
  readonly sentence: string;
}

/** An item's review as of `now`: when it was last reviewed, and whether that is too long ago. */
export function itemReview(reviewedAt: Date, now: Date): ItemReview {
  const stale = londonDay(now) >= staleFrom(reviewedAt);
  const day = formatDate(reviewedAt);
  return { reviewedAt, stale, sentence: stale ? `Not reviewed since ${day}: stale` : `Reviewed ${day}` };
}

/** The London day (YYYY-MM-DD) from which an item reviewed at `reviewedAt` is stale. */
export function staleFrom(reviewedAt: Date): string {
  const [year, month, day] = londonDay(reviewedAt).split('-').map(Number) as [number, number, number];
  const months = month - 1 + STALE_AFTER_MONTHS;
  const y = year + Math.floor(months / 12);
  const m = months % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}
