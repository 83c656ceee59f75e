// Support packages and the Performance Support Panel (issue 19): a case's
// package agreed, changed and followed by the sector body's advisers and read
// by the council it is about; the Panel's meetings, agenda drafted from the
// cases, decisions, action monitor and pack.
import express from 'express';
import type { Feature } from '../../platform/feature.ts';
import { packagePages } from './package-pages.ts';
import { panelPages } from './panel-pages.ts';
import { supportRouter } from './support-api.ts';

export const support: Feature = {
  api: ({ sql, engine }) => supportRouter(sql, engine),
  pages: ({ sql, engine, printer }) => express.Router().use(packagePages(sql, engine), panelPages(sql, engine, printer)),
};
