// Reminders over HTTP: the signed-in person's own, and marking one read.
import express from 'express';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { checkedQuery, z } from '../../platform/http/input-schema.ts';
import { listReminders, markRead, REMINDER_KIND } from './reminders.ts';

export function remindersApi(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/reminders', reads(REMINDER_KIND), async (req, res) => {
    checkedQuery(z.object({}), req.query);
    res.set('Cache-Control', 'private, no-store').json({ items: await listReminders(sql, accessOf(res)) });
  });

  router.post('/reminders/:id/read', changes(REMINDER_KIND), async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await markRead(sql, accessOf(res), req.params.id));
  });

  return router;
}
