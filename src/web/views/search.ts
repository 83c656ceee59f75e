// Finding councils and metrics by what people type: a GSS code, any of a
// council's names (County Durham, Durham County Council, Caerdydd), words of a
// metric's title or definition or their synonyms (obesity finds "overweight
// or obese"), in any case, with or without accents,
// and with a slip of the keyboard forgiven (durhm finds Durham) once nothing
// matches exactly. A postcode is recognised so as to say plainly that Lantern
// cannot look it up yet.
import { distance } from 'fastest-levenshtein';
import { postcodeShape } from '../../domain/area/index.ts';
import type { BenchmarkIndex, IndexArea, MetricSeries } from '../../domain/benchmark/benchmark-index.ts';
import { isCouncil } from '../../domain/benchmark/comparator-group.ts';
import { synonymsOf } from '../../domain/suggest/index.ts';
import { areaTypeWords } from './words.ts';

export interface Found {
  readonly areas: readonly { readonly code: string; readonly name: string; readonly type: string; readonly href: string }[];
  readonly metrics: readonly { readonly code: string; readonly title: string; readonly href: string }[];
  /** Set when the query looks like a postcode (DH1 5UQ) or postcode district (DH1), which Lantern cannot look up yet. */
  readonly postcode: 'postcode' | 'district' | null;
}

export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** How far a word may be from one written in the text and still be taken for it: none under four letters, where a slip makes another word. */
function slipsAllowed(word: string): number {
  if (word.length < 4 || /\d/.test(word)) return 0;
  return word.length < 8 ? 1 : 2;
}

/** Whether the text holds the word as typed, or a word one slip away from it. */
function holdsNearly(text: string, textWords: readonly string[], word: string): boolean {
  if (text.includes(word)) return true;
  const slips = slipsAllowed(word);
  return slips > 0 && textWords.some((t) => Math.abs(t.length - word.length) <= slips && distance(t, word) <= slips);
}

/** 0: every word is in the text as typed; 1: every word is, or is one slip from a word of it; null: not found. */
function matchOf(text: string, words: readonly string[]): 0 | 1 | null {
  if (words.every((w) => text.includes(w))) return 0;
  const textWords = wordsOf(text);
  return words.every((w) => holdsNearly(text, textWords, w)) ? 1 : null;
}

function namesOf(area: IndexArea): string {
  return fold([area.name, area.officialName ?? '', ...(area.otherNames ?? [])].join(' '));
}

/**
 * Areas whose code is the query or whose names hold every word of it; exact
 * matches before near ones, current areas before former, then by name.
 */
export function findAreas(index: BenchmarkIndex, query: string): IndexArea[] {
  const words = wordsOf(query);
  if (words.length === 0) return [];
  const code = query.trim().toUpperCase();
  const folded = fold(query.trim());
  const found = index.areas.map((area) => ({ area, match: area.code === code ? 0 : matchOf(namesOf(area), words) })).filter((f): f is { area: IndexArea; match: 0 | 1 } => f.match !== null);
  const named = (a: IndexArea) => fold(a.name) === folded || (a.officialName != null && fold(a.officialName) === folded);
  return found
    .sort(
      (x, y) =>
        Number(x.area.code !== code) - Number(y.area.code !== code) ||
        x.match - y.match ||
        Number(x.area.endDate !== null) - Number(y.area.endDate !== null) ||
        Number(named(y.area)) - Number(named(x.area)) ||
        x.area.name.localeCompare(y.area.name, 'en-GB'),
    )
    .map((f) => f.area);
}

/**
 * Metrics holding every word of the query, or a synonym of it, in their code,
 * title or themes (listed first) or their definition; only when there are
 * none, those a slip away. Within each, in the library's order of titles.
 */
export function findMetrics(index: BenchmarkIndex, query: string): MetricSeries[] {
  const words = wordsOf(query);
  if (words.length === 0) return [];
  const scored: { series: MetricSeries; score: number }[] = [];
  for (const series of index.metricsByTitle()) {
    const { metric } = series;
    const titled = fold(`${metric.code} ${metric.title} ${metric.themes.join(' ')}`);
    const defined = `${titled} ${fold(metric.definition ?? '')}`;
    const score = holdsAll(titled, words) ? 0 : holdsAll(defined, words) ? 1 : matchOf(defined, words) === null ? null : 2;
    if (score !== null) scored.push({ series, score });
  }
  // A slip is forgiven only when nothing is found as written: "inactive" is two slips from "active".
  const asWritten = scored.some((s) => s.score < 2);
  return scored
    .filter((s) => !asWritten || s.score < 2)
    .sort((a, b) => a.score - b.score)
    .map((s) => s.series);
}

/** Every word, or a synonym of it, is in the text; or the words together are a phrase (excess weight) a synonym of which is. */
function holdsAll(text: string, words: readonly string[]): boolean {
  const phrase = synonymsOf(words.join(' '));
  if (phrase.length > 1 && phrase.some((s) => text.includes(s))) return true;
  return words.every((w) => synonymsOf(w).some((s) => text.includes(s)));
}

export function search(index: BenchmarkIndex, query: string): Found {
  const postcode = postcodeShape(query);
  return {
    areas: findAreas(index, query)
      // Welsh councils too: the register gives their Welsh names, and their pages hold what figures there are.
      .filter((a) => isCouncil(a.type) || a.type === 'welsh_council' || a.type === 'region' || a.type === 'england')
      .slice(0, 50)
      .map((a) => ({ code: a.code, name: a.endDate ? `${a.name} (until ${a.endDate.slice(0, 4)})` : a.name, type: areaTypeWords(a.type), href: `/areas/${a.code}` })),
    metrics: postcode
      ? []
      : findMetrics(index, query)
          .slice(0, 50)
          .map((s) => ({ code: s.metric.code, title: s.metric.title, href: `/metrics/${s.metric.code}` })),
    postcode,
  };
}
