/*
 * Theme: the heading a metric is filed under, wherever metrics are listed by
 * theme (the area page, the metric library, the report builder, a headline
 * report's sections). A metric's theme is the first of its themes; one with
 * none is filed under 'other', so every list puts it in the same place and
 * a filter by theme can name it.
 *
 * 'context' is the theme of figures that describe a place rather than judge a
 * service (population, density): nearest neighbours are found by them, the
 * area page puts them in its headlines, and lists put them last, after the
 * named themes and 'other'.
 */
export const CONTEXT_THEME = 'context';
export const OTHER_THEME = 'other';

interface Themed {
  readonly themes: readonly string[];
}

/** The theme a metric is filed under: its first, or 'other'. */
export function themeOf(metric: Themed): string {
  return metric.themes[0] ?? OTHER_THEME;
}

/** Whether a metric describes a place (any of its themes is 'context'). */
export function isContextual(metric: Themed): boolean {
  return metric.themes.includes(CONTEXT_THEME);
}

/** A theme as a heading: 'Context', 'Other metrics', or the theme with a capital. */
export function themeTitle(theme: string): string {
  if (theme === CONTEXT_THEME) return 'Context';
  if (theme === OTHER_THEME) return 'Other metrics';
  return theme.charAt(0).toUpperCase() + theme.slice(1);
}

/** The order of themes in a list: named themes A to Z, then 'other', then 'context'. */
export function compareThemes(a: string, b: string): number {
  return themeRank(a) - themeRank(b) || a.localeCompare(b, 'en-GB');
}

function themeRank(theme: string): number {
  return theme === CONTEXT_THEME ? 2 : theme === OTHER_THEME ? 1 : 0;
}
