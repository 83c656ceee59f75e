// Improvement cases: the single conversation with a council and its outcome, under the policy.
import type { Feature } from '../../platform/feature.ts';
import { casesRouter } from './cases-api.ts';
import { casesPages } from './cases-pages.ts';

export const cases: Feature = {
  api: ({ sql }) => casesRouter(sql),
  pages: ({ sql, engine }) => casesPages(sql, engine),
};
