// A challenge's week on site as iCalendar, read back by a parser of its own
// (ical.js): the dates as all-day days with the exclusive end, the summary,
// the team, the status, and UIDs that stay the same between files and feeds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { challengeCalendar, peerFeed, visitStatus, type OnSiteVisit } from '../../src/reports/icalendar.ts';

const OPTIONS = { uidDomain: 'lantern.example', urlOf: (id: number) => `https://lantern.example/peer-challenges/${id}` };

const KENT: OnSiteVisit = Object.freeze({
  challengeId: 7,
  councilName: 'Kent',
  kind: 'corporate',
  onSite: { from: '2026-01-27', to: '2026-01-30' },
  status: 'confirmed',
  team: ['Ann Lead (lead chief executive)', 'Cllr Bob Member (Independent)', 'Cat Manager'],
  sequence: 3,
  changedAt: new Date('2026-01-02T09:30:00Z'),
});

const LEEDS: OnSiteVisit = Object.freeze({
  ...KENT,
  challengeId: 12,
  councilName: 'Leeds',
  kind: 'childrens',
  onSite: { from: '2026-02-28', to: '2026-03-01' },
  status: 'tentative',
  team: [],
  sequence: 1,
});

function eventsOf(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('challengeCalendar(visit, options)', () => {
  it('is one all-day event from the first day on site to the day after the last', () => {
    const [event, ...rest] = eventsOf(challengeCalendar(KENT, OPTIONS));
    assert.equal(rest.length, 0);
    assert.equal(event!.startDate.isDate, true, 'an all-day date, not a time');
    assert.equal(event!.startDate.toString(), '2026-01-27');
    assert.equal(event!.endDate.toString(), '2026-01-31', 'DTEND is exclusive');
    assert.equal(event!.summary, 'Corporate peer challenge: Kent');
    assert.equal(event!.description, 'Team: Ann Lead (lead chief executive); Cllr Bob Member (Independent); Cat Manager.');
    assert.equal(event!.sequence, 3);
    assert.equal(event!.component.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.equal(event!.component.getFirstPropertyValue('url'), 'https://lantern.example/peer-challenges/7');
  });

  it('ends a week that crosses a month in the next month', () => {
    const [event] = eventsOf(challengeCalendar(LEEDS, OPTIONS));
    assert.equal(event!.endDate.toString(), '2026-03-02');
    assert.equal(event!.summary, "Children's peer challenge: Leeds");
    assert.equal(event!.description, 'The team is not yet booked.');
    assert.equal(event!.component.getFirstPropertyValue('status'), 'TENTATIVE');
  });

  it('gives the same text for the same challenge, and the same UID when the week moves', () => {
    assert.equal(challengeCalendar(KENT, OPTIONS), challengeCalendar({ ...KENT }, OPTIONS));
    const moved = { ...KENT, onSite: { from: '2026-02-03', to: '2026-02-06' }, sequence: 4, changedAt: new Date('2026-01-10T12:00:00Z') };
    const [before] = eventsOf(challengeCalendar(KENT, OPTIONS));
    const [after] = eventsOf(challengeCalendar(moved, OPTIONS));
    assert.equal(after!.uid, before!.uid);
    assert.equal(after!.uid, 'peer-challenge-7-on-site@lantern.example');
    assert.ok(after!.sequence > before!.sequence, 'a moved week replaces the one sent before');
    assert.equal(after!.startDate.toString(), '2026-02-03');
  });
});

describe('peerFeed(peerName, visits, options)', () => {
  it("holds every week, each with the UID of its challenge's own file", () => {
    const text = peerFeed('Ann Lead', [KENT, LEEDS], OPTIONS);
    const calendar = new ICAL.Component(ICAL.parse(text));
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'Peer challenge days: Ann Lead');
    assert.match(text, /REFRESH-INTERVAL;VALUE=DURATION:PT6H/);
    const events = eventsOf(text);
    assert.deepEqual(
      events.map((e) => [e.uid, e.startDate.toString(), e.endDate.toString()]),
      [
        ['peer-challenge-7-on-site@lantern.example', '2026-01-27', '2026-01-31'],
        ['peer-challenge-12-on-site@lantern.example', '2026-02-28', '2026-03-02'],
      ],
    );
    const [own] = eventsOf(challengeCalendar(LEEDS, OPTIONS));
    assert.equal(events[1]!.uid, own!.uid);
  });

  it('is an empty calendar for a peer with no bookings', () => {
    assert.deepEqual(eventsOf(peerFeed('Dan Idle', [], OPTIONS)), []);
  });
});

describe('visitStatus(challenge)', () => {
  it('is tentative while booked, confirmed with a team, cancelled when withdrawn before feedback', () => {
    assert.equal(visitStatus({ stage: 'booked', feedbackOn: null }), 'tentative');
    assert.equal(visitStatus({ stage: 'team_confirmed', feedbackOn: null }), 'confirmed');
    assert.equal(visitStatus({ stage: 'closed', feedbackOn: null }), 'cancelled');
    assert.equal(visitStatus({ stage: 'closed', feedbackOn: '2026-01-30' }), 'confirmed');
  });
});
