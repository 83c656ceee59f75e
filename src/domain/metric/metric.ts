// What a metric is: DESIGN.md's metric, its words kept as the code's words.
import type { MetricAbout } from './metric-about.ts';
import type { PeriodKind } from '../period/index.ts';

export const POLARITIES = ['higher_is_better', 'lower_is_better', 'neutral'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const VALUE_KINDS = ['count', 'proportion', 'rate', 'mean', 'currency', 'index'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export const METRIC_STATUSES = ['published', 'early_sight', 'local', 'survey'] as const;
export type MetricStatus = (typeof METRIC_STATUSES)[number];

export interface Metric {
  readonly code: string;
  readonly title: string;
  readonly definition: string | null;
  readonly unit: string | null;
  readonly polarity: Polarity;
  readonly valueKind: ValueKind;
  /** Rates per N (100,000) and proportions shown as percentages (100). */
  readonly multiplier: number | null;
  readonly periodKind: PeriodKind;
  readonly source: string | null;
  readonly themes: readonly string[];
  readonly decimals: number;
  readonly ciMethod: string | null;
  readonly status: MetricStatus;
  /** Its method, caveats, publisher's page and dates, where a publisher's file gave them; kept apart from the definition's fields. */
  readonly about?: MetricAbout;
}

export function isPolarity(text: string): text is Polarity {
  return (POLARITIES as readonly string[]).includes(text);
}

export function isValueKind(text: string): text is ValueKind {
  return (VALUE_KINDS as readonly string[]).includes(text);
}

export function isMetricStatus(text: string): text is MetricStatus {
  return (METRIC_STATUSES as readonly string[]).includes(text);
}

/** Metric codes are lower-case words joined by hyphens: 'healthy-life-expectancy-male'. */
export function isMetricCode(text: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,99}$/.test(text);
}

/** A metric code made from a title: 'Healthy life expectancy (Male)' → 'healthy-life-expectancy-male'. */
export function metricCodeFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, ' plus')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}
