// Improvement cases: the single conversation with a council and its outcome, under the policy.
import type { Feature } from '../../platform/feature.ts';
import { casesRouter } from './cases-api.ts';

export const cases: Feature = {
  api: ({ sql }) => casesRouter(sql),
};
