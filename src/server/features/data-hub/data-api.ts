// The data hub's JSON API: areas, metrics, observations and import batches.
// Each handler reads its parameters, calls one store or ingest
// function and answers. Bad parameters are 400s that say what was wrong.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { type Request, type Response } from 'express';
import { isGssCode } from '../../../domain/area/index.ts';
import { formatRejection } from '../../../domain/batch/index.ts';
import { isMetricCode } from '../../../domain/metric/index.ts';
import { decodeFlags } from '../../../domain/observation/index.ts';
import { MappingError, parseMapping, type ColumnMapping } from '../../../ingest/column-mapping.ts';
import type { ImportRequest } from '../../../ingest/import-file.ts';
import { observationsCsv } from '../../../reports/observations-csv.ts';
import { guardedRecord } from '../../../domain/access/index.ts';
import { countBatches, countRejections, getBatch, listBatches, listRejections } from '../../../store/batches.ts';
import { areaHistory, getArea, getMetric, metricHistory, queryAreas, queryMetrics } from '../../../store/catalogue.ts';
import { observationHistory, queryObservations, streamObservations, type ObservationRow } from '../../../store/observations.ts';
import type { Sql } from '../../../store/store.ts';
import { batchesAsSeen } from '../../platform/access/provenance.ts';
import { accessOf, actorOf, changes, filterObservations, observationAccess, readableObservations, reads } from '../../platform/access/index.ts';
import { badRequest, notFound } from '../../platform/http/http-error.ts';
import { receiveImport } from './import-upload.ts';
import {
  integer, onlyKnown, optionalAreaType, optionalBoolean, optionalCode, optionalMetricCode, optionalPeriod, optionalText, page,
} from '../../platform/http/query-params.ts';

export function dataHubRouter(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/areas', reads('area'), async (req, res) => {
    const q = req.query;
    onlyKnown(q, ['type', 'region', 'parent', 'q', 'current', 'limit', 'offset']);
    const items = await queryAreas(sql, {
      type: optionalAreaType(q, 'type'), region: optionalCode(q, 'region'), parent: optionalCode(q, 'parent'),
      q: optionalText(q, 'q'), current: optionalBoolean(q, 'current'), ...page(q),
    });
    res.json({ items });
  });

  router.get('/areas/:code', reads('area'), async (req, res) => {
    const code = String(req.params.code).toUpperCase();
    const area = isGssCode(code) ? await getArea(sql, code) : undefined;
    if (!area) throw notFound(`there is no area with the code '${req.params.code}'`);
    res.json(area);
  });

  router.get('/areas/:code/history', reads('area'), async (req, res) => {
    const code = String(req.params.code).toUpperCase();
    const items = isGssCode(code) ? await areaHistory(sql, code) : undefined;
    if (!items) throw notFound(`there is no area with the code '${req.params.code}'`);
    res.json({ items });
  });

  router.get('/metrics', reads('metric'), async (req, res) => {
    const q = req.query;
    onlyKnown(q, ['q', 'theme', 'limit', 'offset']);
    res.json({ items: await queryMetrics(sql, { q: optionalText(q, 'q'), theme: optionalText(q, 'theme'), ...page(q) }) });
  });

  router.get('/metrics/:code', reads('metric'), async (req, res) => {
    const code = String(req.params.code);
    const metric = isMetricCode(code) ? await getMetric(sql, code) : undefined;
    if (!metric) throw notFound(`there is no metric with the code '${req.params.code}'`);
    res.json(metric);
  });

  router.get('/metrics/:code/history', reads('metric'), async (req, res) => {
    const code = String(req.params.code);
    const items = isMetricCode(code) ? await metricHistory(sql, code) : undefined;
    if (!items) throw notFound(`there is no metric with the code '${req.params.code}'`);
    res.json({ items });
  });

  router.get('/observations', reads('observation'), async (req, res) => {
    const q = req.query;
    onlyKnown(q, ['metric', 'area', 'from', 'to', 'format', 'limit', 'offset']);
    const format = optionalText(q, 'format') ?? 'json';
    if (format !== 'json' && format !== 'csv') throw badRequest(`'format' must be json or csv, not '${format}'`);
    const filter = {
      metric: optionalMetricCode(q, 'metric'), area: optionalCode(q, 'area'),
      from: optionalPeriod(q, 'from')?.end, to: optionalPeriod(q, 'to')?.end,
    };
    const paging = page(q, 1000);
    // Early-sight metrics under embargo are read row by row through the policy; published ones need no filtering.
    const reach = await observationAccess(res, sql, filter.metric);
    if (format === 'csv') {
      for (const name of ['limit', 'offset']) {
        if (name in q) throw badRequest(`'${name}' does not apply to format=csv: the CSV holds every matching row`);
      }
      res.type('text/csv; charset=utf-8').attachment('observations.csv');
      await pipeline(Readable.from(observationsCsv(reach.rowByRow ? readableObservations(res, reach, streamObservations(sql, filter)) : streamObservations(sql, filter))), res).catch((error: unknown) => {
        if (!res.destroyed) throw error; // the client went away mid-download: nothing to answer
      });
      return;
    }
    const rows = reach.rowByRow ? await readablePage(res, reach, streamObservations(sql, filter), paging) : await queryObservations(sql, { ...filter, ...paging });
    res.json({ items: rows.map(observationJson) });
  });

  router.get('/observations/history', reads('observation'), async (req, res) => {
    const q = req.query;
    onlyKnown(q, ['metric', 'area']);
    const metric = optionalMetricCode(q, 'metric');
    const area = optionalCode(q, 'area');
    if (!metric || !area) throw badRequest("'metric' and 'area' are both required");
    const reach = await observationAccess(res, sql, metric);
    const access = accessOf(res);
    access.require('read', reach.record(metric, area), `history of ${metric} for ${area}`);
    await access.reveal([reach.record(metric, area)], (record) => record, () => `${metric}/${area}`, 'observation history');
    const rows = await observationHistory(sql, metric, area);
    res.json({ items: rows.map((row) => ({ ...row, flags: decodeFlags(row.flags) })) });
  });

  router.get('/imports', reads('import_batch'), async (req, res) => {
    onlyKnown(req.query, ['limit', 'offset']);
    const { limit, offset } = page(req.query, 100, 1000);
    const [items, total] = await Promise.all([listBatches(sql, limit, offset), countBatches(sql)]);
    res.json({ items: await batchesAsSeen(sql, accessOf(res), items), total, limit, offset });
  });

  router.get('/imports/:id', reads('import_batch'), async (req, res) => {
    const batch = await getBatch(sql, batchId(req));
    if (!batch) throw notFound(`there is no import batch ${req.params.id}`);
    res.json((await batchesAsSeen(sql, accessOf(res), [batch]))[0]);
  });

  router.get('/imports/:id/rejections', reads('import_rejection'), async (req, res) => {
    onlyKnown(req.query, ['limit', 'offset']);
    const id = batchId(req);
    const batch = await getBatch(sql, id);
    if (!batch) throw notFound(`there is no import batch ${req.params.id}`);
    // Rejected rows hold whatever the file held, early-sight values included: administrators read them.
    const access = accessOf(res);
    access.require('read', REJECTED_ROWS, `rejected rows of batch ${id}`);
    await access.reveal([REJECTED_ROWS], (record) => record, () => String(id), 'rejected rows');
    const { limit, offset } = page(req.query);
    const [items, total] = await Promise.all([listRejections(sql, id, limit, offset), countRejections(sql, id)]);
    res.json({ items: items.map((r) => ({ ...r, message: formatRejection(batch.fileName, r) })), total, limit, offset });
  });

  router.post('/imports', changes('import_batch'), async (req, res) => {
    onlyKnown(req.query, ['fileName', 'skipInvalid', 'mapping', 'addAreas', 'sheet', 'dryRun']);
    const fileName = optionalText(req.query, 'fileName') ?? (req.is('application/json') ? 'upload.json' : 'upload.csv');
    if (!/^[\w .()-]{1,100}$/.test(fileName)) throw badRequest("'fileName' may hold letters, digits, spaces and . ( ) - _ only");
    const format = req.is('application/json') ? 'json' : req.is('text/csv') ? 'csv' : undefined;
    const mapping = mappingOf(req.query);
    const sheet = optionalText(req.query, 'sheet');
    const request: Omit<ImportRequest, 'input'> = {
      fileName, ...(format ? { format } : {}), importedBy: actorOf(req, res).actor, skipInvalid: optionalBoolean(req.query, 'skipInvalid') ?? false,
      addAreas: optionalBoolean(req.query, 'addAreas') ?? false,
      ...(mapping ? { mapping } : {}), ...(sheet !== undefined ? { sheet } : {}),
    };
    // The body is received whole before the batch starts: see import-upload.ts.
    await receiveImport(sql, req, res, request, optionalBoolean(req.query, 'dryRun') ?? false);
  });

  return router;
}

const REJECTED_ROWS = guardedRecord('import_rejection', 'restricted');

/** A page of the rows the viewer may read, cut after the policy has filtered them. */
async function readablePage<T extends { metric: string; area: string }>(res: Response, reach: Parameters<typeof filterObservations>[1], pages: AsyncIterable<T[]>, paging: { limit: number; offset: number }): Promise<T[]> {
  const access = accessOf(res);
  const audited = new Set<string>();
  const shown: T[] = [];
  let skipped = 0;
  for await (const rows of pages) {
    for (const row of filterObservations(access, reach, rows, audited)) {
      if (skipped < paging.offset) skipped++;
      else shown.push(row);
    }
    if (shown.length >= paging.limit) break;
  }
  const page = shown.slice(0, paging.limit);
  const keys = new Set(page.map((row) => `${row.metric}/${row.area}`));
  await access.auditReads('observation', [...audited].filter((key) => keys.has(key)), 'early-sight observations');
  return page;
}

function batchId(req: Request): number {
  return integer({ id: req.params.id }, 'id', 0, 1, 2_147_483_647);
}

function observationJson(row: ObservationRow) {
  return { ...row, flags: decodeFlags(row.flags) };
}

const MAX_MAPPING_CHARACTERS = 64 * 1024;

/** A column mapping sent with an upload, as JSON in the 'mapping' query parameter; it may not name files on the server. */
function mappingOf(query: Request['query']): ColumnMapping | undefined {
  const text = query.mapping;
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw badRequest("'mapping' must be given once, as JSON text");
  if (text.length > MAX_MAPPING_CHARACTERS) throw badRequest(`'mapping' is longer than ${MAX_MAPPING_CHARACTERS} characters`);
  try {
    return parseMapping(text, "'mapping'");
  } catch (error) {
    if (error instanceof MappingError) throw badRequest(error.message);
    throw error;
  }
}
