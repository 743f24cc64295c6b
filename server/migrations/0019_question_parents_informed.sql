-- The front door (issue 17): a professional who raises a concern says whether the parents know.
-- The sources ask to talk with the parents first; the lead needs to know when that has not
-- happened yet. NULL: not asked (a question from the family itself, or from before this column).
-- (Column and constraint apart: Citus adds no column with a constraint to a distributed table.)
ALTER TABLE questions ADD COLUMN parents_informed text;
ALTER TABLE questions ADD CONSTRAINT questions_parents_informed_check CHECK (parents_informed IN ('yes', 'not_yet'));
