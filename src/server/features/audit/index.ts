// The audit trail, for administrators: filtered, paged and exported.
import type { Feature } from '../../platform/feature.ts';
import { auditRouter } from './audit-api.ts';
import { auditPages } from './audit-pages.ts';

export const audit: Feature = {
  api: ({ sql }) => auditRouter(sql),
  pages: ({ sql }) => auditPages(sql),
};
