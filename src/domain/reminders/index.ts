export { dueDay, overdueFrom, reminderSentence, REMINDER_KIND_LABELS, REMINDER_KINDS } from './reminder.ts';
export type { ReminderFacts, ReminderKind } from './reminder.ts';
