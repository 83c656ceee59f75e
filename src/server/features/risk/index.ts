// The risk view (issue 19): which councils may be facing performance
// challenges, and why, cause by cause; flags acknowledged by advisers.
import type { Feature } from '../../platform/feature.ts';
import { EnglandReads } from './england-reads.ts';
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

/** One keeper of England's reads per store, shared likewise. */
const englands = new WeakMap<object, EnglandReads>();
const englandOf = (sql: ConstructorParameters<typeof EnglandReads>[0]) => {
  const found = englands.get(sql) ?? new EnglandReads(sql);
  englands.set(sql, found);
  return found;
};

export const risk: Feature = {
  api: ({ sql, engine }) => riskRouter(sql, engine, notLookedOf(engine), englandOf(sql)),
  pages: ({ sql, engine }) => riskPages(sql, engine, notLookedOf(engine), englandOf(sql)),
};
