// The risk view of a patch (or of England): councils down the side, causes
// of failure across, each cell naming its flags and items in short words
// with links (England's counting them, rule by rule), muted flags marked; never a count summed across causes, never a
// rank of councils. Councils come in name order. What is new since the
// viewer's last visit is listed first, and the CSV has a line per council,
// cause and flag or item, with its sentence.
import { CAUSES, CAUSE_LABELS, type Cause } from '../../domain/early-warning/index.ts';
import { formatDate } from '../../domain/format/index.ts';
import { escapeXml } from '../charts/escape-xml.ts';
import type { FlagView, ItemView } from './risk-view.ts';

export interface PatchCouncil {
  readonly code: string;
  readonly name: string;
}

export interface PatchCell {
  readonly cause: Cause;
  readonly flags: readonly FlagView[];
  readonly items: readonly ItemView[];
}

export interface PatchRow {
  readonly council: PatchCouncil;
  readonly href: string;
  readonly cells: readonly PatchCell[];
}

/** A council's row: its flags and items by cause, in the Board's order. */
export function patchRows(councils: readonly PatchCouncil[], flags: readonly FlagView[], items: readonly ItemView[]): PatchRow[] {
  const flagsOf = groupBy(flags, (f) => `${f.area}|${f.cause}`);
  const itemsOf = groupBy(items, (i) => `${i.area}|${i.cause}`);
  return [...councils]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((council) => ({
      council,
      href: `/areas/${council.code}/risk`,
      cells: CAUSES.map((cause) => ({ cause, flags: flagsOf.get(`${council.code}|${cause}`) ?? [], items: itemsOf.get(`${council.code}|${cause}`) ?? [] })),
    }));
}

/** The rules as a cell names them, short, since a cell is a column of a wide table. */
const RULE_SHORT: Readonly<Record<string, string>> = {
  worse_and_worsening: 'Worse and worsening',
  in_year_special_cause: 'Special cause in year',
  off_trajectory: 'Off trajectory',
  reserves_horizon: 'Reserves horizon',
  missing_return: 'Return missing',
  no_peer_challenge: 'No peer challenge',
};

/**
 * A cell's markup: its flags grouped by rule, each linked by its metric to
 * the council's view (acknowledged ones marked), then its items linked by
 * title (stale ones marked); "None" where there is nothing, so a quiet cell
 * is seen as quiet. Made here rather than in the template because England's
 * grid holds thirty thousand links, and a template's loop costs ten times
 * as much a link.
 */
export function cellHtml(row: PatchRow, cell: PatchCell): string {
  if (cell.flags.length === 0 && cell.items.length === 0) return NONE;
  const byRule = new Map<string, string[]>();
  for (const flag of cell.flags) {
    const link = `<a class="govuk-link" href="${row.href}#flag-${flag.id}">${escapeXml(flag.about ?? flag.ruleTitle)}</a>${flag.muted ? ' (acknowledged)' : ''}`;
    const links = byRule.get(flag.rule);
    if (links) links.push(link);
    else byRule.set(flag.rule, [link]);
  }
  const flags = [...byRule].map(([rule, links]) => `<p class="govuk-body-s govuk-!-margin-bottom-1">${escapeXml(RULE_SHORT[rule] ?? rule)}: ${links.join('; ')}</p>`);
  const items = cell.items.map((i) => `<a class="govuk-link" href="${i.href}">${escapeXml(i.title)}</a>${i.stale ? ' (stale)' : ''}`);
  return flags.join('') + (items.length ? `<p class="govuk-body-s govuk-!-margin-bottom-1">${items.join('<br>')}</p>` : '');
}

/**
 * England's cell: an overview, not the council's page. Each rule once, with
 * how many metrics it flagged (the acknowledged ones said apart), then the
 * items' count with how many are stale, each linking to the council's risk
 * view; never a total across causes. Four hundred councils of every flag's
 * link made a page of three megabytes.
 */
export function compactCellHtml(row: PatchRow, cell: PatchCell): string {
  if (cell.flags.length === 0 && cell.items.length === 0) return NONE;
  const byRule = new Map<string, { flagged: number; acknowledged: number; metrics: boolean }>();
  for (const flag of cell.flags) {
    const rule = byRule.get(flag.rule) ?? { flagged: 0, acknowledged: 0, metrics: true };
    rule.flagged++;
    if (flag.muted) rule.acknowledged++;
    if (flag.metric === null) rule.metrics = false;
    byRule.set(flag.rule, rule);
  }
  const lines = [...byRule].map(([rule, { flagged, acknowledged, metrics }]) => {
    const muted = acknowledged ? ` (${acknowledged} acknowledged)` : '';
    return `${escapeXml(RULE_SHORT[rule] ?? rule)}: ${counted(flagged, metrics ? 'metric' : 'flag')}${muted}`;
  });
  const stale = cell.items.filter((i) => i.stale).length;
  if (cell.items.length) lines.push(`${counted(cell.items.length, 'item')}${stale ? ` (${stale} stale)` : ''}`);
  return lines.map((line) => `<p class="govuk-body-s govuk-!-margin-bottom-1"><a class="govuk-link" href="${row.href}">${line}</a></p>`).join('');
}

function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

const NONE = '<span class="govuk-hint govuk-!-font-size-16 govuk-!-margin-0">None</span>';

export interface NewSince {
  readonly council: PatchCouncil;
  readonly kind: 'flag' | 'item';
  readonly text: string;
  readonly href: string;
  readonly when: string;
}

/** What was raised, changed, added or reviewed since the last visit, newest first. */
export function newSince(rows: readonly PatchRow[]): NewSince[] {
  const found: (NewSince & { at: string })[] = [];
  for (const row of rows) {
    for (const cell of row.cells) {
      for (const flag of cell.flags.filter((f) => f.isNew)) {
        const verb = flag.changedAt === flag.raisedAt ? 'Raised' : 'Changed';
        found.push({ council: row.council, kind: 'flag', text: `${verb}: ${flag.sentence}`, href: `${row.href}#flag-${flag.id}`, when: flag.changedOn, at: flag.changedAt });
      }
      for (const item of cell.items.filter((i) => i.isNew)) {
        const verb = item.createdAt === item.reviewedAt ? 'Recorded' : 'Reviewed';
        found.push({ council: row.council, kind: 'item', text: `${verb}: ${item.title}`, href: item.href, when: formatDate(new Date(item.reviewedAt)), at: item.reviewedAt });
      }
    }
  }
  return found.sort((a, b) => b.at.localeCompare(a.at)).map(({ at: _at, ...rest }) => rest);
}

export const PATCH_CSV_HEADER = ['council_code', 'council', 'cause', 'cause_label', 'kind', 'id', 'title', 'sentence', 'period', 'muted_reason', 'raised_or_reviewed', 'stale', 'link'] as const;

/** One line per council, cause and flag or item, as strings for a CSV writer; the sentence of a flag, the review of an item. */
export function patchCsvLines(rows: readonly PatchRow[], base: string): string[][] {
  return rows.flatMap((row) =>
    row.cells.flatMap((cell) => [
      ...cell.flags.map((f) => [
        row.council.code,
        row.council.name,
        cell.cause,
        CAUSE_LABELS[cell.cause],
        'flag',
        String(f.id),
        f.metricTitle ? `${f.ruleTitle}: ${f.metricTitle}` : f.ruleTitle,
        f.sentence,
        f.period ?? '',
        f.muted?.reason ?? '',
        f.changedAt,
        '',
        `${base}${row.href}#flag-${f.id}`,
      ]),
      ...cell.items.map((i) => [
        row.council.code,
        row.council.name,
        cell.cause,
        CAUSE_LABELS[cell.cause],
        'item',
        String(i.id),
        i.title,
        i.review,
        '',
        '',
        i.reviewedAt,
        i.stale ? 'yes' : 'no',
        `${base}${i.href}`,
      ]),
    ]),
  );
}

function groupBy<T>(list: readonly T[], key: (one: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const one of list) {
    const k = key(one);
    const group = groups.get(k);
    if (group) group.push(one);
    else groups.set(k, [one]);
  }
  return groups;
}
