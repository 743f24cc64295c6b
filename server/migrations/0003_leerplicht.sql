-- Leerplicht & thuiszitters: absence register, clock alerts, escalation ladder ending
-- at doorzettingsmacht, binding decisions, exemptions with four eyes, and the daily
-- job bookkeeping. Every table carries region_id.

-- Which samenwerkingsverband a school belongs to (for the Inspectie report per SWV).
ALTER TABLE organisations ADD COLUMN swv_id uuid REFERENCES organisations(id);

-- Per region: clock warnings and the escalation ladder. Missing row = the defaults
-- (warnings at 28 and 56 days, red at 3 months; lead professional → SWV case
-- consultant → doorzettingsmacht, 14 days per rung).
CREATE TABLE leerplicht_settings (
  region_id uuid PRIMARY KEY REFERENCES regions(id),
  warning_days integer[] NOT NULL DEFAULT '{28,56}',
  red_months integer NOT NULL DEFAULT 3,
  ladder jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE absences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  kind text NOT NULL CHECK (kind IN ('absolute', 'relative', 'long_term_relative')),
  started_on date NOT NULL,
  ended_on date,
  school_id uuid REFERENCES organisations(id),
  swv_id uuid REFERENCES organisations(id),
  gemeente_id uuid REFERENCES areas(id),
  reason_category text NOT NULL CHECK (reason_category IN ('illness', 'psychological', 'behaviour', 'no_suitable_place',
    'waiting_list', 'school_refusal', 'conflict_with_school', 'family_circumstances', 'other')),
  offer_type text NOT NULL DEFAULT 'none' CHECK (offer_type IN ('none', 'education', 'care', 'education_and_care')),
  offer_extent text NOT NULL DEFAULT 'none' CHECK (offer_extent IN ('none', 'partial', 'full')),
  offer_hours_per_week numeric(4,1),
  offer_started_on date,
  outcome text CHECK (outcome IN ('back_at_school', 'other_offer', 'exemption', 'moved', 'other')),
  registered_by uuid NOT NULL REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX absences_open_idx ON absences (region_id, gemeente_id) WHERE ended_on IS NULL;
CREATE INDEX absences_swv_idx ON absences (swv_id, started_on);
CREATE INDEX absences_yp_idx ON absences (young_person_id);

-- Clock alerts raised by the daily job: one per level per case, so re-running adds nothing.
CREATE TABLE absence_alerts (
  absence_id uuid NOT NULL REFERENCES absences(id),
  level text NOT NULL,
  region_id uuid NOT NULL REFERENCES regions(id),
  raised_on date NOT NULL,
  PRIMARY KEY (absence_id, level)
);

CREATE TABLE escalations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  absence_id uuid NOT NULL REFERENCES absences(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  rung integer NOT NULL,
  rung_key text NOT NULL,
  deadline date NOT NULL,
  started_by uuid REFERENCES users(id),
  automatic boolean NOT NULL DEFAULT false,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (absence_id, rung)
);
CREATE INDEX escalations_region_idx ON escalations (region_id, rung_key);

CREATE TABLE doorzetting_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  absence_id uuid NOT NULL REFERENCES absences(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  decided_by uuid NOT NULL REFERENCES users(id),
  place text NOT NULL,
  provider_organisation_id uuid NOT NULL REFERENCES organisations(id),
  payer_organisation_id uuid NOT NULL REFERENCES organisations(id),
  due_on date NOT NULL,
  reasoning text NOT NULL,
  plan_action_ids text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE exemptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  young_person_id uuid NOT NULL REFERENCES young_people(id),
  article text NOT NULL CHECK (article IN ('5a', '5b', '5c', '15')),
  school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
  valid_from date NOT NULL,
  valid_until date NOT NULL,
  statement_by text,
  statement_role text CHECK (statement_role IN ('doctor', 'psychologist', 'pedagogue')),
  statement_date date,
  statement_own_practitioner boolean NOT NULL DEFAULT false,
  never_able boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('pending_review', 'confirmed', 'rejected')),
  registered_by uuid NOT NULL REFERENCES users(id),
  reviewer_user_id uuid REFERENCES users(id),
  review_reason text,
  reviewed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exemptions_yp_idx ON exemptions (young_person_id, valid_until);

-- Daily jobs: one row per job per day, so a run is done once and a restart catches up.
CREATE TABLE job_runs (
  job text NOT NULL,
  day date NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  result jsonb,
  PRIMARY KEY (job, day)
);
