// The good-practice library: case studies, their search and their moderation.
import express from 'express';
import type { Feature } from '../../platform/feature.ts';
import { goodPracticeRouter } from './good-practice-api.ts';
import { goodPracticePages } from './good-practice-pages.ts';

export const goodPractice: Feature = {
  api: ({ sql }) => goodPracticeRouter(sql),
  pages: ({ sql, engine }) => express.Router().use(goodPracticePages(sql, engine)),
};
