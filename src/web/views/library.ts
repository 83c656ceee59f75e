// The metric library and the list of councils: browse by theme or by region,
// narrow by words.
import type { BenchmarkIndex } from '../../domain/benchmark/benchmark-index.ts';
import { isCouncil } from '../../domain/benchmark/comparator-group.ts';
import { compareThemes, themeOf, themeTitle } from '../../domain/metric/index.ts';
import { findAreas, findMetrics } from './search.ts';
import { areaTypeWords } from './words.ts';

export function metricLibrary(index: BenchmarkIndex, query: string, theme: string | undefined) {
  const all = query ? findMetrics(index, query) : index.metricsByTitle();
  const themes = [...new Set(index.metricsByTitle().map((s) => themeOf(s.metric)))].sort(compareThemes);
  const shown = all.filter((s) => theme === undefined || themeOf(s.metric) === theme);
  const groups = themes
    .map((name) => ({
      name: themeTitle(name),
      metrics: shown
        .filter((s) => themeOf(s.metric) === name)
        .map((s) => {
          const latest = s.latest();
          return {
            code: s.metric.code,
            title: s.metric.title,
            definition: s.metric.definition,
            unit: s.metric.unit,
            latest: latest?.period ?? '–',
            periods: s.slices.length,
            areas: latest?.areas.length ?? 0,
          };
        }),
    }))
    .filter((g) => g.metrics.length > 0);
  return {
    query,
    count: shown.length,
    groups,
    themes: [{ value: '', text: 'All themes', selected: theme === undefined }, ...themes.map((t) => ({ value: t, text: themeTitle(t), selected: t === theme }))],
  };
}

/** Current English councils by region, or those matching the words. */
export function councilList(index: BenchmarkIndex, query: string) {
  const councils = (query ? findAreas(index, query) : [...index.areas]).filter((a) => isCouncil(a.type) && a.code.startsWith('E') && (query !== '' || a.endDate === null));
  const regions = new Map<string, { name: string; councils: { code: string; name: string; type: string }[] }>();
  for (const council of councils) {
    const regionName = council.regionCode ? (index.area(council.regionCode)?.name ?? 'Other') : 'Other';
    let region = regions.get(regionName);
    if (!region) regions.set(regionName, (region = { name: regionName, councils: [] }));
    region.councils.push({ code: council.code, name: council.endDate ? `${council.name} (until ${council.endDate.slice(0, 4)})` : council.name, type: areaTypeWords(council.type) });
  }
  const sorted = [...regions.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  for (const region of sorted) region.councils.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { query, count: councils.length, regions: sorted };
}
