// A return not sent: past its due date, not received from this council, and
// received from more than half of the councils of its type. One late council
// among many that are also late is a collection running late, not a sign
// about the council; one of few still missing is.
//
// What is due, read from the hub (which holds no collection timetable): a
// metric is a collection, and its latest period is the return due. It is due
// from the councils of a type that sent the period before or this one (a
// type that never sends it does not deliver the service, and is not asked),
// and due on the day the period ends: a return cannot be late before its
// period is over, and the majority of its type having sent it is what shows
// it was collectable. A metric's next-update date is the publisher's, not the
// councils' deadline, so it is not read as one.
import { flagOf, type Finding } from './flag.ts';
import { RULES } from './rules.ts';

/** The councils a return may be due from, by type, as a sentence names them ("41 of 56 unitary authorities"). */
export const COUNCIL_TYPE_NAMES: Readonly<Record<string, string>> = {
  county: 'county councils',
  district: 'district councils',
  unitary: 'unitary authorities',
  metropolitan_district: 'metropolitan districts',
  london_borough: 'London boroughs',
  city_corporation: 'City corporations',
};

export interface DueReturn {
  /** The metric whose figures are the return. */
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
  return flagOf(RULES.missing_return, area, due.collection, due.period, {
    collection: due.collection,
    title: due.title,
    due: due.due,
    sentOfType: received.sentOfType,
    ofType: received.ofType,
    typeName: received.typeName,
  });
}
