// Agreements and targets: recorded, signed off, refreshed and reviewed by a
// council and its partners; monitored by those who oversee them.
import type { Feature } from '../../platform/feature.ts';
import { engineRatings } from '../../platform/agreements/ratings.ts';
import { targetsRouter } from './targets-api.ts';
import { targetsPages } from './targets-pages.ts';

export const targets: Feature = {
  api: ({ sql, engine }) => targetsRouter(sql, engineRatings(engine)),
  pages: ({ sql, engine }) => targetsPages(sql, engine, engineRatings(engine)),
};
