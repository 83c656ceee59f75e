// Sharing: the log of shares, a council's feed and page of every share about it.
import type { Feature } from '../../platform/feature.ts';
import { sharesRouter } from './shares-api.ts';
import { sharesPages } from './shares-pages.ts';

export const sharing: Feature = {
  api: ({ sql }) => sharesRouter(sql),
  pages: ({ sql, engine }) => sharesPages(sql, engine),
};
