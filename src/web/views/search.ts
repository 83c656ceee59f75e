// Finding councils and metrics by what people type: a GSS code, part of a
// name, or words of a metric's title, in any case and with or without
// accents (Ynys Mon finds Ynys Môn).
import type { BenchmarkIndex, IndexArea, MetricSeries } from '../../domain/benchmark/benchmark-index.ts';
import { isCouncil } from '../../domain/benchmark/comparator-group.ts';
import { areaTypeWords } from './words.ts';

export interface Found {
  readonly areas: readonly { readonly code: string; readonly name: string; readonly type: string; readonly href: string }[];
  readonly metrics: readonly { readonly code: string; readonly title: string; readonly href: string }[];
}

export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Areas whose code is the query or whose name holds every word of it; current ones first, then by name. */
export function findAreas(index: BenchmarkIndex, query: string): IndexArea[] {
  const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  if (words.length === 0) return [];
  const code = query.trim().toUpperCase();
  return index.areas.filter((a) => a.code === code || words.every((w) => fold(a.name).includes(w)))
    .sort((a, b) => Number(a.code !== code) - Number(b.code !== code) || Number(a.endDate !== null) - Number(b.endDate !== null)
      || Number(fold(b.name) === fold(query)) - Number(fold(a.name) === fold(query)) || a.name.localeCompare(b.name, 'en-GB'));
}

export function findMetrics(index: BenchmarkIndex, query: string): MetricSeries[] {
  const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  if (words.length === 0) return [];
  return index.metricsByTitle().filter((s) => {
    const text = fold(`${s.metric.code} ${s.metric.title} ${s.metric.themes.join(' ')}`);
    return words.every((w) => text.includes(w));
  });
}

export function search(index: BenchmarkIndex, query: string): Found {
  return {
    areas: findAreas(index, query).filter((a) => isCouncil(a.type) || a.type === 'region' || a.type === 'england').slice(0, 50)
      .map((a) => ({ code: a.code, name: a.endDate ? `${a.name} (until ${a.endDate.slice(0, 4)})` : a.name, type: areaTypeWords(a.type), href: `/areas/${a.code}` })),
    metrics: findMetrics(index, query).slice(0, 50).map((s) => ({ code: s.metric.code, title: s.metric.title, href: `/metrics/${s.metric.code}` })),
  };
}
