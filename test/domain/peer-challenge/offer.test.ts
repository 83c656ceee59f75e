import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkRequest, eligibleOffers, readSupportOffer, type Offer, type OfferCouncil, type SupportOffer } from '../../../src/domain/peer-challenge/index.ts';
import { PROJECT_DIR } from '../../support/data.ts';

function offerFile(): SupportOffer {
  const read = readSupportOffer(JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'data/support-offer/offers.json'), 'utf8')));
  assert.equal(read.kind, 'ok', JSON.stringify(read));
  return read.kind === 'ok' ? read.offer : { providers: [], offers: [] };
}

const MENU = Object.freeze(offerFile());
const SUFFOLK: OfferCouncil = Object.freeze({ code: 'E10000029', name: 'Suffolk', type: 'county', region: 'E12000006' });
const IPSWICH: OfferCouncil = Object.freeze({ code: 'E07000202', name: 'Ipswich', type: 'district', region: 'E12000006' });
const READING: OfferCouncil = Object.freeze({ code: 'E06000038', name: 'Reading', type: 'unitary', region: 'E12000008' });
const ids = (offers: readonly { offer: Offer }[]) => offers.map((o) => o.offer.id);

describe('data/support-offer/offers.json', () => {
  it('reads whole, every offer with its source, cost and whom to ask', () => {
    assert.ok(MENU.offers.length >= 9);
    for (const offer of MENU.offers) assert.ok(offer.source.length > 20 && offer.ask.name.length > 0, offer.id);
    const corporate = MENU.offers.find((o) => o.kind === 'corporate_peer_challenge')!;
    assert.equal(corporate.cost.kind, 'free');
    assert.deepEqual(corporate.eligibility, { authorityTypes: [], regions: [], councils: [] });
  });
});

describe('readSupportOffer(json)', () => {
  const offer = MENU.offers[0]!;
  const withOffer = (changed: object) => readSupportOffer({ providers: MENU.providers, offers: [{ ...offer, ...changed }] });
  const fields = (read: ReturnType<typeof readSupportOffer>) => (read.kind === 'invalid' ? read.problems.map((p) => p.field) : []);

  it('refuses a file without its lists', () => {
    assert.deepEqual(fields(readSupportOffer({})), ['providers', 'offers']);
    assert.deepEqual(fields(readSupportOffer(null)), ['providers', 'offers']);
  });

  it('refuses each malformed field of an offer by name', () => {
    assert.deepEqual(fields(withOffer({ kind: 'lunch' })), ['offers[0].kind']);
    assert.deepEqual(fields(withOffer({ providerId: 'nobody' })), ['offers[0].providerId']);
    assert.deepEqual(fields(withOffer({ cost: { kind: 'free', councilPays: 100, note: '' } })), ['offers[0].cost.councilPays']);
    assert.deepEqual(fields(withOffer({ cost: { kind: 'charged', councilPays: -1, note: '' } })), ['offers[0].cost.councilPays']);
    assert.deepEqual(fields(withOffer({ entitlement: { times: 0, withinMonths: 12 } })), ['offers[0].entitlement']);
    assert.deepEqual(fields(withOffer({ eligibility: { authorityTypes: ['castle'], regions: [], councils: [] } })), ['offers[0].eligibility.authorityTypes']);
    assert.deepEqual(fields(withOffer({ availableTo: '2026-02-30' })), ['offers[0].availableTo']);
    assert.deepEqual(fields(withOffer({ ask: { name: '', email: null }, source: '' })), ['offers[0].ask.name', 'offers[0].source']);
  });

  it('refuses an offer id used twice', () => {
    const read = readSupportOffer({ providers: MENU.providers, offers: [offer, offer] });
    assert.deepEqual(fields(read), ['offers[1].id']);
  });
});

describe('eligibleOffers(council, offers, usedSoFar, today)', () => {
  it('gives an East of England county the whole national offer and the region’s', () => {
    const offers = eligibleOffers(SUFFOLK, MENU.offers, [], '2026-12-05');
    assert.deepEqual(
      ids(offers).sort(),
      MENU.offers
        .filter((o) => o.providerId !== 'iese')
        .map((o) => o.id)
        .sort(),
    );
  });

  it('leaves out the children’s and adults’ challenges for a district, and the region’s offer outside it', () => {
    assert.ok(!ids(eligibleOffers(IPSWICH, MENU.offers, [], '2026-12-05')).includes('safeguarding-peer-challenge'));
    const reading = ids(eligibleOffers(READING, MENU.offers, [], '2026-12-05'));
    assert.ok(!reading.includes('chief-executive-mentor'));
    assert.ok(reading.includes('performance-improvement-project'));
  });

  it('takes an offer off once its entitlement is used within the window, and puts it back after', () => {
    const used = [{ offerId: 'corporate-peer-challenge', on: '2025-03-10' }];
    assert.ok(!ids(eligibleOffers(SUFFOLK, MENU.offers, used, '2026-12-05')).includes('corporate-peer-challenge'));
    assert.ok(ids(eligibleOffers(SUFFOLK, MENU.offers, used, '2028-03-10')).includes('corporate-peer-challenge'));
  });

  it('says how many are left, and that a mentor may be had as often as asked', () => {
    const offers = eligibleOffers(SUFFOLK, MENU.offers, [{ offerId: 'chief-executive-mentor', on: '2026-01-01' }], '2026-12-05');
    const mentor = offers.find((o) => o.offer.id === 'chief-executive-mentor')!;
    assert.equal(mentor.remaining, null);
    assert.match(mentor.sentence, /as often as the council asks/);
    assert.equal(offers.find((o) => o.offer.id === 'leadership-place')!.remaining, 1);
  });

  it('keeps to named councils and to the days an offer runs', () => {
    const named: Offer = { ...MENU.offers[0]!, id: 'named', eligibility: { authorityTypes: [], regions: [], councils: [IPSWICH.code] }, availableFrom: '2026-01-01', availableTo: '2026-12-31' };
    assert.deepEqual(ids(eligibleOffers(IPSWICH, [named], [], '2026-06-01')), ['named']);
    assert.deepEqual(ids(eligibleOffers(SUFFOLK, [named], [], '2026-06-01')), []);
    assert.deepEqual(ids(eligibleOffers(IPSWICH, [named], [], '2027-01-01')), []);
    assert.deepEqual(ids(eligibleOffers(IPSWICH, [named], [], '2025-12-31')), []);
  });
});

describe('checkRequest(draft, council, offers, usedSoFar)', () => {
  it('accepts a request the council may have', () => {
    assert.deepEqual(checkRequest({ offerId: 'corporate-peer-challenge', requestedOn: '2026-12-05' }, SUFFOLK, MENU.offers, []), []);
  });

  it('refuses an entitlement exceeded, naming the field, the count and when to ask again', () => {
    const used = [{ offerId: 'corporate-peer-challenge', on: '2025-03-10' }];
    const problems = checkRequest({ offerId: 'corporate-peer-challenge', requestedOn: '2026-12-05' }, SUFFOLK, MENU.offers, used);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.field, 'offerId');
    assert.match(
      problems[0]!.message,
      /^'offerId': entitlement exceeded: Suffolk has had 1 of 1 Corporate peer challenge within 36 months \(the last on 2025-03-10\); it may ask again from 2028-03-10$/,
    );
  });

  it('refuses an unknown offer, one the council may not have, and a day it cannot read', () => {
    assert.match(checkRequest({ offerId: 'yacht', requestedOn: '2026-12-05' }, SUFFOLK, MENU.offers, [])[0]!.message, /no offer 'yacht'/);
    assert.match(checkRequest({ offerId: 'safeguarding-peer-challenge', requestedOn: '2026-12-05' }, IPSWICH, MENU.offers, [])[0]!.message, /Ipswich may not have .*not district/);
    assert.deepEqual(
      checkRequest({ offerId: 'corporate-peer-challenge', requestedOn: '5/12/2026' }, SUFFOLK, MENU.offers, []).map((p) => p.field),
      ['requestedOn'],
    );
  });
});
