// Forms in words: councils, places and metrics are chosen by name, with the
// names offered as suggestions (a <datalist>, which browsers show without
// script), and periods are chosen from those Lantern holds rather than typed.
// A name given back is turned into its code here; a code still works, for
// those who have one. A name not found exactly is not guessed at: the form
// comes back saying which name was meant, so that nothing is recorded about
// the wrong council.
import { isCouncil } from '../../domain/benchmark/comparator-group.ts';
import type { BenchmarkIndex, IndexArea } from '../../domain/benchmark/benchmark-index.ts';
import { comparePeriods, parsePeriod, type Period } from '../../domain/period/index.ts';
import { findAreas, fold } from './search.ts';

export type Named = { readonly kind: 'found'; readonly code: string } | { readonly kind: 'not_found'; readonly message: string };

/** The names of the councils in being, for a council field's suggestions. */
export function councilNames(index: BenchmarkIndex): string[] {
  return namesOf(index.areas.filter(isCurrentCouncil));
}

/** The names of every place in being that figures are held for (England, regions, councils), for an area field's suggestions. */
export function placeNames(index: BenchmarkIndex): string[] {
  return namesOf(index.areas.filter((a) => a.endDate === null));
}

/** The titles of the metrics, for a metric field's suggestions. */
export function metricTitles(index: BenchmarkIndex): string[] {
  return index.metricsByTitle().map((s) => s.metric.title);
}

/** The periods Lantern holds figures for, newest first, as a select's items. */
export function periodItems(index: BenchmarkIndex, chosen: string): { value: string; text: string; selected: boolean }[] {
  const labels = new Set([...index.metrics()].flatMap((s) => s.slices.map((slice) => slice.period)));
  const periods = [...labels]
    .map((label) => parsePeriod(label))
    .filter((p): p is { kind: 'ok'; period: Period } => p.kind === 'ok')
    .map((p) => p.period);
  const newestFirst = periods.sort((a, b) => comparePeriods(b, a)).map((p) => p.label);
  return [{ value: '', text: 'Choose a period', selected: chosen === '' }, ...newestFirst.map((label) => ({ value: label, text: label, selected: label === chosen }))];
}

/** The council a form names, by its name or official name (or its code); `label` is the field as the page labels it. */
export function councilNamed(index: BenchmarkIndex, text: string, label: string): Named {
  return areaNamed(index, text, label, isCurrentCouncil, 'council');
}

/** The place a form names: England, a region or a council. */
export function placeNamed(index: BenchmarkIndex, text: string, label: string): Named {
  return areaNamed(index, text, label, (a) => a.endDate === null, 'place');
}

export function metricNamed(index: BenchmarkIndex, text: string, label: string): Named {
  const given = text.trim();
  if (given === '') return { kind: 'not_found', message: `Enter the ${lower(label)}` };
  if (index.metric(given)) return { kind: 'found', code: given };
  const titled = index.metricsByTitle().find((s) => fold(s.metric.title) === fold(given));
  if (titled) return { kind: 'found', code: titled.metric.code };
  const near = index.metricsByTitle().find((s) => fold(s.metric.title).includes(fold(given)));
  return { kind: 'not_found', message: `${label}: Lantern has no metric called ‘${given}’. Choose one of the names offered${near ? `, such as ‘${near.metric.title}’` : ''}` };
}

function areaNamed(index: BenchmarkIndex, text: string, label: string, accept: (a: IndexArea) => boolean, what: string): Named {
  const given = text.trim();
  if (given === '') return { kind: 'not_found', message: `Enter the ${lower(label)}` };
  const byCode = index.area(given.toUpperCase());
  if (byCode && accept(byCode)) return { kind: 'found', code: byCode.code };
  const named = index.areas.filter((a) => accept(a) && (fold(a.name) === fold(given) || (a.officialName != null && fold(a.officialName) === fold(given))));
  if (named.length === 1) return { kind: 'found', code: named[0]!.code };
  const near = findAreas(index, given).find(accept);
  return { kind: 'not_found', message: `${label}: no ${what} is called ‘${given}’. ${near ? `Did you mean ${near.name}? ` : ''}Choose one of the names offered` };
}

function isCurrentCouncil(area: IndexArea): boolean {
  return isCouncil(area.type) && area.endDate === null;
}

function namesOf(areas: readonly IndexArea[]): string[] {
  return [...new Set(areas.map((a) => a.name))].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}
