// The risk view (issue 19): which councils may be facing performance
// challenges, and why, cause by cause; flags acknowledged by advisers.
import type { Feature } from '../../platform/feature.ts';
import { NotLooked } from './not-looked.ts';
import { riskRouter } from './risk-api.ts';
import { riskPages } from './risk-pages.ts';

/** One book of where the rules could not look, per engine, shared by the API and the pages. */
const books = new WeakMap<object, NotLooked>();
const notLookedOf = (engine: ConstructorParameters<typeof NotLooked>[0]) => {
  const found = books.get(engine) ?? new NotLooked(engine);
  books.set(engine, found);
  return found;
};

export const risk: Feature = {
  api: ({ sql, engine }) => riskRouter(sql, engine, notLookedOf(engine)),
  pages: ({ sql, engine }) => riskPages(sql, engine, notLookedOf(engine)),
};
