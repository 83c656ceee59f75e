// Agreements and targets: recorded, signed off, refreshed and reviewed by a
// council and its partners; monitored by those who oversee them.
import express from 'express';
import type { Feature } from '../../platform/feature.ts';
import { engineRatings } from '../../platform/agreements/ratings.ts';
import { targetsRouter } from './targets-api.ts';
import { agreementShower, targetsPages } from './targets-pages.ts';
import { agreementForms } from './targets-forms.ts';
import { targetForms } from './target-form.ts';

export const targets: Feature = {
  api: ({ sql, engine }) => targetsRouter(sql, engineRatings(engine)),
  // The forms first: their paths (/agreements/new, …/targets/new) would otherwise be read as ids.
  pages: ({ sql, engine }) => {
    const rate = engineRatings(engine);
    return express.Router().use(agreementForms(sql, engine, agreementShower(sql, engine, rate)), targetForms(sql, engine), targetsPages(sql, engine, rate));
  },
};
