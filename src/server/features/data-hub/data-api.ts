// The data hub's JSON API: areas, metrics, observations and import batches.
// Each handler reads its parameters, calls one store or ingest
// function and answers. Bad parameters are 400s that say what was wrong.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { type Response } from 'express';
import { isGssCode } from '../../../domain/area/index.ts';
import { formatRejection } from '../../../domain/batch/index.ts';
import { isMetricCode } from '../../../domain/metric/index.ts';
import { decodeFlags } from '../../../domain/observation/index.ts';
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
import { checked, checkedQuery } from '../../platform/http/input-schema.ts';
import { areaPath, areasQuery, batchPath, historyQuery, importQuery, importsQuery, metricPath, metricsQuery, observationsQuery, rejectionsQuery } from './api-inputs.ts';

export function dataHubRouter(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/areas', reads('area'), async (req, res) => {
    res.json({ items: await queryAreas(sql, checkedQuery(areasQuery, req.query)) });
  });

  router.get('/areas/:code', reads('area'), async (req, res) => {
    const code = checked(areaPath, req.params).code.toUpperCase();
    const area = isGssCode(code) ? await getArea(sql, code) : undefined;
    if (!area) throw notFound(`there is no area with the code '${req.params.code}'`);
    res.json(area);
  });

  router.get('/areas/:code/history', reads('area'), async (req, res) => {
    const code = checked(areaPath, req.params).code.toUpperCase();
    const items = isGssCode(code) ? await areaHistory(sql, code) : undefined;
    if (!items) throw notFound(`there is no area with the code '${req.params.code}'`);
    res.json({ items });
  });

  router.get('/metrics', reads('metric'), async (req, res) => {
    res.json({ items: await queryMetrics(sql, checkedQuery(metricsQuery, req.query)) });
  });

  router.get('/metrics/:code', reads('metric'), async (req, res) => {
    const { code } = checked(metricPath, req.params);
    const metric = isMetricCode(code) ? await getMetric(sql, code) : undefined;
    if (!metric) throw notFound(`there is no metric with the code '${req.params.code}'`);
    res.json(metric);
  });

  router.get('/metrics/:code/history', reads('metric'), async (req, res) => {
    const { code } = checked(metricPath, req.params);
    const items = isMetricCode(code) ? await metricHistory(sql, code) : undefined;
    if (!items) throw notFound(`there is no metric with the code '${req.params.code}'`);
    res.json({ items });
  });

  router.get('/observations', reads('observation'), async (req, res) => {
    const q = req.query;
    const { format, limit, offset, ...asked } = checkedQuery(observationsQuery, q);
    const filter = { metric: asked.metric, area: asked.area, from: asked.from?.end, to: asked.to?.end };
    const paging = { limit, offset };
    // Early-sight metrics under embargo are read row by row through the policy; published ones need no filtering.
    const reach = await observationAccess(res, sql, filter.metric);
    if (format === 'csv') {
      for (const name of ['limit', 'offset']) {
        if (name in q) throw badRequest(`'${name}' does not apply to format=csv: the CSV holds every matching row`);
      }
      res.type('text/csv; charset=utf-8').attachment('observations.csv');
      await pipeline(Readable.from(observationsCsv(reach.rowByRow ? readableObservations(res, reach, streamObservations(sql, filter)) : streamObservations(sql, filter))), res).catch(
        (error: unknown) => {
          if (!res.destroyed) throw error; // the client went away mid-download: nothing to answer
        },
      );
      return;
    }
    const rows = reach.rowByRow ? await readablePage(res, reach, streamObservations(sql, filter), paging) : await queryObservations(sql, { ...filter, ...paging });
    res.json({ items: rows.map(observationJson) });
  });

  router.get('/observations/history', reads('observation'), async (req, res) => {
    const { metric, area } = checkedQuery(historyQuery, req.query);
    const reach = await observationAccess(res, sql, metric);
    const access = accessOf(res);
    access.require('read', reach.record(metric, area), `history of ${metric} for ${area}`);
    await access.reveal(
      [reach.record(metric, area)],
      (record) => record,
      () => `${metric}/${area}`,
      'observation history',
    );
    const rows = await observationHistory(sql, metric, area);
    res.json({ items: rows.map((row) => ({ ...row, flags: decodeFlags(row.flags) })) });
  });

  router.get('/imports', reads('import_batch'), async (req, res) => {
    const { limit, offset } = checkedQuery(importsQuery, req.query);
    const [items, total] = await Promise.all([listBatches(sql, limit, offset), countBatches(sql)]);
    res.json({ items: await batchesAsSeen(sql, accessOf(res), items), total, limit, offset });
  });

  router.get('/imports/:id', reads('import_batch'), async (req, res) => {
    const batch = await getBatch(sql, checked(batchPath, req.params).id);
    if (!batch) throw notFound(`there is no import batch ${req.params.id}`);
    res.json((await batchesAsSeen(sql, accessOf(res), [batch]))[0]);
  });

  router.get('/imports/:id/rejections', reads('import_rejection'), async (req, res) => {
    const { id } = checked(batchPath, req.params);
    const { limit, offset } = checkedQuery(rejectionsQuery, req.query);
    const batch = await getBatch(sql, id);
    if (!batch) throw notFound(`there is no import batch ${req.params.id}`);
    // Rejected rows hold whatever the file held, early-sight values included: administrators read them.
    const access = accessOf(res);
    access.require('read', REJECTED_ROWS, `rejected rows of batch ${id}`);
    await access.reveal(
      [REJECTED_ROWS],
      (record) => record,
      () => String(id),
      'rejected rows',
    );
    const [items, total] = await Promise.all([listRejections(sql, id, limit, offset), countRejections(sql, id)]);
    res.json({ items: items.map((r) => ({ ...r, message: formatRejection(batch.fileName, r) })), total, limit, offset });
  });

  router.post('/imports', changes('import_batch'), async (req, res) => {
    const { fileName, skipInvalid, addAreas, mapping, sheet, dryRun } = checkedQuery(importQuery, req.query);
    const format = req.is('application/json') ? 'json' : req.is('text/csv') ? 'csv' : undefined;
    const request: Omit<ImportRequest, 'input'> = {
      fileName: fileName ?? (format === 'json' ? 'upload.json' : 'upload.csv'),
      ...(format ? { format } : {}),
      importedBy: actorOf(req, res).actor,
      skipInvalid,
      addAreas,
      ...(mapping ? { mapping } : {}),
      ...(sheet !== undefined ? { sheet } : {}),
    };
    // The body is received whole before the batch starts: see import-upload.ts.
    await receiveImport(sql, req, res, request, dryRun);
  });

  return router;
}

const REJECTED_ROWS = guardedRecord('import_rejection', 'restricted');

/** A page of the rows the viewer may read, cut after the policy has filtered them. */
async function readablePage<T extends { metric: string; area: string }>(
  res: Response,
  reach: Parameters<typeof filterObservations>[1],
  pages: AsyncIterable<T[]>,
  paging: { limit: number; offset: number },
): Promise<T[]> {
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
  await access.auditReads(
    'observation',
    [...audited].filter((key) => keys.has(key)),
    'early-sight observations',
  );
  return page;
}

function observationJson(row: ObservationRow) {
  return { ...row, flags: decodeFlags(row.flags) };
}
