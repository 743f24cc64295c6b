-- Access that holds against insiders (issue 15). Nobody joins a network without being let in,
-- a consent recorded on someone's behalf waits for that person (or the lead), a legal basis opens
-- nothing before someone else reviewed it, and break-the-glass is limited, ended and blocked by
-- its review. The rules live in server/core/access.ts and the services; this holds the data.

-- The privacy officer (functionaris gegevensbescherming) of an organisation.
ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('teacher', 'intern_begeleider', 'zorgcoordinator',
  'youth_care_professional', 'jgz_professional', 'leerplicht_officer', 'swv_coordinator',
  'municipality_coordinator', 'policy_maker', 'org_admin', 'privacy_officer'));

-- Which roles of a region may break the glass (default: youth care and wijkteam, JGZ, leerplicht).
ALTER TABLE regions ADD COLUMN break_glass_roles text[] NOT NULL
  DEFAULT '{youth_care_professional,jgz_professional,leerplicht_officer}';

-- Who may register a "who else is involved" signal (the region designates the roles, as municipalities
-- designate the organisations that may report to the Verwijsindex), and whether siblings make family
-- matches (off unless the region turns it on: a family match names another child).
ALTER TABLE regions ADD COLUMN signal_roles text[] NOT NULL
  DEFAULT '{youth_care_professional,jgz_professional,leerplicht_officer}';
ALTER TABLE regions ADD COLUMN family_matches boolean NOT NULL DEFAULT false;

-- A professional outside a network asks to be let in: by registering a young person who is
-- already known, or by raising a question. The question waits here until the request is
-- accepted; nothing of the network is shown before.
CREATE TABLE join_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  requester_user_id uuid NOT NULL REFERENCES users(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  role text NOT NULL,
  via text NOT NULL CHECK (via IN ('registration', 'question')),
  question jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'refused', 'withdrawn')),
  decided_by uuid REFERENCES users(id),
  decided_as text CHECK (decided_as IN ('lead', 'family', 'coordinator')),
  decision_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
-- One open request per professional and child.
CREATE UNIQUE INDEX join_requests_one_pending_idx ON join_requests (young_person_id, requester_user_id) WHERE status = 'pending';
CREATE INDEX join_requests_requester_idx ON join_requests (requester_user_id, created_at DESC);
CREATE INDEX join_requests_pending_idx ON join_requests (region_id, created_at) WHERE status = 'pending';

-- Consent recorded by a professional on someone's behalf is pending until that person confirms it
-- in Rondom (they have an account) or the lead does (they have none). Earlier rows stand.
ALTER TABLE consents ADD COLUMN status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('pending', 'confirmed', 'declined'));
ALTER TABLE consents ADD COLUMN confirmed_by uuid REFERENCES users(id);
ALTER TABLE consents ADD COLUMN confirmed_at timestamptz;

-- A legal basis is reviewed by a privacy officer (by rule, not chosen by the recorder). Meldcode and
-- vital interest may be acted on before review, for a limited time (provisional_until).
ALTER TABLE legal_bases ALTER COLUMN reviewer_user_id DROP NOT NULL;
ALTER TABLE legal_bases ADD COLUMN provisional_until timestamptz;
ALTER TABLE legal_bases ADD COLUMN reviewed_by uuid REFERENCES users(id);

-- Break-the-glass: the kind of emergency; a grant judged unjustified ends at once (ended_at) and
-- blocks new grants by that person for that child until a privacy officer lifts the block.
ALTER TABLE break_glass_grants ADD COLUMN emergency text NOT NULL DEFAULT 'acute_safety'
  CHECK (emergency IN ('acute_safety', 'medical', 'missing_child', 'crisis_no_contact'));
ALTER TABLE break_glass_grants ADD COLUMN ended_at timestamptz;
-- Telling the family would endanger the child: the grant and the reads under it stay out of the family's view.
ALTER TABLE break_glass_grants ADD COLUMN family_endangered boolean NOT NULL DEFAULT false;
ALTER TABLE break_glass_grants ADD COLUMN review_note text;
ALTER TABLE break_glass_grants ADD COLUMN block_lifted_by uuid REFERENCES users(id);
ALTER TABLE break_glass_grants ADD COLUMN block_lifted_at timestamptz;
CREATE INDEX break_glass_region_idx ON break_glass_grants (region_id, started_at DESC);
