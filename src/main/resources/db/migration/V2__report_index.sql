-- Reports read a period of roster rows, often a million rows deep (DESIGN section 8). Version 1 found
-- them through an index on referral_date and then fetched each row from the table at random, which
-- cost 3-5 s per 100,000 rows. This index holds every column a report reads, so a report scans a
-- slice of it in order and never touches the table; the team is copied onto the row (a case never
-- changes team) so that a team's report needs no join either. Both H2 and PostgreSQL answer these
-- queries from the index alone.
ALTER TABLE case_child ADD COLUMN team_id BIGINT;
UPDATE case_child SET team_id = (SELECT c.team_id FROM mdt_case c WHERE c.id = case_child.case_id);
ALTER TABLE case_child ALTER COLUMN team_id SET NOT NULL;

DROP INDEX case_child_referral;
CREATE INDEX case_child_report ON case_child (referral_date, team_id, case_id, child_dob, child_gender,
    child_race, abuse_types, offender_relationship, offender_age, offender_gender, referral_source,
    forensic_interview_date, medical_exam_date, mental_health_referral_date, mental_health_services_date,
    victim_advocacy_date);

-- Each case's first referral in one ordered pass over a narrow index, without reading the table (the
-- monthly report's "cases received"). The case_id index stays: it belongs to the foreign key.
CREATE INDEX case_child_first_referral ON case_child (case_id, referral_date, team_id);

-- "Was this case reviewed at a recorded meeting?" from the index alone, once per reported child.
CREATE INDEX meeting_case_reviewed ON meeting_case (case_id, reviewed, meeting_id);
-- The cases reviewed at a span's meetings, from the index alone (VOCA counts reviews as a service).
CREATE INDEX meeting_case_meeting ON meeting_case (meeting_id, reviewed, case_id);
