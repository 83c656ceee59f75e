// "Support for <council>": the menu of support by provider, as the offer
// (data/support-offer/offers.json) and the domain's rules make it for one
// council today: what it may have, at what cost, whom to ask, and how much
// of each entitlement is left this period; and what it may not have, with
// why. The entitlement left is counted from the council's requests, so it is
// shown only where the viewer may read every request it counts: the
// council's own people, and a provider's staff for that provider's offers.
import { londonDay } from '../../../domain/format/index.ts';
import { eligibleOffers, whyNotEligible, type Offer, type OfferCouncil, type OfferUse, type Provider, type SupportOffer } from '../../../domain/peer-challenge/index.ts';
import { keptSupportOffer } from '../../../ingest/support-offer.ts';
import type { Sql } from '../../../store/store.ts';
import { listRequests, providerOrganisations, type StoredRequest } from '../../../store/support-requests.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { requestRecord } from './records.ts';
import { offerCouncil, withRegionNames } from './requests.ts';

export interface MenuOffer {
  readonly offer: Offer;
  /** How many more times the council may have it: a sentence, or null where the viewer may not see the council's uses. */
  readonly left: string | null;
  readonly remaining: number | null;
  /** Whether the provider takes requests through Lantern. */
  readonly askable: boolean;
}

export interface MenuProvider {
  readonly provider: Provider;
  readonly offers: readonly MenuOffer[];
}

export interface Menu {
  readonly council: OfferCouncil;
  readonly today: string;
  readonly providers: readonly MenuProvider[];
  readonly notEligible: readonly { readonly offer: Offer; readonly provider: string; readonly why: string }[];
  /** The council's requests the viewer may read, the latest first. */
  readonly requests: readonly StoredRequest[];
  /** Whether the viewer asks for the council (its own people). */
  readonly mayAsk: boolean;
}

export async function supportMenu(sql: Sql, access: RequestAccess, councilCode: string, offer: SupportOffer = keptSupportOffer()): Promise<Menu> {
  const council = await offerCouncil(sql, councilCode);
  if (!council) throw notSeen(`council ${councilCode}`);
  const today = londonDay(new Date(access.now));
  const viewer = access.viewer;
  const all = viewer.kind === 'user' ? await listRequests(sql, { councilCode }) : [];
  const requests = await access.reveal(all, requestRecord, (r) => String(r.id), 'read the support menu');
  const holders = await providerOrganisations(sql);
  const uses: OfferUse[] = all.filter((r) => r.state !== 'declined').map((r) => ({ offerId: r.offerId, on: r.requestedOn }));
  const ownCouncil = viewer.kind === 'user' && viewer.councilArea === council.code;
  const seesUses = (o: Offer) => ownCouncil || (viewer.kind === 'user' && holders.get(o.providerId) === viewer.organisationId);
  const available = eligibleOffers(council, offer.offers, uses, today);
  const providers = offer.providers
    .map((provider) => ({
      provider,
      offers: offer.offers
        .filter((o) => o.providerId === provider.id && whyNotEligible(council, o, today) === null)
        .map((o) => {
          const found = available.find((a) => a.offer.id === o.id);
          const remaining = found ? found.remaining : 0;
          const left = !seesUses(o) ? null : remaining === null ? 'As often as the council asks' : `${remaining} of ${o.entitlement!.times} within ${o.entitlement!.withinMonths} months`;
          return { offer: o, left, remaining: seesUses(o) ? remaining : null, askable: holders.has(o.providerId) };
        }),
    }))
    .filter((p) => p.offers.length > 0);
  const notEligible = await Promise.all(
    offer.offers.flatMap((o) => {
      const why = whyNotEligible(council, o, today);
      const provider = offer.providers.find((p) => p.id === o.providerId)?.name ?? o.providerId;
      return why === null ? [] : [withRegionNames(sql, why).then((named) => ({ offer: o, provider, why: named }))];
    }),
  );
  const mayAsk = ownCouncil && viewer.kind === 'user' && (viewer.role === 'council_member' || viewer.role === 'performance_officer');
  return { council, today, providers, notEligible, requests, mayAsk };
}
