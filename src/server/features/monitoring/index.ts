// Monitoring: the agreements of England, a region or an area, trouble first,
// for those who oversee them and for residents.
import { engineRatings } from '../../platform/agreements/ratings.ts';
import type { Feature } from '../../platform/feature.ts';
import { monitoringRouter } from './monitoring-api.ts';
import { monitoringPages } from './monitoring-pages.ts';

export const monitoring: Feature = {
  api: ({ sql, engine }) => monitoringRouter(sql, engineRatings(engine)),
  pages: ({ sql, engine }) => monitoringPages(sql, engine, engineRatings(engine)),
};
