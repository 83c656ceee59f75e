// A case study as the API answers it: what anyone reads of a published one,
// and for its writer and the moderators its state, the reason it was
// returned and its revision. Search results carry their rank and snippet.
import { CASE_STUDY_SOURCE_LABELS, MODERATION_STATE_LABELS } from '../../../domain/good-practice/index.ts';
import type { CaseStudy, FoundCaseStudy } from '../../../store/case-studies.ts';
import type { Library } from './case-studies.ts';

export function caseStudyJson(study: CaseStudy) {
  return {
    id: study.id,
    title: study.title,
    summary: study.summary,
    body: study.body,
    councils: study.councils,
    themes: study.themes,
    metrics: study.metrics,
    source: study.source,
    sourceLabel: CASE_STUDY_SOURCE_LABELS[study.source],
    ...standingOf(study),
    writtenAt: study.writtenAt.toISOString(),
    submittedAt: study.submittedAt?.toISOString() ?? null,
    publishedAt: study.publishedAt?.toISOString() ?? null,
    revision: study.revision,
  };
}

/** Where a case study came from and where it stands in moderation, as the API and the page both show it. */
export function standingOf(study: CaseStudy) {
  return {
    sourceNote: study.sourceNote,
    illustrative: study.illustrative,
    state: study.state,
    stateLabel: MODERATION_STATE_LABELS[study.state],
    returnReason: study.returnReason,
    author: study.authorName,
  };
}

/** A snippet's text with its matched words marked as «…»-free parts: [{ text, match }]. */
export function snippetParts(headline: string | null): { text: string; match: boolean }[] | null {
  if (headline === null) return null;
  const parts: { text: string; match: boolean }[] = [];
  for (const piece of headline.split('\u0001')) {
    const [matched, rest] = piece.includes('\u0002') ? piece.split('\u0002', 2) : [null, piece];
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

function foundJson(found: FoundCaseStudy) {
  return {
    id: found.id,
    title: found.title,
    summary: found.summary,
    councils: found.councils,
    themes: found.themes,
    source: found.source,
    illustrative: found.illustrative,
    state: found.state,
    publishedAt: found.publishedAt?.toISOString() ?? null,
    rank: found.rank,
    snippet: snippetParts(found.headline)
      ?.map((p) => p.text)
      .join(''),
  };
}

export function libraryJson(library: Library) {
  return { total: library.total, page: library.page, pages: library.pages, items: library.items.map(foundJson) };
}
