-- Kindkring: the young person's network, questions, consent and other bases,
-- one plan with versions, integrated meetings, evaluations, Verwijsindex-style
-- signals and matches, break-the-glass, the timeline and the in-app inbox.
-- Every table carries region_id and young_person_id where it is about a child.

ALTER TABLE young_people ADD COLUMN parents_access text NOT NULL DEFAULT 'full'
  CHECK (parents_access IN ('full', 'hidden'));

CREATE TABLE networks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  lead_user_id uuid REFERENCES users(id),
  lead_organisation_id uuid REFERENCES organisations(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz
);
-- One active network per young person.
CREATE UNIQUE INDEX networks_one_active_idx ON networks (young_person_id) WHERE status = 'active';
CREATE INDEX networks_lead_idx ON networks (lead_user_id) WHERE status = 'active';

CREATE TABLE questions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  network_id uuid NOT NULL REFERENCES networks(id),
  text text NOT NULL,
  own_words boolean NOT NULL DEFAULT false,
  life_domains text[] NOT NULL DEFAULT '{}',
  raised_by text NOT NULL CHECK (raised_by IN ('parent', 'young_person', 'professional')),
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX questions_yp_idx ON questions (young_person_id);

CREATE TABLE involvements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  network_id uuid NOT NULL REFERENCES networks(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  user_id uuid NOT NULL REFERENCES users(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  role text NOT NULL,
  starts_on date NOT NULL,
  ends_on date,
  invited_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX involvements_user_idx ON involvements (user_id, young_person_id);
CREATE INDEX involvements_network_idx ON involvements (network_id);

CREATE TABLE lead_handovers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  network_id uuid NOT NULL REFERENCES networks(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  from_user_id uuid REFERENCES users(id),
  to_user_id uuid NOT NULL REFERENCES users(id),
  reason text NOT NULL,
  by_user_id uuid NOT NULL REFERENCES users(id),
  at timestamptz NOT NULL DEFAULT now()
);

-- Consent: one row per person who consents, per purpose and recipient.
CREATE TABLE consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  purpose text NOT NULL CHECK (purpose IN ('share_in_network', 'integrated_meeting', 'exchange_with_school')),
  recipient_organisation_id uuid REFERENCES organisations(id),
  recipient_role text,
  -- NULL with relation young_person: the young person themselves, who has no account.
  consenter_user_id uuid REFERENCES users(id),
  consenter_relation text NOT NULL CHECK (consenter_relation IN ('parent', 'young_person')),
  method text NOT NULL CHECK (method IN ('in_app', 'verbal', 'written')),
  recorded_by uuid NOT NULL REFERENCES users(id),
  valid_from date NOT NULL,
  valid_until date,
  given_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  CHECK ((recipient_organisation_id IS NULL) <> (recipient_role IS NULL)),
  CHECK (consenter_relation = 'young_person' OR consenter_user_id IS NOT NULL)
);
CREATE INDEX consents_yp_idx ON consents (young_person_id) WHERE withdrawn_at IS NULL;

-- Other bases than consent: legal task, Meldcode/safety, vital interest.
CREATE TABLE legal_bases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  kind text NOT NULL CHECK (kind IN ('legal_task', 'meldcode', 'vital_interest')),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  justification text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  valid_until date,
  reviewer_user_id uuid NOT NULL REFERENCES users(id),
  review_outcome text CHECK (review_outcome IN ('confirmed', 'rejected')),
  review_note text,
  reviewed_at timestamptz,
  endangering boolean NOT NULL DEFAULT false,
  endangering_reason text,
  endangering_review_outcome text CHECK (endangering_review_outcome IN ('confirmed', 'rejected')),
  endangering_reviewed_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX legal_bases_yp_idx ON legal_bases (young_person_id);

CREATE TABLE break_glass_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  user_id uuid NOT NULL REFERENCES users(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  reason text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  review_outcome text CHECK (review_outcome IN ('justified', 'unjustified')),
  reviewed_by uuid REFERENCES users(id),
  reviewed_at timestamptz
);
CREATE INDEX break_glass_user_idx ON break_glass_grants (user_id, young_person_id, expires_at);

-- One plan per young person; every change is a new, complete version.
CREATE TABLE plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  young_person_id uuid NOT NULL UNIQUE REFERENCES young_people(id),
  current_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE plan_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  plan_id uuid NOT NULL REFERENCES plans(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  number integer NOT NULL,
  goals jsonb NOT NULL DEFAULT '[]'::jsonb,
  actions jsonb NOT NULL DEFAULT '[]'::jsonb,
  lead_user_id uuid REFERENCES users(id),
  next_evaluation_on date,
  change_summary text NOT NULL DEFAULT '',
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, number)
);

CREATE TABLE plan_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  plan_version_id uuid NOT NULL REFERENCES plan_versions(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  author_user_id uuid NOT NULL REFERENCES users(id),
  author_relation text NOT NULL CHECK (author_relation IN ('parent', 'young_person', 'professional')),
  text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_comments_version_idx ON plan_comments (plan_version_id);

CREATE TABLE plan_opinions (
  plan_version_id uuid NOT NULL REFERENCES plan_versions(id),
  user_id uuid NOT NULL REFERENCES users(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  relation text NOT NULL CHECK (relation IN ('parent', 'young_person')),
  opinion text NOT NULL CHECK (opinion IN ('agree', 'disagree')),
  comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_version_id, user_id)
);

CREATE TABLE meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  network_id uuid NOT NULL REFERENCES networks(id),
  scheduled_at timestamptz NOT NULL,
  chair_user_id uuid REFERENCES users(id),
  chair_name text NOT NULL,
  agenda jsonb NOT NULL DEFAULT '[]'::jsonb,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  held_on date,
  report text,
  report_shared_at timestamptz,
  created_by uuid NOT NULL REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meetings_yp_idx ON meetings (young_person_id, scheduled_at DESC);

CREATE TABLE meeting_participants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  kind text NOT NULL CHECK (kind IN ('professional', 'parent', 'young_person', 'child_voice')),
  user_id uuid REFERENCES users(id),
  name text NOT NULL,
  organisation_id uuid REFERENCES organisations(id),
  present boolean,
  has_mandate boolean NOT NULL DEFAULT false,
  child_voice text
);
CREATE INDEX meeting_participants_meeting_idx ON meeting_participants (meeting_id);

CREATE TABLE meeting_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  text text NOT NULL,
  plan_action_id text,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_decisions_meeting_idx ON meeting_decisions (meeting_id);

CREATE TABLE evaluations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  plan_id uuid NOT NULL REFERENCES plans(id),
  plan_version integer NOT NULL,
  held_on date NOT NULL,
  went_well text NOT NULL,
  must_change text NOT NULL,
  setting text NOT NULL CHECK (setting IN ('ordinary_life', 'partly', 'elsewhere')),
  satisfaction_young_person smallint CHECK (satisfaction_young_person BETWEEN 1 AND 5),
  satisfaction_parents smallint CHECK (satisfaction_parents BETWEEN 1 AND 5),
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evaluations_yp_idx ON evaluations (young_person_id, held_on DESC);
CREATE INDEX evaluations_region_idx ON evaluations (region_id, held_on);

-- Verwijsindex-style signals: identity and contact only, never content or reason.
CREATE TABLE signals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  user_id uuid NOT NULL REFERENCES users(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  contact_email text,
  contact_phone text,
  registered_at timestamptz NOT NULL DEFAULT now(),
  expires_on date NOT NULL,
  ended_at timestamptz
);
CREATE INDEX signals_yp_idx ON signals (young_person_id);
CREATE UNIQUE INDEX signals_one_per_org_idx ON signals (young_person_id, organisation_id) WHERE ended_at IS NULL;

CREATE TABLE matches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  kind text NOT NULL CHECK (kind IN ('person', 'family')),
  signal_a uuid NOT NULL REFERENCES signals(id),
  signal_b uuid NOT NULL REFERENCES signals(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (signal_a, signal_b)
);

-- One chronological view per network; written by the services with each change.
CREATE TABLE timeline_entries (
  id bigserial PRIMARY KEY,
  region_id uuid NOT NULL REFERENCES regions(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL,
  actor_user_id uuid REFERENCES users(id),
  subject_id text,
  summary jsonb NOT NULL DEFAULT '{}'::jsonb,
  family_visible boolean NOT NULL DEFAULT true
);
CREATE INDEX timeline_yp_idx ON timeline_entries (young_person_id, at DESC, id DESC);

-- In-app inbox. Delivery by e-mail or otherwise can be added by reading this table.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL,
  young_person_id uuid REFERENCES young_people(id),
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  dedupe_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE UNIQUE INDEX notifications_dedupe_idx ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;

-- The current version's actions, one row each, for task lists and worklists
-- (the versions keep the full history; this is rewritten with every new version).
CREATE TABLE plan_actions (
  plan_id uuid NOT NULL REFERENCES plans(id),
  action_id text NOT NULL,
  region_id uuid NOT NULL REFERENCES regions(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  owner_user_id uuid REFERENCES users(id),
  what text NOT NULL,
  due_on date,
  status text NOT NULL,
  PRIMARY KEY (plan_id, action_id)
);
CREATE INDEX plan_actions_owner_idx ON plan_actions (owner_user_id, status, due_on);
