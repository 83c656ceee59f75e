// Dashboards: the figures a signed-in user follows, as tiles.
import type { Feature } from '../../platform/feature.ts';
import { dashboardPages } from './dashboard-pages.ts';

export const dashboards: Feature = {
  pages: (deps) => dashboardPages(deps),
};
