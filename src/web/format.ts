// Numbers as people read them in Lantern's pages and charts: en-GB digits
// grouped, the metric's own decimals, the unit where it is short.
const formatters = new Map<number, Intl.NumberFormat>();

function formatter(decimals: number): Intl.NumberFormat {
  let found = formatters.get(decimals);
  if (!found) formatters.set(decimals, (found = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return found;
}

/** A value for display: '–' for none; '%' joined to the number, other units after a space when short. */
export function formatValue(value: number | null, decimals: number, unit = ''): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const text = formatter(decimals).format(value);
  if (unit === '%') return `${text}%`;
  return unit && unit.length <= 12 ? `${text} ${unit}` : text;
}
