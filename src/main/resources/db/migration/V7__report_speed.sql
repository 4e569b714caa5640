-- Reports over a million roster rows (issue 22; docs/DESIGN.md section 8). Follow-ups had no index but
-- their case's, so every report read the whole table for the follow-ups of a year or a month. These
-- hold every column the reports read, so each reads a slice of one index and never the table:
-- the accreditation report the follow-ups made in its year (by created_at), the monthly report those
-- open at some time in its 13 months (closed in or after them, or not closed: by closed_at, whose
-- NULLs both H2 and PostgreSQL find through the index). Follow-ups are written a few at a meeting,
-- so the two indexes cost no import anything.
CREATE INDEX followup_closed ON followup (closed_at, created_at, due_date, status, case_id);
CREATE INDEX followup_created ON followup (created_at, closed_at, due_date, status, case_id);
