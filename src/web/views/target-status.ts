// Targets beside other figures: on an area's page, a metric's page and in a
// report. Each area's standing on a target is a line of plain data, which a
// report freezes as it stands when published; a table shows each line with
// its rating in words and the words of the rule that made it; the
// target-status tile counts an area's targets by band, says what each band
// means, and names the rules that decided, since a count of greens read
// without its rule says nothing about how near the trajectory they are.
import { formatValue } from '../../domain/format/index.ts';
import { BANDS, BAND_LABELS, NOT_RATED_LABELS, isRated, type Band, type Rating } from '../../domain/targets/index.ts';

/** One area's standing on one target of a signed-off agreement, as rated from the figures when it was read. */
export interface TargetLine {
  readonly agreement: { readonly id: number; readonly title: string };
  readonly target: { readonly id: number; readonly reference: string };
  readonly metric: { readonly code: string; readonly title: string; readonly unit: string; readonly decimals: number };
  readonly area: { readonly code: string; readonly name: string };
  /** The actual's period; null when there is none since the baseline. */
  readonly period: string | null;
  readonly actual: number | null;
  /** Where the trajectory says the actual should be at its period. */
  readonly expected: number | null;
  readonly goal: { readonly period: string; readonly value: number | null };
  /** The band or the reason there is none, with the rule's words. */
  readonly rating: Rating;
}

const TAG_COLOURS = { green: 'green', amber: 'yellow', red: 'red' } as const;

/** What each band means, whatever the rule's figures: the rule's own words say how far is too far. */
export const BAND_MEANINGS: Readonly<Record<Band | 'not_rated', string>> = {
  green: 'on or near the trajectory, within the rule’s tolerance',
  amber: 'short of the trajectory, within the rule’s wider tolerance',
  red: 'off the trajectory, beyond the rule’s tolerance',
  not_rated: 'no rating yet, each for the reason given',
};

const ORDER = { red: 0, amber: 1, green: 2, not_rated: 3 } as const;

/** Trouble first: red, amber, green, then those not rated; otherwise as given. */
export function worstFirst(lines: readonly TargetLine[]): TargetLine[] {
  const rank = (l: TargetLine) => ORDER[isRated(l.rating) ? l.rating.band : 'not_rated'];
  return [...lines].sort((a, b) => rank(a) - rank(b));
}

/** A line as a table row shows it: the target's page linked, the figures written out, the rating in words beside its rule. */
export function targetRow(line: TargetLine) {
  const { metric } = line;
  const value = (figure: number | null) => formatValue(figure, metric.decimals, metric.unit);
  const rated = isRated(line.rating);
  return {
    href: `/agreements/${line.agreement.id}/targets/${line.target.id}`,
    reference: line.target.reference,
    name: `${line.target.reference}: ${metric.title}`,
    metricTitle: metric.title,
    metricHref: `/metrics/${metric.code}`,
    areaName: line.area.name,
    areaHref: `/areas/${line.area.code}`,
    agreementTitle: line.agreement.title,
    goal: line.goal.value === null ? `Due ${line.goal.period}` : `${value(line.goal.value)} by ${line.goal.period}`,
    actual: line.actual === null ? 'No figure yet' : `${value(line.actual)}${line.period ? ` (${line.period})` : ''}`,
    trajectory: line.expected === null ? '–' : value(line.expected),
    tag: rated ? BAND_LABELS[line.rating.band] : 'Not rated',
    colour: rated ? TAG_COLOURS[line.rating.band] : 'grey',
    reason: rated ? null : NOT_RATED_LABELS[line.rating.notRated],
    rule: line.rating.rule,
  };
}

export type TargetRow = ReturnType<typeof targetRow>;

/**
 * The target-status tile of one area: its targets counted by band (a target
 * counts once, by its rating for that area), each band named and said in
 * words, and every rule that rated them, each once.
 */
export function targetStatus(area: { readonly code: string; readonly name: string }, lines: readonly TargetLine[]) {
  const own = lines.filter((l) => l.area.code === area.code);
  const count = (band: Band | 'not_rated') => own.filter((l) => (isRated(l.rating) ? l.rating.band : 'not_rated') === band).length;
  const bands = [...BANDS, 'not_rated' as const].map((band) => ({
    key: band,
    label: band === 'not_rated' ? 'Not rated' : BAND_LABELS[band],
    colour: band === 'not_rated' ? 'grey' : TAG_COLOURS[band],
    count: count(band),
    meaning: BAND_MEANINGS[band],
  }));
  const reasons = [...new Set(own.flatMap((l) => (isRated(l.rating) ? [] : [NOT_RATED_LABELS[l.rating.notRated]])))];
  return {
    area,
    targets: own.length,
    bands,
    summary: `${own.length} ${own.length === 1 ? 'target' : 'targets'}: ${bands.map((b) => `${b.count} ${b.label.toLowerCase()}`).join(', ')}`,
    reasons,
    rules: [...new Set(own.map((l) => l.rating.rule))],
  };
}

export type TargetStatus = ReturnType<typeof targetStatus>;
