// A feature of the HTTP edge as the composition root (app.ts) mounts it: its
// JSON API and its pages, each made from the same dependencies. A feature
// imports the platform and the rooms below the server, never another
// feature (eslint.config.js says so); what two features share belongs in
// the platform.
import type express from 'express';
import type { Config } from '../../config.ts';
import type { BenchmarkEngine } from '../../engine/benchmark-engine.ts';
import type { PdfPrinter } from '../../reports/pdf.ts';
import type { Sql } from '../../store/store.ts';
import type { AreaMaps } from '../../web/views/comparison-map.ts';

export interface FeatureDeps {
  readonly config: Config;
  readonly sql: Sql;
  readonly engine: BenchmarkEngine;
  readonly printer: PdfPrinter;
  /** The boundaries for maps, read once in the background; null where they could not be read. */
  readonly maps: Promise<AreaMaps | null>;
  readonly log: (line: string) => void;
}

export interface Feature {
  /** Its JSON API: one flat router mounted at /api, whose routes the OpenAPI document describes. */
  readonly api?: (deps: FeatureDeps) => express.Router;
  /** Its pages, mounted at the site's root. */
  readonly pages?: (deps: FeatureDeps) => express.Router;
}
