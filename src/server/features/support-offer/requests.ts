// Councils' requests for support: a council's chief executive, members and
// performance officers ask for anything on the menu in one form; the
// provider's staff accept, decline with a reason, or mark it delivered; the
// council's people each rate a delivered one, once, and may change or
// withdraw their own rating later, every earlier answer kept. The policy decides who
// may read and change a request ('support_request': the provider's staff
// answer it) and who rates it ('support_rating': the council's people). Accepting a
// peer challenge opens the challenge's enquiry.
import type { UserViewer } from '../../../domain/access/index.ts';
import { londonDay } from '../../../domain/format/index.ts';
import { AGREEMENT, checkRequest, type Agreement, type Offer, type OfferCouncil, type RequestEvent, type SupportOffer } from '../../../domain/peer-challenge/index.ts';
import { keptSupportOffer } from '../../../ingest/support-offer.ts';
import { getArea } from '../../../store/catalogue.ts';
import { openChallenge } from '../../../store/peer-challenges.ts';
import type { Sql } from '../../../store/store.ts';
import { councilOrganisation } from '../../../store/savings.ts';
import { changeOwnRating, readRating } from '../../../store/support-ratings.ts';
import { askForSupport, listRequests, providerOrganisations, rateAsPerson, readRequest, stepRequest, type StoredRequest } from '../../../store/support-requests.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { pathId } from '../../platform/http/request-body.ts';
import { ownRatingRecord, ratingRecord, requestRecord } from './records.ts';

/** The kind of peer challenge each offer of one opens when accepted. */
const CHALLENGE_OF: Readonly<Partial<Record<Offer['kind'], string>>> = {
  corporate_peer_challenge: 'corporate',
  safeguarding_peer_challenge: 'safeguarding',
  adults_peer_challenge: 'adults',
  childrens_peer_challenge: 'childrens',
};

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The council as the offer sees it; undefined for a code that is no council. */
export async function offerCouncil(sql: Sql, code: string): Promise<OfferCouncil | undefined> {
  const area = await getArea(sql, code);
  if (!area || area.regionCode === null) return undefined;
  return { code: area.code, name: area.name, type: area.type, region: area.regionCode };
}

/** A sentence of the offer's rules with each region's code named as people know it ('E12000006' becomes 'East of England (E12000006)'). */
export async function withRegionNames(sql: Sql, sentence: string): Promise<string> {
  const codes = [...new Set(sentence.match(/E12\d{6}/g) ?? [])];
  let named = sentence;
  for (const code of codes) {
    const area = await getArea(sql, code);
    if (area) named = named.replaceAll(code, `${area.name} (${code})`);
  }
  return named;
}

/** A council's request for something on the menu, by one of its own people. A second open enquiry of one kind answers 409 naming the open one. */
export async function askFor(sql: Sql, access: RequestAccess, body: Readonly<Record<string, unknown>>, offer: SupportOffer = keptSupportOffer()): Promise<StoredRequest> {
  const viewer = councilPerson(access, 'ask for support');
  const councilCode = text(body.council) || viewer.councilArea;
  if (councilCode !== viewer.councilArea) throw new HttpError(403, 'forbidden', `'council': you ask for support for your own council (${viewer.councilArea}) alone`);
  const council = await offerCouncil(sql, councilCode);
  if (!council) throw invalidInput([{ field: 'council', message: `'council': no council has the code '${councilCode}'` }]);
  const requestedOn = text(body.requestedOn) || londonDay(new Date(access.now));
  const note = text(body.note);
  if (note.length > 2000) throw invalidInput([{ field: 'note', message: `'note': keep it to 2,000 characters (it has ${note.length})` }]);
  const offerId = text(body.offerId);
  if (offerId === '') throw invalidInput([{ field: 'offerId', message: `'offerId': choose what the council asks for` }]);
  const chosen = offer.offers.find((o) => o.id === offerId);
  const first = checkRequest({ offerId, requestedOn }, council, offer.offers, []);
  if (first.length > 0 || !chosen) throw invalidInput(await Promise.all(first.map(async (p) => ({ ...p, message: await withRegionNames(sql, p.message) }))));
  const holder = (await providerOrganisations(sql)).get(chosen.providerId);
  if (holder === undefined) {
    const provider = offer.providers.find((p) => p.id === chosen.providerId)?.name ?? chosen.providerId;
    throw invalidInput([{ field: 'offerId', message: `'offerId': ${provider} does not take requests through Lantern yet: ask ${chosen.ask.name}${chosen.ask.email ? ` (${chosen.ask.email})` : ''}` }]);
  }
  const draft = { councilCode, offerId, offerKind: chosen.kind, providerId: chosen.providerId, organisationId: holder, requestedOn, note: note || null };
  access.require('change', requestRecord({ ...draft, requestedBy: viewer.userId }), 'request');
  const asked = await askForSupport(sql, draft, viewer.userId, (uses) => checkRequest({ offerId, requestedOn }, council, offer.offers, uses));
  if (asked.kind === 'refused') throw invalidInput([asked.problem]);
  if (asked.kind === 'open') {
    const title = offer.offers.find((o) => o.id === asked.open.offerId)?.title ?? asked.open.offerId;
    throw new HttpError(409, 'conflict', `'offerId': ${council.name} already has an open enquiry of this kind: request ${asked.open.id}, ${title}, asked on ${asked.open.requestedOn}`, {
      problems: [{ field: 'offerId', message: `'offerId': ${council.name} already has an open enquiry of this kind: request ${asked.open.id}, ${title}, asked on ${asked.open.requestedOn}` }],
      open: { id: asked.open.id, href: `/support-offer/requests/${asked.open.id}` },
    });
  }
  await access.audit(sql, 'change', 'support_request', String(asked.id), `asked for ${chosen.title} for ${council.name}`);
  return (await readRequest(sql, asked.id))!;
}

/** The request the path names, if the viewer may read it: otherwise the one not-found answer. */
export async function findRequest(sql: Sql, access: RequestAccess, idText: unknown): Promise<StoredRequest> {
  const id = pathId(idText, 'request');
  const found = await readRequest(sql, id);
  if (!found) throw notSeen(`request ${id}`);
  access.require('read', requestRecord(found), `request ${id}`);
  const decision = access.decide('read', requestRecord(found));
  if (decision.allowed && decision.audited) await access.auditReads('support_request', [String(id)], 'read the request');
  return found;
}

export type Answer = 'accept' | 'decline' | 'deliver';

/** The provider's answer: accept, decline (with its reason) or mark delivered, on a day (today when none is given). */
export async function answerRequest(sql: Sql, access: RequestAccess, idText: unknown, answer: Answer, body: Readonly<Record<string, unknown>>): Promise<StoredRequest> {
  const found = await findRequest(sql, access, idText);
  const viewer = answerer(access, found);
  const on = text(body.on) || londonDay(new Date(access.now));
  const event: RequestEvent = answer === 'decline' ? { kind: 'decline', on, reason: text(body.reason) } : { kind: answer, on };
  const challengeKind = CHALLENGE_OF[found.offerKind as Offer['kind']];
  const opens =
    answer === 'accept' && challengeKind
      ? async (tx: Parameters<typeof openChallenge>[0], r: StoredRequest) => {
          const opened = await openChallenge(tx, { councilCode: r.councilCode, kind: challengeKind, enquiredOn: on, managedBy: viewer.role === 'peer_challenge_manager' ? viewer.userId : null });
          return opened.kind === 'ok' ? { challengeId: opened.id } : { problem: opened.problem };
        }
      : undefined;
  const stepped = await stepRequest(sql, found.id, event, viewer.userId, opens);
  if (stepped.kind === 'refused') throw refusedStep(stepped.problem);
  const done = { accept: 'accepted', decline: 'declined', deliver: 'marked delivered' }[answer];
  await access.audit(
    sql,
    'change',
    'support_request',
    String(found.id),
    `${done} the request${stepped.request.challengeId && answer === 'accept' ? `, opening peer challenge ${stepped.request.challengeId}` : ''}`,
  );
  return stepped.request;
}

/** A person's own rating of a delivered request: "it has been helpful", how far they agree. Each of the council's people rates it once; a second answers 409 with their rating. */
export async function rateRequest(sql: Sql, access: RequestAccess, idText: unknown, body: Readonly<Record<string, unknown>>): Promise<StoredRequest> {
  const found = await findRequest(sql, access, idText);
  const viewer = await rater(sql, access, found);
  const helpful = agreementOf(body);
  const rated = await rateAsPerson(sql, found.id, helpful, viewer.userId);
  if (rated.kind === 'refused') throw refusedStep(rated.problem);
  if (rated.kind === 'again') {
    const message = `'helpful': you rated request ${found.id} already, on ${rated.rating.on} (${rated.rating.helpful.replace('_', ' ')}); each person rates it once, and may change or withdraw their rating`;
    throw new HttpError(409, 'conflict', message, {
      problems: [{ field: 'helpful', message }],
      open: { id: rated.rating.id, href: `/support-offer/requests/${found.id}/ratings/${rated.rating.id}/edit` },
    });
  }
  await access.audit(sql, 'change', 'support_rating', String(found.id), `rated the support: ${helpful.replace('_', ' ')}`);
  return rated.request;
}

/** How far the person agrees it has been helpful, refused by field when it is not one of the answers. */
function agreementOf(body: Readonly<Record<string, unknown>>): Agreement {
  const helpful = text(body.helpful);
  if (!(AGREEMENT as readonly string[]).includes(helpful)) throw invalidInput([{ field: 'helpful', message: `'helpful': say how far you agree it has been helpful: one of ${AGREEMENT.join(', ')}` }]);
  return helpful as Agreement;
}

/** The person's own rating the path names, on a request they may read: a rating of another request, or none, is the one not-found answer; another person's is refused by the policy. */
export async function findOwnRating(sql: Sql, access: RequestAccess, idText: unknown, ratingText: unknown) {
  const found = await findRequest(sql, access, idText);
  const ratingId = pathId(ratingText, 'rating');
  const rating = await readRating(sql, found.id, ratingId);
  if (!rating) throw notSeen(`rating ${ratingId} of request ${found.id}`);
  access.require('change', ownRatingRecord(found, rating.ratedBy), `rating ${ratingId} of request ${found.id}`);
  return { request: found, rating, userId: (access.viewer as UserViewer).userId };
}

/** The person changes their own rating (or gives it again, once withdrawn); the answer before is kept. */
export async function changeRating(sql: Sql, access: RequestAccess, idText: unknown, ratingText: unknown, body: Readonly<Record<string, unknown>>): Promise<StoredRequest> {
  const { request, rating, userId } = await findOwnRating(sql, access, idText, ratingText);
  const helpful = agreementOf(body);
  const changed = await changeOwnRating(sql, request.id, rating.id, userId, helpful);
  if (changed.kind === 'missing' || changed.kind === 'withdrawn_already') throw notSeen(`rating ${rating.id} of request ${request.id}`);
  if (changed.kind === 'ok') {
    const from = changed.from === null ? 'given again after withdrawing it' : `from ${changed.from.replace('_', ' ')}`;
    await access.audit(sql, 'change', 'support_rating', String(request.id), `changed their rating ${from} to ${helpful.replace('_', ' ')}`);
  }
  return changed.request;
}

/** The person withdraws their own rating: it no longer counts in the verdict, and is kept with its answer; withdrawn already answers 409. */
export async function withdrawRating(sql: Sql, access: RequestAccess, idText: unknown, ratingText: unknown): Promise<StoredRequest> {
  const { request, rating, userId } = await findOwnRating(sql, access, idText, ratingText);
  const changed = await changeOwnRating(sql, request.id, rating.id, userId, null);
  if (changed.kind === 'missing') throw notSeen(`rating ${rating.id} of request ${request.id}`);
  if (changed.kind === 'withdrawn_already')
    throw new HttpError(409, 'conflict', `'rating': you withdrew rating ${rating.id} of request ${request.id} already`, {
      problems: [{ field: 'rating', message: `'rating': you withdrew this rating already` }],
    });
  if (changed.kind === 'ok') await access.audit(sql, 'change', 'support_rating', String(request.id), `withdrew their rating (${rating.helpful.replace('_', ' ')})`);
  return changed.kind === 'ok' ? changed.request : (await readRequest(sql, request.id))!;
}

/** The requests the viewer may read: a council's, or those held by the viewer's organisation. */
export async function requestsFor(sql: Sql, access: RequestAccess, query: { council?: string | undefined }): Promise<StoredRequest[]> {
  const viewer = access.viewer;
  if (viewer.kind !== 'user') return [];
  const listed = query.council
    ? await listRequests(sql, { councilCode: query.council })
    : viewer.councilArea !== null
      ? await listRequests(sql, { councilCode: viewer.councilArea })
      : await listRequests(sql, { organisationId: viewer.organisationId });
  return access.reveal(listed, requestRecord, (r) => String(r.id), 'listed requests for support');
}

/** The viewer, if they may answer the request: the staff of the provider it was made to. */
export function answerer(access: RequestAccess, found: StoredRequest): UserViewer {
  access.require('change', requestRecord(found), `request ${found.id}`);
  const viewer = access.viewer as UserViewer;
  if (viewer.organisationId !== found.organisationId) throw new HttpError(403, 'forbidden', 'the provider asked answers a request; the council rates it once it is delivered');
  return viewer;
}

/** The viewer, if the policy lets them rate the request: the people of the council that had it (its organisation holds the ratings). */
export async function rater(sql: Sql, access: RequestAccess, found: StoredRequest): Promise<UserViewer> {
  if (access.viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', 'Sign in to rate support.');
  access.require('change', ratingRecord(found, (await councilOrganisation(sql, found.councilCode)) ?? null), `the ratings of request ${found.id}`);
  return access.viewer;
}

function councilPerson(access: RequestAccess, doing: string): UserViewer & { readonly councilArea: string } {
  const viewer = access.viewer;
  if (viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', `Sign in to ${doing}.`);
  if (viewer.councilArea === null || (viewer.role !== 'council_member' && viewer.role !== 'performance_officer'))
    throw new HttpError(403, 'forbidden', `a council's chief executive, members and performance officers ${doing}`, { missing: 'role', action: 'change', kind: 'support_request' });
  return viewer as UserViewer & { readonly councilArea: string };
}

function refusedStep(problem: { field: string; message: string }): HttpError {
  return problem.field === 'state' ? new HttpError(409, 'conflict', problem.message, { problems: [problem] }) : invalidInput([problem]);
}
