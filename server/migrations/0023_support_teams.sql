-- The school's support team (ondersteuningsteam / zorg- en adviesteam, ZAT; issue 17): a standing
-- team per school with members in roles, and a rolling agenda of items — an anonymous consult
-- (0022) or a named pupil, to whose item the parents are invited.
-- See server/modules/support-teams/README.md. Distributed by region_id, co-located with young_people.

CREATE TABLE support_teams (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES organisations(id),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 120),
  next_meeting_on date,
  meeting_time text CHECK (meeting_time IS NULL OR meeting_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  version integer NOT NULL DEFAULT 1,
  created_by_user_id uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, school_id)
);

CREATE TABLE support_team_members (
  region_id uuid NOT NULL REFERENCES regions(id),
  team_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  team_role text NOT NULL CHECK (team_role IN ('intern_begeleider', 'youth_care_contact', 'jgz', 'leerplicht',
    'swv_consultant', 'school_social_work', 'other')),
  added_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  PRIMARY KEY (region_id, team_id, user_id)
);
CREATE INDEX support_team_members_user_idx ON support_team_members (region_id, user_id) WHERE ended_at IS NULL;

CREATE TABLE support_team_items (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('consult', 'pupil')),
  consult_id uuid,
  young_person_id uuid,
  topic text CHECK (topic IS NULL OR length(topic) <= 300),
  meeting_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  outcome text CHECK (outcome IS NULL OR length(outcome) <= 8000),
  parents_informed_at timestamptz,
  added_by_user_id uuid NOT NULL REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK ((kind = 'consult') = (consult_id IS NOT NULL)),
  CHECK ((kind = 'pupil') = (young_person_id IS NOT NULL)),
  -- A named pupil is discussed only once the school has told the parents (and invited them).
  CHECK (kind <> 'pupil' OR parents_informed_at IS NOT NULL)
);
CREATE INDEX support_team_items_team_idx ON support_team_items (region_id, team_id, meeting_on);
CREATE UNIQUE INDEX support_team_items_consult_idx ON support_team_items (region_id, consult_id) WHERE consult_id IS NOT NULL;

-- Who of the family is invited to a named item, and whether they come.
CREATE TABLE support_team_invitations (
  region_id uuid NOT NULL REFERENCES regions(id),
  item_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  relation text NOT NULL CHECK (relation IN ('parent', 'young_person')),
  response text CHECK (response IN ('coming', 'not_coming')),
  responded_at timestamptz,
  invited_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, item_id, user_id)
);
CREATE INDEX support_team_invitations_user_idx ON support_team_invitations (region_id, user_id);

-- rondom:place-tables
-- The foreign keys between these and the other distributed tables come after the tables are placed
-- (on a Citus database that is already distributed: server/core/migrate.ts).
ALTER TABLE support_team_members ADD CONSTRAINT support_team_members_team_id_fkey FOREIGN KEY (region_id, team_id) REFERENCES support_teams (region_id, id);
ALTER TABLE support_team_items ADD CONSTRAINT support_team_items_team_id_fkey FOREIGN KEY (region_id, team_id) REFERENCES support_teams (region_id, id);
ALTER TABLE support_team_items ADD CONSTRAINT support_team_items_consult_id_fkey FOREIGN KEY (region_id, consult_id) REFERENCES consults (region_id, id);
ALTER TABLE support_team_items ADD CONSTRAINT support_team_items_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE support_team_invitations ADD CONSTRAINT support_team_invitations_item_id_fkey FOREIGN KEY (region_id, item_id) REFERENCES support_team_items (region_id, id);
ALTER TABLE consults ADD CONSTRAINT consults_team_fkey FOREIGN KEY (region_id, team_id) REFERENCES support_teams (region_id, id);
