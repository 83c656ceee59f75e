// A peer challenge's days on site as iCalendar (RFC 5545), so that a team's
// calendars hold the week: one file per challenge, and a private feed per
// peer of every week they are booked for. Each week is one all-day event
// whose UID is made of the challenge alone, so that a calendar that reads
// both the challenge's file and the peer's feed keeps one event, and a week
// moved after it was first sent replaces it (a higher SEQUENCE) rather than
// adding a second. The end is the day after the last day on site, since an
// all-day DTEND is exclusive.
import ical, { ICalEventStatus } from 'ical-generator';
import type { ChallengeKind, DateSpan, Stage } from '../domain/peer-challenge/index.ts';

export interface OnSiteVisit {
  readonly challengeId: number;
  readonly councilName: string;
  readonly kind: ChallengeKind;
  readonly onSite: DateSpan;
  readonly status: VisitStatus;
  /** The team as the council and the peers know it, lead first. */
  readonly team: readonly string[];
  /** Counts the challenge's changes: a calendar takes the highest. */
  readonly sequence: number;
  /** When the challenge last changed: the event's DTSTAMP, so that the same challenge gives the same file. */
  readonly changedAt: Date;
}

export type VisitStatus = 'tentative' | 'confirmed' | 'cancelled';

export interface CalendarOptions {
  /** The host UIDs are made unique under: Lantern's own address. */
  readonly uidDomain: string;
  /** Where the challenge is read in Lantern, if the reader may follow it. */
  readonly urlOf?: (challengeId: number) => string;
}

const KIND_TITLES: Readonly<Record<ChallengeKind, string>> = {
  corporate: 'Corporate peer challenge',
  safeguarding: 'Safeguarding peer challenge',
  adults: "Adults' peer challenge",
  childrens: "Children's peer challenge",
};

const STATUS: Readonly<Record<VisitStatus, ICalEventStatus>> = {
  tentative: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

/** How sure the week is: booked but without a confirmed team is tentative; a challenge withdrawn before its feedback is cancelled. */
export function visitStatus(challenge: { readonly stage: Stage; readonly feedbackOn: string | null }): VisitStatus {
  if (challenge.stage === 'closed') return challenge.feedbackOn === null ? 'cancelled' : 'confirmed';
  return challenge.stage === 'booked' ? 'tentative' : 'confirmed';
}

/** The challenge's week on site, as a file of one event. */
export function challengeCalendar(visit: OnSiteVisit, options: CalendarOptions): string {
  return calendarOf(`${visitSummary(visit)}: days on site`, [visit], options, null);
}

/**
 * A peer's private feed: every week they are booked for, to subscribe to.
 * Calendars are asked to read it again every six hours.
 */
export function peerFeed(peerName: string, visits: readonly OnSiteVisit[], options: CalendarOptions): string {
  return calendarOf(`Peer challenge days: ${peerName}`, visits, options, 6 * 60 * 60);
}

/** The UID of a challenge's week, the same in every file that holds it. */
export function visitUid(challengeId: number, options: CalendarOptions): string {
  return `peer-challenge-${challengeId}-on-site@${options.uidDomain}`;
}

export function visitSummary(visit: Pick<OnSiteVisit, 'kind' | 'councilName'>): string {
  return `${KIND_TITLES[visit.kind]}: ${visit.councilName}`;
}

function calendarOf(name: string, visits: readonly OnSiteVisit[], options: CalendarOptions, ttlSeconds: number | null): string {
  const calendar = ical({ name, prodId: { company: 'Lantern', product: 'Peer challenge', language: 'EN' }, ...(ttlSeconds === null ? {} : { ttl: ttlSeconds }) });
  for (const visit of visits) {
    calendar.createEvent({
      id: visitUid(visit.challengeId, options),
      sequence: visit.sequence,
      stamp: visit.changedAt,
      start: dayStart(visit.onSite.from),
      end: dayStart(dayAfter(visit.onSite.to)),
      allDay: true,
      summary: visitSummary(visit),
      description: visit.team.length === 0 ? 'The team is not yet booked.' : `Team: ${visit.team.join('; ')}.`,
      status: STATUS[visit.status],
      ...(options.urlOf ? { url: options.urlOf(visit.challengeId) } : {}),
    });
  }
  return calendar.toString();
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
