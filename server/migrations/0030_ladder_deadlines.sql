-- Issue 21.4: the ladder's deadlines mean something.
-- A rung passed before its time to act has run out says why (early_reason); a binding
-- doorzettingsmacht decision is changed only by a new decision that names the one it replaces:
-- one first decision per case, and each decision replaced at most once (a line, never a fork).
-- (Columns and their constraints apart: Citus adds no column with a constraint to a distributed table.)
ALTER TABLE escalations ADD COLUMN early_reason text;
ALTER TABLE doorzetting_decisions ADD COLUMN replaces_decision_id uuid;
-- Cases that already have more than one decision: each later one replaces the one before it.
UPDATE doorzetting_decisions d SET replaces_decision_id = p.prev
  FROM (SELECT region_id, id, lag(id) OVER (PARTITION BY region_id, absence_id ORDER BY created_at, id) AS prev FROM doorzetting_decisions) p
 WHERE p.region_id = d.region_id AND p.id = d.id AND p.prev IS NOT NULL;
-- The update queued the leerplicht list-version trigger (deferred to commit, migration 0011): run it now,
-- so the indexes below can be built in this transaction.
SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE doorzetting_decisions ADD CONSTRAINT doorzetting_decisions_replaces_fkey FOREIGN KEY (region_id, replaces_decision_id) REFERENCES doorzetting_decisions (region_id, id);
CREATE UNIQUE INDEX doorzetting_decisions_first_idx ON doorzetting_decisions (region_id, absence_id) WHERE replaces_decision_id IS NULL;
CREATE UNIQUE INDEX doorzetting_decisions_replaced_once_idx ON doorzetting_decisions (region_id, replaces_decision_id);
