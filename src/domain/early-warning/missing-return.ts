// A return not sent: past its due date, not received from this council, and
// received from more than half of the councils of its type. One late council
// among many that are also late is a collection running late, not a sign
// about the council; one of few still missing is.
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
  return flagOf(RULES.missing_return, area, null, due.period, {
    collection: due.collection,
    title: due.title,
    due: due.due,
    sentOfType: received.sentOfType,
    ofType: received.ofType,
    typeName: received.typeName,
  });
}
