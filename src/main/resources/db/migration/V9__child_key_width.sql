-- A child's key (docs/DESIGN.md section 3.6) folds its names to lower case, which can lengthen them: 'İ'
-- (U+0130) lowers to two characters, the only one that grows, so two names of 200 characters and a DOB make
-- a key of up to 812 characters. With 700 such a roster, within every column's length, stopped its import
-- with a database error.
ALTER TABLE case_child ALTER COLUMN match_key SET DATA TYPE VARCHAR(820);
