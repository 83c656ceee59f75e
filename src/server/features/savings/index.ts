// Efficiency savings: a council's savings from estimate to verification, its
// progress against the savings goal, the partnership's totals and the annual
// report.
import type { Feature } from '../../platform/feature.ts';
import { savingsRouter } from './savings-api.ts';
import { savingsPages } from './savings-pages.ts';

export const savings: Feature = {
  api: ({ sql, engine }) => savingsRouter(sql, engine),
  pages: ({ sql, engine, printer }) => savingsPages(sql, engine, printer),
};
