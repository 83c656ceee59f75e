// The support offer as data (issue 21, build item 1): what each provider (the
// sector body, a regional partnership) offers councils, at what cost, to whom,
// how often, and whom to ask. The offers themselves live in
// data/support-offer/offers.json with their sources; this file reads them,
// refusing a malformed one by field, and answers the two questions a chief
// executive asks of the menu: what may we still have, and may we have this?
//
// Entitlements are counted over a rolling window, because the seeds give them
// that way: a corporate peer challenge "to every council over the three years
// from Summer 2011", a safeguarding peer review "once every three years", "one
// subsidised place for every council for each of the next three years" (004,
// item 1(a), appendix 1). A declined request was never had, so it is not used.
import type { AreaType } from '../area/index.ts';
import { isAreaType } from '../area/index.ts';
import { addMonths } from '../improvement/index.ts';
import { isIsoDay } from '../period/index.ts';
import { problem, type Problem } from './problem.ts';

export const PROVIDER_KINDS = ['sector_body', 'regional_partnership'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const OFFER_KINDS = [
  'corporate_peer_challenge',
  'safeguarding_peer_challenge',
  'adults_peer_challenge',
  'childrens_peer_challenge',
  'chief_executive_mentor',
  'menu_of_support',
  'leadership_place',
  'productivity_expert',
  'funded_project',
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export const COST_KINDS = ['free', 'subsidised', 'charged'] as const;
export type CostKind = (typeof COST_KINDS)[number];

export interface Provider {
  readonly id: string;
  readonly name: string;
  readonly kind: ProviderKind;
}

export interface Cost {
  readonly kind: CostKind;
  /** What the council pays in pounds, where known: 0 when free. */
  readonly councilPays: number | null;
  readonly note: string;
}

/** Who may have an offer: every condition given must hold; an empty list is no condition. */
export interface Eligibility {
  readonly authorityTypes: readonly AreaType[];
  /** Region GSS codes (E12000006 is the East of England). */
  readonly regions: readonly string[];
  /** Named councils' GSS codes, for an offer made to a few (004: "the seven councils currently rated 'adequate'"). */
  readonly councils: readonly string[];
}

/** At most `times` within any `withinMonths` months; null is as often as asked. */
export interface Entitlement {
  readonly times: number;
  readonly withinMonths: number;
}

export interface Contact {
  readonly name: string;
  readonly email: string | null;
}

export interface Offer {
  readonly id: string;
  readonly kind: OfferKind;
  readonly title: string;
  readonly providerId: string;
  readonly cost: Cost;
  readonly eligibility: Eligibility;
  readonly entitlement: Entitlement | null;
  readonly ask: Contact;
  /** The days the offer runs; null at either end is open. */
  readonly availableFrom: string | null;
  readonly availableTo: string | null;
  /** Where the offer comes from, quoted. */
  readonly source: string;
}

export interface SupportOffer {
  readonly providers: readonly Provider[];
  readonly offers: readonly Offer[];
}

/** The council as the offer sees it. */
export interface OfferCouncil {
  readonly code: string;
  readonly name: string;
  readonly type: AreaType;
  readonly region: string;
}

/** An offer the council has had or asked for, not declined: it counts against the entitlement. */
export interface OfferUse {
  readonly offerId: string;
  readonly on: string;
}

export interface AvailableOffer {
  readonly offer: Offer;
  /** How many more times the council may have it now; null when as often as it asks. */
  readonly remaining: number | null;
  readonly sentence: string;
}

/** The offers a council may still have today, each with how many more times and why. */
export function eligibleOffers(council: OfferCouncil, offers: readonly Offer[], usedSoFar: readonly OfferUse[], today: string): AvailableOffer[] {
  return offers.flatMap((offer) => {
    if (whyNotEligible(council, offer, today) !== null) return [];
    const remaining = remainingUses(offer, usedSoFar, today);
    if (remaining === 0) return [];
    return [{ offer, remaining, sentence: remainingSentence(offer, remaining) }];
  });
}

export interface OfferRequestDraft {
  readonly offerId: string;
  readonly requestedOn: string;
}

/** Every problem of a council's request for an offer, each naming its field: an unknown offer, one it may not have, an entitlement exceeded. */
export function checkRequest(draft: OfferRequestDraft, council: OfferCouncil, offers: readonly Offer[], usedSoFar: readonly OfferUse[]): Problem[] {
  if (!isIsoDay(draft.requestedOn)) return [problem('requestedOn', 'give the day of the request as YYYY-MM-DD')];
  const offer = offers.find((o) => o.id === draft.offerId);
  if (!offer) return [problem('offerId', `there is no offer '${draft.offerId}' on the menu`)];
  const notEligible = whyNotEligible(council, offer, draft.requestedOn);
  if (notEligible !== null) return [problem('offerId', `${council.name} may not have ${offer.title}: ${notEligible}`)];
  if (remainingUses(offer, usedSoFar, draft.requestedOn) === 0) return [problem('offerId', exceededSentence(council, offer, usedSoFar, draft.requestedOn))];
  return [];
}

/** Why the council may not have the offer on the day, or null when it may. */
export function whyNotEligible(council: OfferCouncil, offer: Offer, day: string): string | null {
  const { authorityTypes, regions, councils } = offer.eligibility;
  if (offer.availableFrom !== null && day < offer.availableFrom) return `it is offered from ${offer.availableFrom}`;
  if (offer.availableTo !== null && day > offer.availableTo) return `it was offered until ${offer.availableTo}`;
  if (authorityTypes.length > 0 && !authorityTypes.includes(council.type)) return `it is offered to ${authorityTypes.join(', ')} councils, not ${council.type}`;
  if (regions.length > 0 && !regions.includes(council.region)) return `it is offered in ${regions.join(', ')} alone`;
  if (councils.length > 0 && !councils.includes(council.code)) return 'it is offered to named councils, and this council is not one of them';
  return null;
}

function usesInWindow(offer: Offer, usedSoFar: readonly OfferUse[], day: string): OfferUse[] {
  if (offer.entitlement === null) return [];
  const since = addMonths(day, -offer.entitlement.withinMonths);
  return usedSoFar.filter((use) => use.offerId === offer.id && use.on > since && use.on <= day);
}

function remainingUses(offer: Offer, usedSoFar: readonly OfferUse[], day: string): number | null {
  if (offer.entitlement === null) return null;
  return Math.max(0, offer.entitlement.times - usesInWindow(offer, usedSoFar, day).length);
}

function remainingSentence(offer: Offer, remaining: number | null): string {
  if (offer.entitlement === null || remaining === null) return `${offer.title}: as often as the council asks (${offer.cost.kind}).`;
  return `${offer.title}: ${remaining} of ${offer.entitlement.times} left within ${offer.entitlement.withinMonths} months (${offer.cost.kind}).`;
}

function exceededSentence(council: OfferCouncil, offer: Offer, usedSoFar: readonly OfferUse[], day: string): string {
  const uses = usesInWindow(offer, usedSoFar, day);
  const entitlement = offer.entitlement!;
  const last = uses
    .map((u) => u.on)
    .sort()
    .at(-1);
  const again = last ? `; it may ask again from ${addMonths(uses.map((u) => u.on).sort()[0]!, entitlement.withinMonths)}` : '';
  return `entitlement exceeded: ${council.name} has had ${uses.length} of ${entitlement.times} ${offer.title} within ${entitlement.withinMonths} months (the last on ${last})${again}`;
}

/** Reads the offer file, refusing each malformed field by name; nothing is half read. */
export function readSupportOffer(json: unknown): { kind: 'ok'; offer: SupportOffer } | { kind: 'invalid'; problems: Problem[] } {
  const problems: Problem[] = [];
  const root = json as { providers?: unknown; offers?: unknown };
  if (!Array.isArray(root?.providers)) problems.push(problem('providers', 'a list of providers is needed'));
  if (!Array.isArray(root?.offers)) problems.push(problem('offers', 'a list of offers is needed'));
  if (problems.length > 0) return { kind: 'invalid', problems };
  const providers = root.providers as Provider[];
  providers.forEach((p, i) => {
    if (typeof p?.id !== 'string' || p.id === '') problems.push(problem(`providers[${i}].id`, 'a provider needs an id'));
    if (!(PROVIDER_KINDS as readonly unknown[]).includes(p?.kind)) problems.push(problem(`providers[${i}].kind`, `must be one of ${PROVIDER_KINDS.join(', ')}`));
  });
  const providerIds = new Set(providers.map((p) => p?.id));
  const seen = new Set<string>();
  (root.offers as Offer[]).forEach((offer, i) => {
    problems.push(...offerProblems(offer, `offers[${i}]`, providerIds));
    if (seen.has(offer?.id)) problems.push(problem(`offers[${i}].id`, `'${offer.id}' is used twice`));
    seen.add(offer?.id);
  });
  if (problems.length > 0) return { kind: 'invalid', problems };
  return { kind: 'ok', offer: { providers, offers: root.offers as Offer[] } };
}

function offerProblems(offer: Offer, at: string, providerIds: ReadonlySet<unknown>): Problem[] {
  const problems: Problem[] = [];
  if (typeof offer?.id !== 'string' || offer.id === '') problems.push(problem(`${at}.id`, 'an offer needs an id'));
  if (!(OFFER_KINDS as readonly unknown[]).includes(offer?.kind)) problems.push(problem(`${at}.kind`, `must be one of ${OFFER_KINDS.join(', ')}`));
  if (typeof offer?.title !== 'string' || offer.title === '') problems.push(problem(`${at}.title`, 'an offer needs a title'));
  if (!providerIds.has(offer?.providerId)) problems.push(problem(`${at}.providerId`, `no provider '${String(offer?.providerId)}'`));
  if (!(COST_KINDS as readonly unknown[]).includes(offer?.cost?.kind)) problems.push(problem(`${at}.cost.kind`, `must be one of ${COST_KINDS.join(', ')}`));
  else if (offer.cost.kind === 'free' && offer.cost.councilPays !== 0) problems.push(problem(`${at}.cost.councilPays`, 'a free offer costs the council 0'));
  else if (offer.cost.councilPays !== null && !(offer.cost.councilPays >= 0)) problems.push(problem(`${at}.cost.councilPays`, 'must be 0 or more, or null when not known'));
  const types = offer?.eligibility?.authorityTypes;
  if (!Array.isArray(types) || !types.every(isAreaType)) problems.push(problem(`${at}.eligibility.authorityTypes`, 'must be a list of area types'));
  if (!Array.isArray(offer?.eligibility?.regions)) problems.push(problem(`${at}.eligibility.regions`, 'must be a list of region codes'));
  if (!Array.isArray(offer?.eligibility?.councils)) problems.push(problem(`${at}.eligibility.councils`, 'must be a list of council codes'));
  const e = offer?.entitlement;
  if (e !== null && !(Number.isInteger(e?.times) && e.times > 0 && Number.isInteger(e.withinMonths) && e.withinMonths > 0)) {
    problems.push(problem(`${at}.entitlement`, 'give whole times and months above 0, or null for as often as asked'));
  }
  if (typeof offer?.ask?.name !== 'string' || offer.ask.name === '') problems.push(problem(`${at}.ask.name`, 'say whom to ask'));
  for (const end of ['availableFrom', 'availableTo'] as const) {
    if (offer?.[end] !== null && !isIsoDay(offer?.[end])) problems.push(problem(`${at}.${end}`, 'give a day as YYYY-MM-DD, or null'));
  }
  if (typeof offer?.source !== 'string' || offer.source === '') problems.push(problem(`${at}.source`, 'say where the offer comes from'));
  return problems;
}
