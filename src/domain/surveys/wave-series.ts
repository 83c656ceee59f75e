/*
 * Which of a council's surveys make the series a question's trend is judged
 * over (waveTrend), as of one survey, and why each other one is left out.
 *
 * A wave of a tracker is set beside the tracker's earlier waves, numbered as
 * the tracker numbers them, so a wave never entered is a gap. A one-off survey
 * is set beside the council's earlier one-off surveys, numbered in the order
 * of their fieldwork. Either way a wave is left out, with its reason, when it
 * was done by a method that may not be compared with this survey's (the
 * comparability rule's pairs: different methods are not compared by default)
 * or asked the question from another version of its set (a changed wording).
 * Waves after this survey are not part of its trend: the page of an older
 * wave says what was known then.
 */
import { comparableWith } from './comparability.ts';
import type { PercentagePositive } from './percentage-positive.ts';
import { COMPARABILITY_RULES, type ComparabilityRules } from './survey-rules.ts';
import { SURVEY_METHOD_PHRASES, type SurveyMethod, type TrackerWave } from './types.ts';
import type { WaveFigure } from './wave-trend.ts';

/** A survey that asked the question, with its result's figure. */
export interface SeriesCandidate {
  readonly id: number;
  /** How the words name it: 'the 2023/24 survey', 'wave 3 of Residents panel'. */
  readonly label: string;
  readonly method: SurveyMethod;
  readonly tracker: TrackerWave | null;
  /** 'YYYY-MM-DD' */
  readonly fieldworkEnd: string;
  readonly setCode: string;
  readonly setVersion: number;
  readonly figure: PercentagePositive;
}

export interface WaveSeries {
  /** The waves in order, numbered for waveTrend, each with its survey. */
  readonly waves: readonly (WaveFigure & { readonly id: number })[];
  readonly leftOut: readonly { readonly id: number; readonly label: string; readonly reason: string }[];
}

export function waveSeries(own: SeriesCandidate, candidates: readonly SeriesCandidate[], rules: ComparabilityRules = COMPARABILITY_RULES): WaveSeries {
  const leftOut: { id: number; label: string; reason: string }[] = [];
  const kept: SeriesCandidate[] = [own];
  for (const other of candidates) {
    if (other.id === own.id || !before(other, own)) continue;
    const reason = reasonLeftOut(own, other, rules);
    if (reason === null) kept.push(other);
    else leftOut.push({ id: other.id, label: other.label, reason });
  }
  const waves = own.tracker === null ? numberedInOrder(kept) : numberedByTracker(kept, leftOut);
  return Object.freeze({ waves: Object.freeze(waves), leftOut: Object.freeze(leftOut.map((item) => Object.freeze(item))) });
}

function reasonLeftOut(own: SeriesCandidate, other: SeriesCandidate, rules: ComparabilityRules): string | null {
  if (own.tracker !== null && (other.tracker === null || trackerName(other.tracker) !== trackerName(own.tracker))) return `It is not a wave of the tracker '${own.tracker.name}'.`;
  if (own.tracker === null && other.tracker !== null) return `It is a wave of the tracker '${other.tracker.name}', a series of its own.`;
  if (!comparableWith(own.method, other.method, rules)) return `It was done ${SURVEY_METHOD_PHRASES[other.method]}, not ${SURVEY_METHOD_PHRASES[own.method]}.`;
  if (other.setCode !== own.setCode || other.setVersion !== own.setVersion)
    return `It asked the question from version ${other.setVersion} of its set, not version ${own.setVersion}: the wording may differ.`;
  return null;
}

/** Whether `other` came before `own`: an earlier wave of the tracker, or earlier fieldwork. */
function before(other: SeriesCandidate, own: SeriesCandidate): boolean {
  if (own.tracker !== null && other.tracker !== null && trackerName(other.tracker) === trackerName(own.tracker)) return other.tracker.wave < own.tracker.wave;
  return other.fieldworkEnd < own.fieldworkEnd || (other.fieldworkEnd === own.fieldworkEnd && other.id < own.id);
}

function numberedInOrder(kept: readonly SeriesCandidate[]) {
  return [...kept]
    .sort((a, b) => (a.fieldworkEnd === b.fieldworkEnd ? a.id - b.id : a.fieldworkEnd < b.fieldworkEnd ? -1 : 1))
    .map((c, index) => Object.freeze({ id: c.id, wave: index + 1, label: c.label, figure: c.figure }));
}

/** By the tracker's own numbers; a wave number given twice (two methods) keeps the first, this survey's method first. */
function numberedByTracker(kept: readonly SeriesCandidate[], leftOut: { id: number; label: string; reason: string }[]) {
  const own = kept[0]!;
  const byWave = new Map<number, SeriesCandidate>();
  for (const c of [...kept].sort((a, b) => Number(b.method === own.method) - Number(a.method === own.method))) {
    const wave = c.tracker!.wave;
    if (byWave.has(wave)) leftOut.push({ id: c.id, label: c.label, reason: `Wave ${wave} of the tracker is already given by another survey.` });
    else byWave.set(wave, c);
  }
  return [...byWave.entries()].sort(([a], [b]) => a - b).map(([wave, c]) => Object.freeze({ id: c.id, wave, label: c.label, figure: c.figure }));
}

function trackerName(tracker: TrackerWave): string {
  return tracker.name.trim().toLowerCase();
}
