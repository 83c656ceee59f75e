// A council's request for something on the menu, from its enquiry to its
// rating. Councils "make enquiries … in the first instance" (000 §10); the
// provider accepts or declines (a decline always says why), delivers, and
// those who took part rate it. Success, in Improvement East's words, is that
// "most people agree that [it] has been helpful" (001): the rating rule is
// that, written as versioned data, so a page shows which rule judged it.
import { isIsoDay } from '../period/index.ts';
import { problem, type Problem } from './problem.ts';

export const REQUEST_STATES = ['requested', 'accepted', 'declined', 'delivered', 'rated'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const AGREEMENT = ['strongly_agree', 'agree', 'neither', 'disagree', 'strongly_disagree'] as const;
export type Agreement = (typeof AGREEMENT)[number];

export interface Rating {
  readonly by: string;
  /** "It has been helpful": how far the rater agrees. */
  readonly helpful: Agreement;
}

export interface OfferRequest {
  readonly offerId: string;
  readonly councilCode: string;
  readonly state: RequestState;
  readonly requestedOn: string;
  readonly decidedOn: string | null;
  readonly declineReason: string | null;
  readonly deliveredOn: string | null;
  readonly ratings: readonly Rating[];
}

export type RequestEvent =
  | { readonly kind: 'accept'; readonly on: string }
  | { readonly kind: 'decline'; readonly on: string; readonly reason: string }
  | { readonly kind: 'deliver'; readonly on: string }
  | { readonly kind: 'rate'; readonly ratings: readonly Rating[] };

export type RequestStep = { readonly kind: 'ok'; readonly request: OfferRequest } | { readonly kind: 'refused'; readonly problem: Problem };

/** From which states each event may be taken. */
const FROM: Readonly<Record<RequestEvent['kind'], readonly RequestState[]>> = {
  accept: ['requested'],
  decline: ['requested'],
  deliver: ['accepted'],
  rate: ['delivered', 'rated'],
};

/** The request after the event, or the reason it cannot happen. */
export function advanceRequest(request: OfferRequest, event: RequestEvent): RequestStep {
  if (!FROM[event.kind].includes(request.state)) {
    return refused('state', `a request that is ${request.state} cannot be ${pastTense(event.kind)}; it must be ${FROM[event.kind].join(' or ')}`);
  }
  switch (event.kind) {
    case 'accept':
      return dated(event.on, request.requestedOn, 'requested') ?? ok({ ...request, state: 'accepted', decidedOn: event.on });
    case 'decline':
      if (event.reason.trim() === '') return refused('reason', 'a declined request says why');
      return dated(event.on, request.requestedOn, 'requested') ?? ok({ ...request, state: 'declined', decidedOn: event.on, declineReason: event.reason.trim() });
    case 'deliver':
      return dated(event.on, request.decidedOn ?? request.requestedOn, 'accepted') ?? ok({ ...request, state: 'delivered', deliveredOn: event.on });
    case 'rate':
      if (event.ratings.length === 0) return refused('ratings', 'give at least one rating');
      if (event.ratings.some((r) => !(AGREEMENT as readonly string[]).includes(r.helpful))) return refused('ratings', `each rating is one of ${AGREEMENT.join(', ')}`);
      return ok({ ...request, state: 'rated', ratings: [...request.ratings, ...event.ratings] });
  }
}

function dated(on: string, after: string, what: string): RequestStep | null {
  if (!isIsoDay(on)) return refused('on', 'give the day as YYYY-MM-DD');
  if (on < after) return refused('on', `${on} is before the request was ${what} on ${after}`);
  return null;
}

function pastTense(kind: RequestEvent['kind']): string {
  return { accept: 'accepted', decline: 'declined', deliver: 'delivered', rate: 'rated' }[kind];
}

function ok(request: OfferRequest): RequestStep {
  return { kind: 'ok', request };
}

function refused(field: string, message: string): RequestStep {
  return { kind: 'refused', problem: problem(field, message) };
}

export interface RatingRule {
  readonly version: number;
  /** The share of raters who must agree or strongly agree, strictly more than. */
  readonly agreeingMoreThan: number;
  readonly minimumRatings: number;
  readonly source: string;
}

export const RATING_RULE: RatingRule = Object.freeze({
  version: 1,
  agreeingMoreThan: 0.5,
  minimumRatings: 1,
  source: 'Improvement East (001): "Success then is that most people agree that a regional dimension to this support and challenge activity has been helpful."',
});

export type RatingVerdict =
  | { readonly kind: 'helpful' | 'not_shown_helpful'; readonly agreeing: number; readonly ratings: number; readonly rule: RatingRule; readonly sentence: string }
  | { readonly kind: 'not_rated'; readonly ratings: number; readonly rule: RatingRule; readonly sentence: string };

/** Whether most raters agree the support has been helpful, with the figures and the rule. */
export function ratingVerdict(ratings: readonly Rating[], rule: RatingRule = RATING_RULE): RatingVerdict {
  if (ratings.length < rule.minimumRatings) {
    return { kind: 'not_rated', ratings: ratings.length, rule, sentence: `Not judged: ${ratings.length} rating(s), fewer than the ${rule.minimumRatings} the rule needs.` };
  }
  const agreeing = ratings.filter((r) => r.helpful === 'agree' || r.helpful === 'strongly_agree').length;
  const helpful = agreeing / ratings.length > rule.agreeingMoreThan;
  const verb = helpful ? 'Helpful' : 'Not shown to be helpful';
  return {
    kind: helpful ? 'helpful' : 'not_shown_helpful',
    agreeing,
    ratings: ratings.length,
    rule,
    sentence: `${verb}: ${agreeing} of ${ratings.length} agree it has been helpful (the rule asks for most).`,
  };
}
