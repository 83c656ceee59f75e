// Timeline: per council, every flag, item, share, case, outcome, event and
// Panel decision about it that the reader may see, newest first.
import type { Feature } from '../../platform/feature.ts';
import { timelineRouter } from './timeline-api.ts';
import { timelinePages } from './timeline-pages.ts';

export const timeline: Feature = {
  api: ({ sql }) => timelineRouter(sql),
  pages: ({ sql }) => timelinePages(sql),
};
