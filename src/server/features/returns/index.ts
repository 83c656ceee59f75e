// In-year and early-sight returns: a council's local metrics, its
// commitments to send values, the values held until released, and the
// returns calendar.
import type { Feature } from '../../platform/feature.ts';
import { returnsRouter } from './returns-api.ts';
import { returnsPages } from './returns-pages.ts';

export const returns: Feature = {
  api: ({ sql, engine }) => returnsRouter(sql, engine),
  pages: ({ sql, engine }) => returnsPages(sql, engine),
};
