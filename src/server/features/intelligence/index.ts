// Intelligence: items about councils, recorded, read, changed and shared under the policy.
import type { Feature } from '../../platform/feature.ts';
import { intelligenceRouter } from './intelligence-api.ts';
import { intelligencePages } from './intelligence-pages.ts';

export const intelligence: Feature = {
  api: ({ sql }) => intelligenceRouter(sql),
  pages: ({ sql, engine }) => intelligencePages(sql, engine),
};
