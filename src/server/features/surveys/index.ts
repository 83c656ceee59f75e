// Resident surveys: the question sets, a council's surveys as they were run,
// their results and comparability verdicts, and the comparable results held
// as the council's values until released.
import type { Feature } from '../../platform/feature.ts';
import express from 'express';
import { questionSetPages } from './question-set-pages.ts';
import { surveysRouter } from './surveys-api.ts';
import { surveysPages } from './surveys-pages.ts';

export const surveys: Feature = {
  api: ({ sql, engine }) => surveysRouter(sql, engine),
  pages: ({ sql, engine }) => express.Router().use(questionSetPages(sql), surveysPages(sql, engine)),
};
