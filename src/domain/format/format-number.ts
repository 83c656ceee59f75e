/*
 * Format number: a figure as Lantern writes it everywhere (pages, charts,
 * reports, the sentences of verdicts): en-GB digits grouped, the metric's own
 * decimals (12,345.6), so that a chart, its hover text and the table beside it
 * always say the same figure.
 *
 * A value that rounds to zero is written 0, never -0: -0.04 to one decimal is
 * "0.0", as a reader would round it, not "-0.0", which reads as a loss.
 * Decimals are whole places from 0 to 20 (what Intl accepts); anything else is
 * brought into that range rather than thrown, since a metric's decimals come
 * from imported definitions.
 */
const FORMATS = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, decimals: number): string {
  const places = Number.isFinite(decimals) ? Math.min(Math.max(Math.trunc(decimals), 0), 20) : 0;
  let format = FORMATS.get(places);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: places, maximumFractionDigits: places });
    FORMATS.set(places, format);
  }
  return format.format(Math.abs(value) < 0.5 / 10 ** places ? 0 : value);
}

/**
 * A figure rounded to the metric's decimals as a number, for files that carry
 * numbers rather than text (CSV, spreadsheet): 67.30000000000001 to one
 * decimal is 67.3, the figure the page beside it shows. Dividing the rounded
 * whole by a power of ten gives the double nearest the decimal, which prints
 * without float noise.
 */
export function roundedTo(value: number | null, decimals: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const scale = 10 ** (Number.isFinite(decimals) ? Math.min(Math.max(Math.trunc(decimals), 0), 15) : 0);
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * scale)) / scale;
  return rounded === 0 ? 0 : rounded;
}

/** A value with its unit: '–' for none; '%' joined to the number, other units after a space when short. */
export function formatValue(value: number | null, decimals: number, unit = ''): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const text = formatNumber(value, decimals);
  if (unit === '%') return `${text}%`;
  return unit && unit.length <= 12 ? `${text} ${unit}` : text;
}

/** A position in words: 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 1,001st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${formatNumber(n, 0)}${suffix}`;
}
