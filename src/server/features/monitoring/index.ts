// Monitoring: the agreements of England, a region or an area, trouble first,
// for those who oversee them and for residents; one metric's targets across
// areas, a partner's targets, and a council's targets off trajectory.
import express from 'express';
import { engineRatings } from '../../platform/agreements/ratings.ts';
import type { Feature } from '../../platform/feature.ts';
import { monitoringRouter } from './monitoring-api.ts';
import { monitoringPages } from './monitoring-pages.ts';
import { targetLinePages } from './target-line-pages.ts';

export const monitoring: Feature = {
  api: ({ sql, engine }) => monitoringRouter(sql, engine, engineRatings(engine)),
  pages: ({ sql, engine }) => express.Router().use(monitoringPages(sql, engine, engineRatings(engine)), targetLinePages(sql, engine, engineRatings(engine))),
};
