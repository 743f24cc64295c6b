-- Issue 17 (4): meetings with a mandate. A decision that commits an organisation (it does or pays
-- a plan action) is binding only when a present participant of that organisation has a mandate;
-- otherwise it is a proposal that a member of that organisation with a deciding role confirms or
-- declines afterwards. Only a confirmed proposal becomes a plan action. The chair is a participant
-- marked as such (server/modules/meetings/README.md).

ALTER TABLE meeting_participants ADD COLUMN is_chair boolean NOT NULL DEFAULT false;

-- Earlier meetings: the chair was named on the meeting; mark their participant row.
UPDATE meeting_participants p SET is_chair = true
  FROM meetings m
 WHERE m.region_id = p.region_id AND m.id = p.meeting_id AND m.chair_user_id IS NOT NULL AND p.user_id = m.chair_user_id;

-- binding: decided at the table (with a mandate, or committing no organisation);
-- proposed: waits for the organisation; confirmed / declined: its answer.
-- (Columns and their constraints apart: Citus adds no column with a constraint to a distributed table.)
ALTER TABLE meeting_decisions ADD COLUMN status text NOT NULL DEFAULT 'binding';
ALTER TABLE meeting_decisions ADD CONSTRAINT meeting_decisions_status_check CHECK (status IN ('binding', 'proposed', 'confirmed', 'declined'));
ALTER TABLE meeting_decisions ADD COLUMN commits_organisation_id uuid;
ALTER TABLE meeting_decisions ADD CONSTRAINT meeting_decisions_commits_organisation_id_fkey FOREIGN KEY (commits_organisation_id) REFERENCES organisations(id);
ALTER TABLE meeting_decisions ADD COLUMN young_person_id uuid;
-- The plan action a proposal will add once confirmed (an ActionIn as JSON); NULL otherwise.
ALTER TABLE meeting_decisions ADD COLUMN proposed_action jsonb;
ALTER TABLE meeting_decisions ADD COLUMN answered_by uuid;
ALTER TABLE meeting_decisions ADD CONSTRAINT meeting_decisions_answered_by_fkey FOREIGN KEY (answered_by) REFERENCES users(id);
ALTER TABLE meeting_decisions ADD COLUMN answered_at timestamptz;
ALTER TABLE meeting_decisions ADD COLUMN answer_note text;

UPDATE meeting_decisions d SET young_person_id = m.young_person_id
  FROM meetings m WHERE m.region_id = d.region_id AND m.id = d.meeting_id;
ALTER TABLE meeting_decisions ALTER COLUMN young_person_id SET NOT NULL;
ALTER TABLE meeting_decisions ADD CONSTRAINT meeting_decisions_young_person_id_fkey
  FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);

-- An organisation's open proposals (its confirmers' worklist).
CREATE INDEX meeting_decisions_proposed_idx ON meeting_decisions (region_id, commits_organisation_id) WHERE status = 'proposed';
