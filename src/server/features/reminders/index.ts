// Reminders: what is overdue and owned by the signed-in person, told once by
// the daily job (src/jobs/reminders.ts), read here and marked read.
import type { Feature } from '../../platform/feature.ts';
import { remindersApi } from './reminders-api.ts';
import { remindersPages } from './reminders-pages.ts';

export const reminders: Feature = {
  api: ({ sql }) => remindersApi(sql),
  pages: ({ sql }) => remindersPages(sql),
};
