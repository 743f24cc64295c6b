-- Issue 21: leerplicht as the law reads it.
-- 5 onder a: the statement's author is a person — name, profession, registration number and,
-- when they work in Rondom, their account — so Rondom can refuse an author who is or was in the
-- child's network (Leerplichtwet art. 5 onder a: "niet de behandelaar van de jongere").
-- An exemption belongs to the SWV of the child's school when it is registered: that SWV's people see
-- and review it (a VO coordinator does not review a primary-school pupil's exemption).
-- (Columns and their constraints apart: Citus adds no column with a constraint to a distributed table.)
ALTER TABLE exemptions ADD COLUMN statement_user_id uuid;
ALTER TABLE exemptions ADD CONSTRAINT exemptions_statement_user_fk FOREIGN KEY (statement_user_id) REFERENCES users(id);
ALTER TABLE exemptions ADD COLUMN statement_registration text;
ALTER TABLE exemptions ADD COLUMN swv_id uuid;
ALTER TABLE exemptions ADD CONSTRAINT exemptions_swv_fk FOREIGN KEY (swv_id) REFERENCES organisations(id);
CREATE INDEX exemptions_swv_idx ON exemptions (region_id, swv_id);
UPDATE exemptions x SET swv_id = o.swv_id
  FROM young_people y JOIN organisations o ON o.id = y.school_id
 WHERE y.region_id = x.region_id AND y.id = x.young_person_id AND o.swv_id IS NOT NULL;
-- The update queued the leerplicht list-version trigger (deferred to commit, migration 0011): run it now.
SET CONSTRAINTS ALL IMMEDIATE;
