// The release path: a council's release calendar, its rules and its shares before release.
import type { Feature } from '../../platform/feature.ts';
import { releasesRouter } from './releases-api.ts';
import { releasesPages } from './releases-pages.ts';

export const releases: Feature = {
  api: ({ sql }) => releasesRouter(sql),
  pages: ({ sql }) => releasesPages(sql),
};
