-- Each audit row carries the hash of the row before it and its own (DESIGN section 7), so that a deleted,
-- edited or reordered row breaks the chain that 'mdt audit verify' checks. V4 seals the rows written
-- before this version; from then on mdt writes both hashes with every row.
ALTER TABLE audit_log ADD COLUMN prev_hash CHAR(64);
ALTER TABLE audit_log ADD COLUMN row_hash CHAR(64);
