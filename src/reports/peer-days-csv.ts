// "Giving and taking" (001) as CSV: per council, the peer days its peers gave
// to other councils' challenges beside the challenges it received and the
// peer days spent on them, as the page shows them. Cells a spreadsheet would
// run as formulas are escaped.
import Papa from 'papaparse';

export interface PeerDaysCsvRow {
  readonly councilCode: string;
  readonly councilName: string;
  readonly daysGiven: number;
  readonly challengesReceived: number;
  readonly daysReceived: number;
}

export const PEER_DAYS_CSV_HEADER = ['council_code', 'council', 'peer_days_given', 'challenges_received', 'peer_days_received'] as const;

export function peerDaysCsv(rows: readonly PeerDaysCsvRow[]): string {
  const data = rows.map((r) => [r.councilCode, r.councilName, r.daysGiven, r.challengesReceived, r.daysReceived]);
  return Papa.unparse({ fields: [...PEER_DAYS_CSV_HEADER], data }, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
}
