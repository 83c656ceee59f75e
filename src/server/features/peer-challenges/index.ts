// Peer challenges: the programme, each council's challenge from enquiry to
// close with its due dates, and the forms that move it.
import type { Feature } from '../../platform/feature.ts';
import { challengePages } from './challenge-pages.ts';
import { challengesRouter } from './challenges-api.ts';
import { findingsRouter } from './findings-api.ts';
import { findingsPages } from './findings-pages.ts';
import { programmePages } from './programme-pages.ts';

export const peerChallenges: Feature = {
  api: ({ sql, engine }) => findingsRouter(sql, engine, challengesRouter(sql)),
  pages: ({ sql, engine, printer }) => {
    const router = programmePages(sql);
    router.use(findingsPages(sql, engine));
    router.use(challengePages(sql, engine, printer));
    return router;
  },
};
