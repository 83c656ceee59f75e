// The support offer as pages that work without script: "Support for
// <council>" (the menu by provider, what is left, cost, whom to ask), the one
// form a council asks for anything on it with, the requests a provider or a
// council may read, a request's page with its rating verdict, the provider's
// answer and each of the council's people's own rating, which they alone
// change or withdraw, with every change of a rating kept and shown; and, for
// administrators, which organisation answers for each provider. Each calls the same use-case as the API;
// a refusal is the form again, what was typed kept, each problem named by its
// field, and a second open enquiry (409) links to the open one.
import express from 'express';
import { guardedRecord } from '../../../domain/access/index.ts';
import { AGREEMENT, ratingVerdict, REQUEST_STATES, type SupportOffer } from '../../../domain/peer-challenge/index.ts';
import { keptSupportOffer } from '../../../ingest/support-offer.ts';
import type { Sql } from '../../../store/store.ts';
import { listOrganisations } from '../../../store/organisations.ts';
import { councilOrganisation } from '../../../store/savings.ts';
import type { StoredRating } from '../../../store/support-ratings.ts';
import type { StoredRequest } from '../../../store/support-requests.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { formatDate } from '../../../domain/format/index.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { refusalOf, shown, type Refusal } from './form-problems.ts';
import { supportMenu } from './menu.ts';
import { listProviders, mapProvider, unmapProvider } from './providers.ts';
import { ratingRecord, requestRecord } from './records.ts';
import { answerer, answerRequest, askFor, changeRating, findOwnRating, findRequest, rateRequest, rater, requestsFor, withdrawRating, type Answer } from './requests.ts';

type Form = Record<string, string | undefined>;

const STATE_LABELS: Readonly<Record<(typeof REQUEST_STATES)[number], string>> = {
  requested: 'Asked',
  accepted: 'Accepted',
  declined: 'Declined',
  delivered: 'Delivered',
  rated: 'Rated',
};
const AGREEMENT_LABELS: Readonly<Record<(typeof AGREEMENT)[number], string>> = {
  strongly_agree: 'Strongly agree',
  agree: 'Agree',
  neither: 'Neither agree nor disagree',
  disagree: 'Disagree',
  strongly_disagree: 'Strongly disagree',
};
const ASK_LABELS = {
  offerId: ['offerId', 'What the council asks for'],
  requestedOn: ['requestedOn', 'The day'],
  note: ['note', 'What the council hopes for'],
  council: ['offerId', 'The council'],
} as const;
const ANSWER_LABELS = { on: ['on', 'The day'], reason: ['reason', 'The reason'], state: ['answer', 'The request'] } as const;
const PROVIDER_LABELS = { provider: ['provider', 'The provider'], organisation: ['organisation', 'The organisation'] } as const;
const REMOVAL_LABELS = { provider: ['removeProvider', 'The provider'] } as const;
const RATING_LABELS = { helpful: ['helpful', 'How far you agree'], state: ['helpful', 'The request'], rating: ['helpful', 'Your rating'] } as const;

export function requestPages(sql: Sql, offer: SupportOffer = keptSupportOffer()): express.Router {
  const router = express.Router();

  router.get('/support-offer', reads('support_offer'), (_req, res) => {
    const viewer = accessOf(res).viewer;
    res.redirect(
      303,
      viewer.kind === 'user' && viewer.councilArea !== null ? `/support-offer/councils/${viewer.councilArea}` : viewer.kind === 'user' ? '/support-offer/requests' : '/support-offer/funding',
    );
  });

  router.get('/support-offer/councils/:code', reads('support_offer'), async (req, res) => {
    const menu = await supportMenu(sql, accessOf(res), String(req.params.code), offer);
    renderPage(res, 'support-offer/menu.njk', { menu, requests: menu.requests.map(shownRequest), signedIn: accessOf(res).viewer.kind === 'user' });
  });

  router.get('/support-offer/requests', reads('support_request'), async (req, res) => {
    const council = typeof req.query.council === 'string' && /^E\d{8}$/.test(req.query.council) ? req.query.council : undefined;
    const requests = await requestsFor(sql, accessOf(res), { council });
    const mapsProviders = accessOf(res).may('change', guardedRecord('organisation', 'public'));
    renderPage(res, 'support-offer/requests.njk', { requests: requests.map(shownRequest), council: council ?? null, mapsProviders });
  });

  router.get('/support-offer/requests/new', changes('support_request'), async (req, res) => {
    await askForm(res, { offerId: typeof req.query.offer === 'string' ? req.query.offer : undefined }, null);
  });

  router.post('/support-offer/requests/new', changes('support_request'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      const made = await askFor(sql, accessOf(res), { offerId: form.offerId, requestedOn: form.requestedOn, note: form.note }, offer);
      res.redirect(303, `/support-offer/requests/${made.id}`);
    } catch (error) {
      await askForm(res, form, refusalOf(error, ASK_LABELS));
    }
  });

  router.get('/support-offer/requests/:id', reads('support_request'), async (req, res) => {
    const found = await findRequest(sql, accessOf(res), req.params.id);
    requestPage(res, found, (await councilOrganisation(sql, found.councilCode)) ?? null);
  });

  router.get('/support-offer/requests/:id/edit', changes('support_request'), async (req, res) => {
    const found = await findRequest(sql, accessOf(res), req.params.id);
    answerer(accessOf(res), found);
    answerForm(res, found, {}, null);
  });

  for (const answer of ['accept', 'decline', 'deliver'] as const satisfies readonly Answer[]) {
    router.post(`/support-offer/requests/:id/${answer}`, changes('support_request'), async (req, res) => {
      const form = bodyOf(req) as Form;
      try {
        const done = await answerRequest(sql, accessOf(res), req.params.id, answer, form);
        res.redirect(303, `/support-offer/requests/${done.id}`);
      } catch (error) {
        const refusal = refusalOf(error, ANSWER_LABELS);
        answerForm(res, await findRequest(sql, accessOf(res), req.params.id), { ...form, answer }, refusal);
      }
    });
  }

  router.get('/support-offer/requests/:id/ratings/new', changes('support_rating'), async (req, res) => {
    const found = await findRequest(sql, accessOf(res), req.params.id);
    await rater(sql, accessOf(res), found);
    ratingForm(res, found, {}, null);
  });

  router.post('/support-offer/requests/:id/ratings/new', changes('support_rating'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      const done = await rateRequest(sql, accessOf(res), req.params.id, { helpful: form.helpful });
      res.redirect(303, `/support-offer/requests/${done.id}`);
    } catch (error) {
      ratingForm(res, await findRequest(sql, accessOf(res), req.params.id), form, refusalOf(error, RATING_LABELS));
    }
  });

  router.get('/support-offer/requests/:id/ratings/:rating/edit', changes('support_rating'), async (req, res) => {
    const { request, rating } = await findOwnRating(sql, accessOf(res), req.params.id, req.params.rating);
    ratingForm(res, request, { helpful: rating.withdrawn ? undefined : rating.helpful }, null, rating);
  });

  router.post('/support-offer/requests/:id/ratings/:rating/edit', changes('support_rating'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      const done = await changeRating(sql, accessOf(res), req.params.id, req.params.rating, { helpful: form.helpful });
      res.redirect(303, `/support-offer/requests/${done.id}`);
    } catch (error) {
      const refusal = refusalOf(error, RATING_LABELS);
      const { request, rating } = await findOwnRating(sql, accessOf(res), req.params.id, req.params.rating);
      ratingForm(res, request, form, refusal, rating);
    }
  });

  router.post('/support-offer/requests/:id/ratings/:rating/withdraw', changes('support_rating'), async (req, res) => {
    try {
      const done = await withdrawRating(sql, accessOf(res), req.params.id, req.params.rating);
      res.redirect(303, `/support-offer/requests/${done.id}`);
    } catch (error) {
      const refusal = refusalOf(error, RATING_LABELS);
      const { request, rating } = await findOwnRating(sql, accessOf(res), req.params.id, req.params.rating);
      ratingForm(res, request, {}, refusal, rating);
    }
  });

  router.get('/support-offer/providers/edit', changes('organisation'), async (_req, res) => {
    await providersForm(res, {}, null);
  });

  router.post('/support-offer/providers/edit', changes('organisation'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      await mapProvider(sql, accessOf(res), { provider: form.provider ?? '', organisation: form.organisation ?? '' }, offer);
      res.redirect(303, '/support-offer/providers/edit');
    } catch (error) {
      await providersForm(res, form, refusalOf(error, PROVIDER_LABELS));
    }
  });

  router.post('/support-offer/providers/remove', changes('organisation'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      await unmapProvider(sql, accessOf(res), { provider: form.removeProvider ?? '' }, offer);
      res.redirect(303, '/support-offer/providers/edit');
    } catch (error) {
      await providersForm(res, form, refusalOf(error, REMOVAL_LABELS));
    }
  });

  async function providersForm(res: express.Response, form: Form, refusal: Refusal | null): Promise<void> {
    const providers = await listProviders(sql, offer);
    const organisations = (await listOrganisations(sql)).filter((o) => o.kind === 'sector_body' || o.kind === 'regional_partnership');
    renderPage(res, 'support-offer/providers-form.njk', { providers, organisations, form, ...shown(refusal) }, refusal?.status ?? 200);
  }

  async function askForm(res: express.Response, form: Form, refusal: Refusal | null): Promise<void> {
    const viewer = accessOf(res).viewer;
    const council = viewer.kind === 'user' ? viewer.councilArea : null;
    const menu = council ? await supportMenu(sql, accessOf(res), council, offer) : null;
    const choices = (menu?.providers ?? []).flatMap((p) => p.offers.map((o) => ({ value: o.offer.id, text: o.offer.title, hint: `${p.provider.name}; ${o.offer.cost.kind}; ${o.left ?? ''}` })));
    const others = (menu?.notEligible ?? []).map((n) => ({ value: n.offer.id, text: n.offer.title, hint: `${n.provider}: not for ${menu!.council.name}, because ${n.why}` }));
    renderPage(res, 'support-offer/ask-form.njk', { form, menu, choices: [...choices, ...others], ...shown(refusal) }, refusal?.status ?? 200);
  }

  function shownRequest(r: StoredRequest) {
    const o = offer.offers.find((x) => x.id === r.offerId);
    const verdict = r.state === 'delivered' || r.state === 'rated' ? ratingVerdict(r.ratings) : null;
    return { ...r, title: o?.title ?? r.offerId, provider: offer.providers.find((p) => p.id === r.providerId)?.name ?? r.providerId, stateLabel: STATE_LABELS[r.state], verdict };
  }

  function requestPage(res: express.Response, found: StoredRequest, councilHolder: number | null): void {
    const access = accessOf(res);
    const viewer = access.viewer;
    const mayChange = access.may('change', requestRecord(found));
    const answers = mayChange && viewer.kind === 'user' && viewer.organisationId === found.organisationId && (found.state === 'requested' || found.state === 'accepted');
    const deliveredOrRated = found.state === 'delivered' || found.state === 'rated';
    const mayRate = deliveredOrRated && viewer.kind === 'user' && access.may('change', ratingRecord(found, councilHolder));
    const ratedAlready = viewer.kind === 'user' && found.ratedBy.includes(viewer.userId);
    const request = shownRequest(found);
    const ratings = found.ratings.map((r) => ({ by: r.by, helpful: AGREEMENT_LABELS[r.helpful] }));
    const own = viewer.kind === 'user' ? found.ownRatings.find((r) => r.userId === viewer.userId) : undefined;
    const ownRating = own ? { id: own.id, helpful: AGREEMENT_LABELS[own.helpful] } : null;
    const ratingChanges = found.ratingChanges.map((c) => ({
      when: formatDate(new Date(c.at), 'minute'),
      by: c.by,
      what:
        c.to === null
          ? `withdrew their rating (${AGREEMENT_LABELS[c.from!]})`
          : c.from === null
            ? `gave their rating again: ${AGREEMENT_LABELS[c.to]}`
            : `changed their rating from ${AGREEMENT_LABELS[c.from]} to ${AGREEMENT_LABELS[c.to]}`,
    }));
    renderPage(res, 'support-offer/request.njk', { request, ratings, answers, rates: mayRate && !ratedAlready, ratedAlready, ownRating, ratingChanges });
  }

  function answerForm(res: express.Response, found: StoredRequest, form: Form, refusal: Refusal | null): void {
    renderPage(res, 'support-offer/answer-form.njk', { request: shownRequest(found), form, ...shown(refusal) }, refusal?.status ?? 200);
  }

  function ratingForm(res: express.Response, found: StoredRequest, form: Form, refusal: Refusal | null, rating?: StoredRating): void {
    const agreements = AGREEMENT.map((value) => ({ value, text: AGREEMENT_LABELS[value], checked: form.helpful === value }));
    const editing = rating ? { id: rating.id, withdrawn: rating.withdrawn, helpfulLabel: AGREEMENT_LABELS[rating.helpful] } : null;
    renderPage(res, 'support-offer/rating-form.njk', { request: shownRequest(found), agreements, editing, ...shown(refusal) }, refusal?.status ?? 200);
  }

  return router;
}
