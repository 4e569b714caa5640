-- The outcome of importing the latest import's file again (issue 22; docs/DESIGN.md section 3.11):
-- that import's problems, compressed, and its counts as a second import of the same file would give
-- them. One row at most; it holds while the audit trail's head is still that import's own entry. A
-- cache, not data: backups leave it out, and a restored database reads the rows of its next import.
CREATE TABLE import_replay (
    import_id  BIGINT NOT NULL PRIMARY KEY REFERENCES roster_import (id),
    inputs     CHAR(64) NOT NULL,
    file_size  BIGINT NOT NULL,
    audit_id   BIGINT NOT NULL,
    audit_hash CHAR(64) NOT NULL,
    made_on    DATE NOT NULL,
    later_days BOOLEAN NOT NULL,
    outcome    BYTEA NOT NULL
);
