export { formatNumber, formatValue, ordinal, roundedTo } from './format-number.ts';
export { formatDate, londonDay } from './format-date.ts';
export type { DatePrecision } from './format-date.ts';
