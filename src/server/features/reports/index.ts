// Reports: drafts, the builder, the headline report, and published versions with their files.
import type { Feature } from '../../platform/feature.ts';
import { reportPages } from './report-pages.ts';

export const reports: Feature = {
  pages: (deps) => reportPages(deps),
};
