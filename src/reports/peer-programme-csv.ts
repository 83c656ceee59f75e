// The peer challenge programme as CSV: one line a council, its last
// challenge and stage, its next due item and what is overdue, each due item
// with the sentence of the rule that set it, as the programme page shows
// them. Cells a spreadsheet would run as formulas are escaped.
import Papa from 'papaparse';

export interface ProgrammeCsvDue {
  readonly label: string;
  readonly dueOn: string;
  readonly latestOn: string | null;
  readonly sentence: string;
}

export interface ProgrammeCsvRow {
  readonly councilCode: string;
  readonly councilName: string;
  readonly challengeId: number | null;
  readonly kind: string | null;
  readonly stage: string | null;
  readonly enquiredOn: string | null;
  readonly onSite: { readonly from: string; readonly to: string } | null;
  readonly nextDue: ProgrammeCsvDue | null;
  readonly overdue: readonly ProgrammeCsvDue[];
}

export const PROGRAMME_CSV_HEADER = [
  'council_code',
  'council',
  'challenge',
  'kind',
  'stage',
  'enquired_on',
  'on_site_from',
  'on_site_to',
  'next_due',
  'next_due_on',
  'next_due_rule',
  'overdue_items',
  'overdue',
] as const;

export function programmeCsv(rows: readonly ProgrammeCsvRow[]): string {
  const data = rows.map((r) => [
    r.councilCode,
    r.councilName,
    r.challengeId ?? '',
    r.kind ?? '',
    r.stage ?? '',
    r.enquiredOn ?? '',
    r.onSite?.from ?? '',
    r.onSite?.to ?? '',
    r.nextDue?.label ?? '',
    r.nextDue?.dueOn ?? '',
    r.nextDue?.sentence ?? '',
    r.overdue.length,
    r.overdue.map((d) => `${d.label} (due ${d.dueOn})`).join('; '),
  ]);
  return Papa.unparse({ fields: [...PROGRAMME_CSV_HEADER], data }, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
}
