-- What was reviewed before mdt (issue 14, item 9; docs/DESIGN.md section 4.8): 'review baseline
-- --reviewed-before D' marks a case referred before D, and not reviewed at any meeting recorded in mdt, as
-- reviewed before mdt by D. Agendas treat D as the case's last review, so it is not "new"; the grant reports
-- never read this table, since a baseline is no meeting: they count only meeting_case rows. One row per case:
-- a case is marked once, and marking again leaves it as it is.
CREATE TABLE review_baseline (
    case_id         BIGINT PRIMARY KEY REFERENCES mdt_case (id),
    reviewed_before DATE NOT NULL,
    marked_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
