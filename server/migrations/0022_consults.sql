-- Asking without naming a child (anoniem consult, issue 17) and the school's fixed youth-care
-- contact (vaste contactpersoon jeugdhulp). See server/modules/consults/README.md.
-- Distributed by region_id, co-located with young_people (server/core/placement.ts), although no
-- row here names a young person: a consult is about a situation, never about an identity.

-- The fixed youth-care contact of a school or childcare organisation: one person (usually of the
-- wijkteam where the school stands) who takes this school's questions and joins its support team.
CREATE TABLE support_contacts (
  region_id uuid NOT NULL REFERENCES regions(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  contact_user_id uuid NOT NULL REFERENCES users(id),
  contact_organisation_id uuid NOT NULL REFERENCES organisations(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, organisation_id)
);
CREATE INDEX support_contacts_user_idx ON support_contacts (region_id, contact_user_id);

-- An anonymous consult: there is deliberately no young_person_id, no name, no birth date, no BSN.
-- The free text is checked for obvious identifiers before it is stored (consults.identifiers.ts).
-- It is addressed to the fixed contact (contact_user_id, fixed at asking time) or to the school's
-- support team (team_id; the foreign key is added with the team tables in 0023).
CREATE TABLE consults (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  asker_user_id uuid NOT NULL REFERENCES users(id),
  asker_organisation_id uuid NOT NULL REFERENCES organisations(id),
  addressed_to text NOT NULL CHECK (addressed_to IN ('contact', 'team')),
  contact_user_id uuid REFERENCES users(id),
  contact_organisation_id uuid REFERENCES organisations(id),
  team_id uuid,
  question text NOT NULL CHECK (length(question) BETWEEN 10 AND 4000),
  life_domains jsonb NOT NULL DEFAULT '[]'::jsonb,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
  answer text CHECK (answer IS NULL OR length(answer) <= 8000),
  answered_by_user_id uuid REFERENCES users(id),
  answered_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK ((addressed_to = 'contact') = (contact_user_id IS NOT NULL)),
  CHECK ((addressed_to = 'team') = (team_id IS NOT NULL)),
  CHECK ((status = 'answered') = (answer IS NOT NULL))
);
CREATE INDEX consults_asker_idx ON consults (region_id, asker_user_id, created_at DESC);
CREATE INDEX consults_contact_idx ON consults (region_id, contact_user_id, created_at DESC) WHERE contact_user_id IS NOT NULL;
CREATE INDEX consults_team_idx ON consults (region_id, team_id, created_at DESC) WHERE team_id IS NOT NULL;
