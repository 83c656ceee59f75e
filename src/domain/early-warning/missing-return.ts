// A return not sent: past its due date, not received from this council, and
// received from more than half of the councils of its type. One late council
// among many that are also late is a collection running late, not a sign
// about the council; one of few still missing is.
import { formatDate, formatNumber } from '../format/index.ts';
import { flagOf, type Finding } from './flag.ts';
import { RULES } from './rules.ts';

export interface DueReturn {
  readonly collection: string;
  readonly title: string;
  readonly period: string;
  /** The day it was due, written 2012-06-30. */
  readonly due: string;
}

export interface ReturnsReceived {
  /** Whether this council's return has come. */
  readonly sent: boolean;
  /** Councils of its type (itself included) that the return is due from, and how many have sent theirs. */
  readonly ofType: number;
  readonly sentOfType: number;
  /** The type, in words, for the sentence: "unitary authorities". */
  readonly typeName: string;
}

export function missingReturn(area: string, due: DueReturn, received: ReturnsReceived, today: string): Finding {
  if (received.sent || today <= due.due) return null;
  if (received.sentOfType * 2 <= received.ofType) return null;
  const sentence =
    `No ${due.title} return for ${due.period}, due ${formatDate(new Date(`${due.due}T12:00:00Z`))}; ` +
    `${formatNumber(received.sentOfType, 0)} of ${formatNumber(received.ofType, 0)} ${received.typeName} have sent theirs.`;
  return flagOf(RULES.missing_return, area, null, due.period, { collection: due.collection, due: due.due, sentOfType: received.sentOfType, ofType: received.ofType }, sentence);
}
