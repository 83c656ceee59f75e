-- A case's page reads its evidence and its next steps by case: an index on
-- each by case, as its meetings, notes, outcomes and events already have
-- (027 indexed evidence only by case and flag or item, and steps by due date
-- for reminders).
create index case_evidence_case on case_evidence (case_id);
create index case_next_step_case on case_next_step (case_id, due_on);
