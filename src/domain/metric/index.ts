export {
  METRIC_STATUSES, POLARITIES, VALUE_KINDS,
  isMetricCode, isMetricStatus, isPolarity, isValueKind, metricCodeFromTitle,
  type Metric, type MetricStatus, type Polarity, type ValueKind,
} from './metric.ts';
export { multiplierFromWords, polarityFromWords, valueKindFromWords } from './publisher-words.ts';
