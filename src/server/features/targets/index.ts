// Agreements and targets: recorded, signed off, refreshed and reviewed by a
// council and its partners; monitored by those who oversee them.
import type { Feature } from '../../platform/feature.ts';
import { targetsRouter } from './targets-api.ts';

export const targets: Feature = {
  api: ({ sql }) => targetsRouter(sql),
};
