// The library's pages as their templates read them: the search form with
// every filter kept in the address, a page of results with snippets and
// links to the pages before and after, and a case study with its councils'
// and metrics' names. Councils and metrics are named from the index.
import { isCouncil } from '../../../domain/benchmark/comparator-group.ts';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { CASE_STUDY_SOURCES, CASE_STUDY_SOURCE_LABELS, MODERATION_STATE_LABELS } from '../../../domain/good-practice/index.ts';
import type { CaseStudy } from '../../../store/case-studies.ts';
import type { LibraryQuery } from './api-inputs.ts';
import type { Library } from './case-studies.ts';
import { snippetParts, standingOf } from './case-study-json.ts';

type Item = { value: string; text: string; selected?: boolean };

const choice = (items: Item[], chosen: string | undefined, none: string): Item[] => [{ value: '', text: none }, ...items.map((i) => ({ ...i, selected: i.value === chosen }))];

/** The query as an address, with `change` applied (a page, a filter removed). */
export function libraryAddress(query: LibraryQuery, change: Partial<Record<keyof LibraryQuery, string | number | boolean | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...change })) {
    if (value === undefined || value === '' || value === false || (key === 'page' && value === 1)) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `/good-practice?${text}` : '/good-practice';
}

export function libraryView(index: BenchmarkIndex, query: LibraryQuery, library: Library) {
  const areaName = (code: string) => index.area(code)?.name ?? code;
  const regions = index.areas.filter((a) => a.type === 'region' && a.endDate === null).map((a) => ({ value: a.code, text: a.name }));
  const types = [...new Set(index.areas.filter((a) => isCouncil(a.type)).map((a) => a.type))].sort().map((t) => ({ value: t, text: typeLabel(t) }));
  const pages = library.pages;
  const pageItems = [];
  for (let n = Math.max(1, library.page - 3); n <= Math.min(pages, library.page + 3); n++) pageItems.push({ number: n, href: libraryAddress(query, { page: n }), current: n === library.page });
  const metric = query.metric ? index.metric(query.metric)?.metric : undefined;
  return {
    query,
    filters: {
      themes: choice(
        library.themes.map((t) => ({ value: t, text: t })),
        query.theme,
        'Any theme',
      ),
      sources: choice(
        CASE_STUDY_SOURCES.map((s) => ({ value: s, text: CASE_STUDY_SOURCE_LABELS[s] })),
        query.source,
        'Any source',
      ),
      regions: choice(regions, query.region, 'Anywhere in England'),
      types: choice(types, query.type, 'Any type of council'),
      councilName: query.council ? areaName(query.council) : null,
      metricTitle: metric?.title ?? query.metric ?? null,
      clearCouncil: libraryAddress(query, { council: undefined, page: 1 }),
      clearMetric: libraryAddress(query, { metric: undefined, page: 1 }),
    },
    total: library.total,
    items: library.items.map((item) => ({
      id: item.id,
      title: item.title,
      summary: item.summary,
      snippet: snippetParts(item.headline),
      councils: item.councils.map(areaName).join(', '),
      themes: item.themes.join(', '),
      source: CASE_STUDY_SOURCE_LABELS[item.source],
      illustrative: item.illustrative,
      state: item.state === 'published' ? null : MODERATION_STATE_LABELS[item.state],
      published: item.publishedAt ? item.publishedAt.toISOString().slice(0, 10) : null,
    })),
    pagination:
      pages > 1
        ? {
            items: pageItems,
            previous: library.page > 1 ? { href: libraryAddress(query, { page: library.page - 1 }) } : undefined,
            next: library.page < pages ? { href: libraryAddress(query, { page: library.page + 1 }) } : undefined,
          }
        : null,
    from: library.total === 0 ? 0 : (library.page - 1) * 20 + 1,
    to: (library.page - 1) * 20 + library.items.length,
  };
}

export function caseStudyView(index: BenchmarkIndex, study: CaseStudy) {
  return {
    id: study.id,
    title: study.title,
    summary: study.summary,
    paragraphs: study.body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== ''),
    councils: study.councils.map((code) => ({ code, name: index.area(code)?.name ?? code })),
    themes: study.themes,
    metrics: study.metrics.map((m) => ({ ...m, title: index.metric(m.metric)?.metric.title ?? m.metric })),
    source: CASE_STUDY_SOURCE_LABELS[study.source],
    ...standingOf(study),
    published: study.publishedAt?.toISOString().slice(0, 10) ?? null,
    written: study.writtenAt.toISOString().slice(0, 10),
  };
}

/** An authority type as a choice: 'London borough', 'Unitary'. */
function typeLabel(type: string): string {
  const words = type.replace(/_/g, ' ').replace('london', 'London');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
