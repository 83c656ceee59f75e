export { dueDay, overdueFrom, reminderSentence, OVERDUE_KINDS, PEER_CHALLENGE_REMINDER_KINDS, REMINDER_KIND_LABELS, REMINDER_KINDS, REMINDER_MOMENTS } from './reminder.ts';
export type { OverdueKind, PeerChallengeReminderKind, ReminderFacts, ReminderKind, ReminderMoment } from './reminder.ts';
export { CATCH_UP_DAYS, DAYS_NOTICE, dueDatesRemindedOn, dueItemOf, PEER_CHALLENGE_REMINDER_KIND, reminderMomentOn } from './peer-challenge-reminder.ts';
