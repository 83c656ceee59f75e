// The peer pool and a challenge's team: peers, their conflicts and days away, booking and releasing a team, its calendars.
import express from 'express';
import type { Feature } from '../../platform/feature.ts';
import { peerForms } from './peer-forms.ts';
import { peerPoolRouter } from './peer-pool-api.ts';
import { poolPages } from './pool-pages.ts';
import { teamPages } from './team-pages.ts';

export const peerPool: Feature = {
  api: ({ sql }) => peerPoolRouter(sql),
  pages: ({ sql }) => {
    const router = express.Router();
    peerForms(sql, router);
    poolPages(sql, router);
    teamPages(sql, router);
    return router;
  },
};
