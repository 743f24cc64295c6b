-- Issue 21.6: the family evaluates too. The young person and each parent answer their own part of
-- the evaluation of the plan version in force — what went well, what should change, is the help in
-- ordinary life, how satisfied — before or after the evaluation meeting. An answer is its author's:
-- only they change it (one per person per plan version); professionals of the network read it,
-- and the monitor counts it. Distributed by region_id, co-located with young_people.

CREATE TABLE evaluation_family_answers (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  young_person_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  plan_version integer NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  relation text NOT NULL CHECK (relation IN ('parent', 'young_person')),
  went_well text NOT NULL CHECK (length(went_well) BETWEEN 1 AND 2000),
  must_change text NOT NULL CHECK (length(must_change) BETWEEN 1 AND 2000),
  ordinary_life text NOT NULL CHECK (ordinary_life IN ('yes', 'partly', 'no', 'unsure')),
  satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, young_person_id, plan_version, user_id)
);
-- rondom:place-tables
ALTER TABLE evaluation_family_answers ADD CONSTRAINT evaluation_family_answers_young_person_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE evaluation_family_answers ADD CONSTRAINT evaluation_family_answers_plan_fkey FOREIGN KEY (region_id, plan_id) REFERENCES plans (region_id, id);
