// The data hub: areas, metrics and observations, and the import batches that bring them.
import type { Feature } from '../../platform/feature.ts';
import { dataHubRouter } from './data-api.ts';

export const dataHub: Feature = {
  api: ({ sql }) => dataHubRouter(sql),
};
