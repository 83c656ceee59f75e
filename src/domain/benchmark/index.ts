export { rankWithTies } from './rank.ts';
export type { Rank } from './rank.ts';
export { assignQuantiles, quantileOf } from './quantile.ts';
export type { Quantile, QuantileOf } from './quantile.ts';
