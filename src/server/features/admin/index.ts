// Administration: organisations, users and early-sight releases.
import type { Feature } from '../../platform/feature.ts';
import { adminRouter } from './admin-api.ts';
import { adminPages } from './admin-pages.ts';

export const admin: Feature = {
  api: ({ sql }) => adminRouter(sql),
  pages: ({ sql, engine }) => adminPages(sql, engine),
};
