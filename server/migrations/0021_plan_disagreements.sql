-- Issue 17 (5): the family's disagreement has a way forward. A parent or the young person who
-- disagrees with the plan asks for a conversation; the lead resolves it with a note; open longer
-- than the region's period (regions.disagreement_days, default 14 calendar days), it is on the
-- municipality coordinator's list. "Overdue" is derived from requested_at when the list is read:
-- no job has to run for it to be right (server/modules/plans/README.md).

ALTER TABLE regions ADD COLUMN disagreement_days integer NOT NULL DEFAULT 14;
ALTER TABLE regions ADD CONSTRAINT regions_disagreement_days_check CHECK (disagreement_days BETWEEN 1 AND 90);

-- The foreign keys come after the place-tables line: on a Citus database that is already
-- distributed, the new table is placed there first (server/core/migrate.ts).
CREATE TABLE plan_disagreements (
  region_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  young_person_id uuid NOT NULL,
  plan_version integer NOT NULL,
  requested_by uuid NOT NULL,
  relation text NOT NULL CHECK (relation IN ('parent', 'young_person')),
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  requested_at timestamptz NOT NULL,
  resolved_by uuid,
  resolved_role text CHECK (resolved_role IN ('lead', 'coordinator')),
  resolved_at timestamptz,
  resolution_note text,
  PRIMARY KEY (region_id, id)
);
-- rondom:place-tables
ALTER TABLE plan_disagreements ADD CONSTRAINT plan_disagreements_region_id_fkey FOREIGN KEY (region_id) REFERENCES regions(id);
ALTER TABLE plan_disagreements ADD CONSTRAINT plan_disagreements_requested_by_fkey FOREIGN KEY (requested_by) REFERENCES users(id);
ALTER TABLE plan_disagreements ADD CONSTRAINT plan_disagreements_resolved_by_fkey FOREIGN KEY (resolved_by) REFERENCES users(id);
ALTER TABLE plan_disagreements ADD CONSTRAINT plan_disagreements_region_id_young_person_id_fkey
  FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
-- One open request per person per young person.
CREATE UNIQUE INDEX plan_disagreements_one_open ON plan_disagreements (region_id, young_person_id, requested_by) WHERE status = 'open';
CREATE INDEX plan_disagreements_child_idx ON plan_disagreements (region_id, young_person_id, requested_at DESC);
-- The coordinator's list: open requests, oldest first.
CREATE INDEX plan_disagreements_open_idx ON plan_disagreements (region_id, requested_at) WHERE status = 'open';
