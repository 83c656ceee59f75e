// What a publisher's own words say about a metric: its polarity, its kind of
// value and its multiplier, read from the cells of their metadata files.
//
// Publishers write polarity as 'High' / 'Low' (DfE's LAIT), 'Higher is better'
// (Oflog), 'desc' (a ranking order, higher first), or a sentence that says so
// ('lower is better (demand)'); a dash, 'context' or nothing means neither is
// better. Units and measures say the kind of value: '%' or 'Percentage' is a
// proportion shown per 100, 'Rate per 100,000 population' a rate per 100,000,
// 'Pounds' or '£' money, 'Number of enterprises' a count. Anything else reads
// as a mean: a figure compared as it is.
import type { Polarity, ValueKind } from './metric.ts';

const HIGHER = /^(higher_is_better|higher is better|higher|high|up|desc|descending|more is better)$/;
const LOWER = /^(lower_is_better|lower is better|lower|low|down|asc|ascending|less is better)$/;
const NEITHER = /^(|-|neutral|none|n\/a|na|neither)$|^context\b/;

/** The polarity the words state, or undefined when they state none Lantern can read. */
export function polarityFromWords(text: string): Polarity | undefined {
  const words = text.trim().toLowerCase();
  if (NEITHER.test(words)) return 'neutral';
  if (HIGHER.test(words)) return 'higher_is_better';
  if (LOWER.test(words)) return 'lower_is_better';
  const higher = words.includes('higher is better');
  const lower = words.includes('lower is better');
  if (higher === lower) return undefined;
  return higher ? 'higher_is_better' : 'lower_is_better';
}

/** The kind of value a unit or measure names; a mean where the words name none. */
export function valueKindFromWords(text: string): ValueKind {
  const words = text.toLowerCase();
  if (/%|percent|proportion/.test(words)) return 'proportion';
  if (/\brate\b|\bper\b/.test(words)) return 'rate';
  if (/£|pounds?\b|spend|cost|expenditure/.test(words)) return 'currency';
  if (/\bindex\b/.test(words)) return 'index';
  if (/^(number|count)\b|^counts? of\b(?!.*\bper\b)/.test(words)) return 'count';
  return 'mean';
}

/** Per how many a rate or proportion is given: 100 for percentages, 100,000 for 'per 100,000'. */
export function multiplierFromWords(text: string, kind: ValueKind): number | null {
  if (kind === 'proportion') return 100;
  if (kind !== 'rate') return null;
  const per = /per\s+([\d,]+)/i.exec(text);
  return per ? Number(per[1]!.replace(/,/g, '')) : null;
}
