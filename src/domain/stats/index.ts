export { CONFIDENCE_LEVELS, isConfidenceLevel, zFor } from './confidence.ts';
export type { ConfidenceLevel } from './confidence.ts';
export { wilsonInterval } from './wilson-interval.ts';
export type { WilsonInterval, WilsonNotComputedReason } from './wilson-interval.ts';
export { byarsInterval } from './byars-interval.ts';
export type { ByarsInterval } from './byars-interval.ts';
export { exactPoissonInterval } from './exact-poisson-interval.ts';
export type { ExactPoissonInterval } from './exact-poisson-interval.ts';
export { proportion } from './proportion.ts';
export type { Proportion, ProportionOptions } from './proportion.ts';
export { countInterval } from './count-interval.ts';
export type { CountIntervalMethod } from './count-interval.ts';
export { EXACT_POISSON_BELOW, rate } from './rate.ts';
export type { Rate, RateMethod, RateOptions } from './rate.ts';
export { meanWithInterval } from './mean-interval.ts';
export type { MeanWithInterval } from './mean-interval.ts';
export {
  DSR_MINIMUM_EVENTS, EUROPEAN_STANDARD_POPULATION_2013, directlyStandardisedRate, directlyStandardisedRateNonIndependent,
} from './directly-standardised-rate.ts';
export type { Dsr, DsrBand, DsrMethod, DsrNotComputedReason, DsrOptions, NonIndependentDsrBand } from './directly-standardised-rate.ts';
export { indirectlyStandardisedRate, indirectlyStandardisedRatio } from './indirectly-standardised-rate.ts';
export type {
  IsrBand, IsrMethod, IsrNotComputedReason, IsrRate, IsrRateOptions, IsrRatio, IsrRatioOptions,
} from './indirectly-standardised-rate.ts';
