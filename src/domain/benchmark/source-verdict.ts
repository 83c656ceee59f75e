/*
 * A source's verdict: what a publisher says of its own figure against its
 * benchmark (Fingertips' "compared to England": Better, Similar, Worse, or
 * Higher and Lower where neither is better). Lantern keeps it and shows it
 * beside its own verdict, named as the source's, never in place of it: the
 * two may differ (the source tests its intervals against England; Lantern,
 * without intervals, places the figure in a fifth of its group).
 */
export const SOURCE_VERDICTS = ['better', 'similar', 'worse', 'higher', 'lower'] as const;
export type SourceVerdictWord = (typeof SOURCE_VERDICTS)[number];

export interface SourceVerdict {
  readonly verdict: SourceVerdictWord;
  /** What the source judged against, as it names it: 'England'. */
  readonly benchmark: string;
}

/** The source's word as Lantern keeps it; undefined for 'Not compared', 'NA', a blank or anything else. */
export function sourceVerdictWord(cell: string): SourceVerdictWord | undefined {
  const word = cell.trim().toLowerCase();
  return (SOURCE_VERDICTS as readonly string[]).includes(word) ? (word as SourceVerdictWord) : undefined;
}

const PHRASES: Readonly<Record<SourceVerdictWord, string>> = {
  better: 'better than',
  similar: 'similar to',
  worse: 'worse than',
  higher: 'higher than',
  lower: 'lower than',
};

/** The source's verdict in words that say whose it is: 'Source: worse than England'. */
export function sourceVerdictWords(source: SourceVerdict): string {
  return `Source: ${PHRASES[source.verdict]} ${source.benchmark}`;
}

/** How a page looks up a figure's source verdict: by metric code and period label. */
export function sourceVerdictKey(metric: string, period: string): string {
  return `${metric} ${period}`;
}

/** How a report looks up an area's source verdict on a figure: by area code, metric code and period label. */
export function areaSourceVerdictKey(area: string, metric: string, period: string): string {
  return `${area} ${sourceVerdictKey(metric, period)}`;
}
