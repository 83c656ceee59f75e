// The support offer (issue 21, items 1 and 2): the menu of support for a
// council, councils' requests from enquiry to rating, and the improvement
// budget with its allocations and spend.
import type { Feature } from '../../platform/feature.ts';
import { fundingPages } from './funding-pages.ts';
import { requestPages } from './request-pages.ts';
import { supportOfferRouter } from './support-offer-api.ts';

export const supportOffer: Feature = {
  api: ({ sql }) => supportOfferRouter(sql),
  pages: ({ sql }) => requestPages(sql).use(fundingPages(sql)),
};
