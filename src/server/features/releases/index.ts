// The release path: a council's release calendar, its rules and its shares before release.
import type { Feature } from '../../platform/feature.ts';
import { releasesRouter } from './releases-api.ts';

export const releases: Feature = {
  api: ({ sql }) => releasesRouter(sql),
};
