// Mentoring: a mentor from the peer pool for a council's chief executive,
// leader or lead member; their objectives, dates and sessions; the pair's
// notes, confidential to them; and the mentee's closing review.
import type { Feature } from '../../platform/feature.ts';
import { mentoringRouter } from './mentoring-api.ts';
import { mentoringPages } from './mentoring-pages.ts';

export const mentoring: Feature = {
  api: ({ sql }) => mentoringRouter(sql),
  pages: ({ sql }) => mentoringPages(sql),
};
