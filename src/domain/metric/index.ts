export {
  METRIC_STATUSES,
  POLARITIES,
  VALUE_KINDS,
  isMetricCode,
  isMetricStatus,
  isPolarity,
  isValueKind,
  metricCodeFromTitle,
  type Metric,
  type MetricStatus,
  type Polarity,
  type ValueKind,
} from './metric.ts';
export { multiplierFromWords, polarityFromWords, valueKindFromWords } from './publisher-words.ts';
export { CONTEXT_THEME, OTHER_THEME, compareThemes, isContextual, themeOf, themeTitle } from './theme.ts';
export { ABOUT_FIELDS, aboutFieldFromText, definitionBeyondTitle, isAboutField, type AboutField, type MetricAbout } from './metric-about.ts';
