/*
 * Format number: a value as the pages print it, in en-GB style with the
 * metric's decimals (12,345.6), so that a chart, its hover text and the table
 * beside it always say the same figure. A value that rounds to zero is shown
 * as 0, never -0.
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
