// Reminders as a page: "Your reminders", what is overdue and since when, each
// linked to where it is, with a button to mark it read (no script needed).
import express from 'express';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { listReminders, markRead, REMINDER_KIND } from './reminders.ts';

export function remindersPages(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/reminders', reads(REMINDER_KIND), async (_req, res) => {
    const reminders = await listReminders(sql, accessOf(res));
    renderPage(res, 'reminders/list.njk', { unread: reminders.filter((r) => r.readAt === null), read: reminders.filter((r) => r.readAt !== null) });
  });

  router.post('/reminders/:id/read', changes(REMINDER_KIND), async (req, res) => {
    await markRead(sql, accessOf(res), req.params.id);
    res.redirect(303, '/reminders');
  });

  return router;
}
