-- Foundation: regions and their areas, organisations, users and memberships,
-- sessions, login throttling, young people and parental authority, and the
-- append-only, hash-chained audit log.
-- Every record about people carries region_id (see docs/ARCHITECTURE.md).

CREATE TABLE regions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,60}$'),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Areas inside a region: gemeenten, wijken (inside a gemeente) and SWV regions.
CREATE TABLE areas (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  kind text NOT NULL CHECK (kind IN ('gemeente', 'wijk', 'swv_region')),
  name text NOT NULL,
  code text,
  parent_id uuid REFERENCES areas(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, kind, name)
);
CREATE INDEX areas_region_idx ON areas (region_id);

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  area_id uuid REFERENCES areas(id),
  type text NOT NULL CHECK (type IN ('school', 'school_board', 'swv', 'childcare', 'wijkteam',
    'youth_care_provider', 'jgz', 'leerplicht', 'municipality')),
  name text NOT NULL,
  school_type text CHECK (school_type IN ('po', 'so', 'vo', 'vso', 'mbo')),
  contact_email text,
  contact_phone text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, name)
);
CREATE INDEX organisations_region_idx ON organisations (region_id, type);

-- Users: staff of organisations, parents and young people. Platform admins are staff
-- with a flag; they are not tied to one organisation.
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  kind text NOT NULL CHECK (kind IN ('staff', 'parent', 'young_person')),
  email text NOT NULL,
  display_name text NOT NULL,
  phone text,
  password_hash text NOT NULL,
  is_platform_admin boolean NOT NULL DEFAULT false,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  locale text NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_idx ON users (lower(email));
CREATE INDEX users_region_idx ON users (region_id, kind);

CREATE TABLE memberships (
  user_id uuid NOT NULL REFERENCES users(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  role text NOT NULL CHECK (role IN ('teacher', 'intern_begeleider', 'zorgcoordinator',
    'youth_care_professional', 'jgz_professional', 'leerplicht_officer', 'swv_coordinator',
    'municipality_coordinator', 'policy_maker', 'org_admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, organisation_id, role)
);
CREATE INDEX memberships_org_idx ON memberships (organisation_id);

-- Server-side sessions. Only a SHA-256 of the cookie token is stored.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed logins per e-mail address (hashed), whether or not an account exists,
-- so lockout says nothing about which addresses have accounts.
CREATE TABLE login_throttle (
  email_hash text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Young people (jeugdigen): from expected birth (-9 months) to 27 years.
CREATE TABLE young_people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  given_name text NOT NULL,
  family_name text NOT NULL,
  birth_date date NOT NULL,
  birth_expected boolean NOT NULL DEFAULT false,
  bsn text CHECK (bsn ~ '^[0-9]{9}$'),
  gemeente_id uuid REFERENCES areas(id),
  wijk_id uuid REFERENCES areas(id),
  school_id uuid REFERENCES organisations(id),
  user_id uuid UNIQUE REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX young_people_region_idx ON young_people (region_id);
CREATE INDEX young_people_name_idx ON young_people (region_id, lower(family_name), lower(given_name));
CREATE UNIQUE INDEX young_people_bsn_idx ON young_people (region_id, bsn) WHERE bsn IS NOT NULL;

-- Parental authority (gezag): which parent users hold it for which young person.
CREATE TABLE guardianships (
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  parent_user_id uuid NOT NULL REFERENCES users(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  has_authority boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (young_person_id, parent_user_id)
);
CREATE INDEX guardianships_parent_idx ON guardianships (parent_user_id);

-- Audit: one hash chain per subject (a young person, an account, the platform),
-- so writes about different children never wait for each other.
CREATE TABLE audit_chains (
  chain_key text PRIMARY KEY,
  last_seq bigint NOT NULL,
  last_hash text NOT NULL
);

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  chain_key text NOT NULL,
  seq bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  region_id uuid,
  actor_user_id uuid,
  actor_organisation_id uuid,
  kind text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied')),
  young_person_id uuid,
  subject_type text,
  subject_id text,
  basis text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (chain_key, seq)
);
CREATE INDEX audit_events_young_person_idx ON audit_events (young_person_id, occurred_at DESC) WHERE young_person_id IS NOT NULL;
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, occurred_at DESC);

-- Append-only, enforced by the database: no UPDATE, DELETE or TRUNCATE.
CREATE FUNCTION audit_events_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_forbid_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_forbid_change();
