// Exploring the figures: the area, metric, compare and search pages, and the benchmarking API.
import type { Feature } from '../../platform/feature.ts';
import { benchmarkRouter } from './benchmark-api.ts';
import { explorePages } from './explore-pages.ts';

export const explore: Feature = {
  api: ({ sql, engine }) => benchmarkRouter(sql, engine),
  pages: (deps) => explorePages(deps),
};
