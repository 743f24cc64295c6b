-- Distribution keys: every table about a region's people carries region_id in its primary key,
-- its unique constraints and every foreign key between such tables, so the same schema runs on
-- one PostgreSQL (or PGlite) and, distributed by region_id, on a Citus cluster (docs/ARCHITECTURE.md,
-- "Where each table lives"; server/core/placement.ts is the list). On one server this changes
-- nothing a user sees; it also makes a reference from one region's record to another region's
-- record impossible in the database itself.
--
-- What stays global (reference tables on Citus): regions, areas, organisations, users,
-- memberships and the shipped frameworks. Their foreign keys are untouched.

-- 1. The audit log. A chain lives in one region's shard: a child's chain (yp:) and a partnership's
--    chain (partnership:) in that region; account chains (user:), the platform chain and the anchor
--    chain in the platform's pseudo-region (the nil uuid), because accounts are not a region's.
--    That is the new region_id. The region an event is about (hashed into the event since 0001)
--    keeps its value under the name about_region_id, so every existing hash still verifies.
ALTER TABLE audit_events RENAME COLUMN region_id TO about_region_id;
ALTER TABLE audit_events ADD COLUMN region_id uuid;
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;
UPDATE audit_events e SET region_id = CASE
    WHEN e.chain_key LIKE 'yp:%' THEN coalesce((SELECT y.region_id FROM young_people y WHERE y.id = e.young_person_id), e.about_region_id)
    WHEN e.chain_key LIKE 'partnership:%' THEN coalesce((SELECT p.region_id FROM partnerships p WHERE p.id::text = substr(e.chain_key, 13)), e.about_region_id)
  END;
UPDATE audit_events SET region_id = '00000000-0000-0000-0000-000000000000' WHERE region_id IS NULL;
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;
ALTER TABLE audit_events ALTER COLUMN region_id SET NOT NULL;

ALTER TABLE audit_chains ADD COLUMN region_id uuid;
UPDATE audit_chains c SET region_id = coalesce(
  (SELECT e.region_id FROM audit_events e WHERE e.chain_key = c.chain_key ORDER BY e.seq DESC LIMIT 1),
  '00000000-0000-0000-0000-000000000000');
ALTER TABLE audit_chains ALTER COLUMN region_id SET NOT NULL;

-- 2. network_summaries gets its region; the lead's name is read from users (a reference table on
--    Citus, so the join stays on the worker) instead of copied by a trigger on users, which would
--    have to write into every region where that person leads a network.
DROP TRIGGER users_summary ON users;
DROP FUNCTION network_summaries_on_user();
DROP FUNCTION rebuild_network_summaries();
DROP VIEW network_summary_source;
ALTER TABLE network_summaries DROP COLUMN lead_name;
ALTER TABLE network_summaries ADD COLUMN region_id uuid;
UPDATE network_summaries s SET region_id = n.region_id FROM networks n WHERE n.id = s.network_id;
ALTER TABLE network_summaries ALTER COLUMN region_id SET NOT NULL;

-- 3. Keys (written out from the catalog; one block per step so no key is missing in between).
ALTER TABLE absence_alerts DROP CONSTRAINT absence_alerts_absence_id_fkey;
ALTER TABLE absences DROP CONSTRAINT absences_young_person_id_fkey;
ALTER TABLE break_glass_grants DROP CONSTRAINT break_glass_grants_young_person_id_fkey;
ALTER TABLE consents DROP CONSTRAINT consents_young_person_id_fkey;
ALTER TABLE doorzetting_decisions DROP CONSTRAINT doorzetting_decisions_absence_id_fkey;
ALTER TABLE doorzetting_decisions DROP CONSTRAINT doorzetting_decisions_young_person_id_fkey;
ALTER TABLE escalations DROP CONSTRAINT escalations_absence_id_fkey;
ALTER TABLE escalations DROP CONSTRAINT escalations_young_person_id_fkey;
ALTER TABLE evaluations DROP CONSTRAINT evaluations_plan_id_fkey;
ALTER TABLE evaluations DROP CONSTRAINT evaluations_young_person_id_fkey;
ALTER TABLE exemptions DROP CONSTRAINT exemptions_young_person_id_fkey;
ALTER TABLE guardianships DROP CONSTRAINT guardianships_young_person_id_fkey;
ALTER TABLE involvements DROP CONSTRAINT involvements_network_id_fkey;
ALTER TABLE involvements DROP CONSTRAINT involvements_young_person_id_fkey;
ALTER TABLE join_requests DROP CONSTRAINT join_requests_young_person_id_fkey;
ALTER TABLE lead_handovers DROP CONSTRAINT lead_handovers_network_id_fkey;
ALTER TABLE lead_handovers DROP CONSTRAINT lead_handovers_young_person_id_fkey;
ALTER TABLE legal_bases DROP CONSTRAINT legal_bases_young_person_id_fkey;
ALTER TABLE matches DROP CONSTRAINT matches_signal_a_fkey;
ALTER TABLE matches DROP CONSTRAINT matches_signal_b_fkey;
ALTER TABLE meeting_decisions DROP CONSTRAINT meeting_decisions_meeting_id_fkey;
ALTER TABLE meeting_participants DROP CONSTRAINT meeting_participants_meeting_id_fkey;
ALTER TABLE meetings DROP CONSTRAINT meetings_network_id_fkey;
ALTER TABLE meetings DROP CONSTRAINT meetings_young_person_id_fkey;
ALTER TABLE network_summaries DROP CONSTRAINT network_summaries_network_id_fkey;
ALTER TABLE network_summaries DROP CONSTRAINT network_summaries_young_person_id_fkey;
ALTER TABLE networks DROP CONSTRAINT networks_young_person_id_fkey;
ALTER TABLE notifications DROP CONSTRAINT notifications_young_person_id_fkey;
ALTER TABLE partnership_actions DROP CONSTRAINT partnership_actions_meeting_id_fkey;
ALTER TABLE partnership_actions DROP CONSTRAINT partnership_actions_partnership_id_fkey;
ALTER TABLE partnership_activities DROP CONSTRAINT partnership_activities_lead_partner_id_fkey;
ALTER TABLE partnership_activities DROP CONSTRAINT partnership_activities_partnership_id_fkey;
ALTER TABLE partnership_activities DROP CONSTRAINT partnership_activities_programme_id_fkey;
ALTER TABLE partnership_agreement_parties DROP CONSTRAINT partnership_agreement_parties_agreement_id_fkey;
ALTER TABLE partnership_agreement_parties DROP CONSTRAINT partnership_agreement_parties_partner_id_fkey;
ALTER TABLE partnership_agreements DROP CONSTRAINT partnership_agreements_partnership_id_fkey;
ALTER TABLE partnership_answers DROP CONSTRAINT partnership_answers_response_id_fkey;
ALTER TABLE partnership_commitments DROP CONSTRAINT partnership_commitments_agreement_id_fkey;
ALTER TABLE partnership_commitments DROP CONSTRAINT partnership_commitments_partner_id_fkey;
ALTER TABLE partnership_commitments DROP CONSTRAINT partnership_commitments_partnership_id_fkey;
ALTER TABLE partnership_decisions DROP CONSTRAINT partnership_decisions_meeting_id_fkey;
ALTER TABLE partnership_decisions DROP CONSTRAINT partnership_decisions_partnership_id_fkey;
ALTER TABLE partnership_funding DROP CONSTRAINT partnership_funding_agreement_id_fkey;
ALTER TABLE partnership_funding DROP CONSTRAINT partnership_funding_partner_id_fkey;
ALTER TABLE partnership_funding DROP CONSTRAINT partnership_funding_partnership_id_fkey;
ALTER TABLE partnership_guide_checks DROP CONSTRAINT partnership_guide_checks_partnership_id_fkey;
ALTER TABLE partnership_invitations DROP CONSTRAINT partnership_invitations_partner_id_fkey;
ALTER TABLE partnership_invitations DROP CONSTRAINT partnership_invitations_round_id_fkey;
ALTER TABLE partnership_meetings DROP CONSTRAINT partnership_meetings_partnership_id_fkey;
ALTER TABLE partnership_meetings DROP CONSTRAINT partnership_meetings_table_id_fkey;
ALTER TABLE partnership_oogo_topics DROP CONSTRAINT partnership_oogo_topics_agreement_id_fkey;
ALTER TABLE partnership_partners DROP CONSTRAINT partnership_partners_partnership_id_fkey;
ALTER TABLE partnership_people DROP CONSTRAINT partnership_people_partner_id_fkey;
ALTER TABLE partnership_people DROP CONSTRAINT partnership_people_partnership_id_fkey;
ALTER TABLE partnership_portfolios DROP CONSTRAINT partnership_portfolios_deputy_person_id_fkey;
ALTER TABLE partnership_portfolios DROP CONSTRAINT partnership_portfolios_partnership_id_fkey;
ALTER TABLE partnership_portfolios DROP CONSTRAINT partnership_portfolios_person_id_fkey;
ALTER TABLE partnership_programme_partners DROP CONSTRAINT partnership_programme_partners_partner_id_fkey;
ALTER TABLE partnership_programme_partners DROP CONSTRAINT partnership_programme_partners_programme_id_fkey;
ALTER TABLE partnership_programmes DROP CONSTRAINT partnership_programmes_adopted_by_table_id_fkey;
ALTER TABLE partnership_programmes DROP CONSTRAINT partnership_programmes_lead_partner_id_fkey;
ALTER TABLE partnership_programmes DROP CONSTRAINT partnership_programmes_lead_person_id_fkey;
ALTER TABLE partnership_programmes DROP CONSTRAINT partnership_programmes_partnership_id_fkey;
ALTER TABLE partnership_readings DROP CONSTRAINT partnership_readings_round_id_fkey;
ALTER TABLE partnership_responses DROP CONSTRAINT partnership_responses_partner_id_fkey;
ALTER TABLE partnership_responses DROP CONSTRAINT partnership_responses_round_id_fkey;
ALTER TABLE partnership_rounds DROP CONSTRAINT partnership_rounds_partnership_id_fkey;
ALTER TABLE partnership_table_partners DROP CONSTRAINT partnership_table_partners_partner_id_fkey;
ALTER TABLE partnership_table_partners DROP CONSTRAINT partnership_table_partners_table_id_fkey;
ALTER TABLE partnership_tables DROP CONSTRAINT partnership_tables_partnership_id_fkey;
ALTER TABLE partnership_tables DROP CONSTRAINT partnership_tables_reports_to_table_id_fkey;
ALTER TABLE plan_actions DROP CONSTRAINT plan_actions_plan_id_fkey;
ALTER TABLE plan_actions DROP CONSTRAINT plan_actions_young_person_id_fkey;
ALTER TABLE plan_comments DROP CONSTRAINT plan_comments_plan_version_id_fkey;
ALTER TABLE plan_comments DROP CONSTRAINT plan_comments_young_person_id_fkey;
ALTER TABLE plan_opinions DROP CONSTRAINT plan_opinions_plan_version_id_fkey;
ALTER TABLE plan_opinions DROP CONSTRAINT plan_opinions_young_person_id_fkey;
ALTER TABLE plan_versions DROP CONSTRAINT plan_versions_plan_id_fkey;
ALTER TABLE plan_versions DROP CONSTRAINT plan_versions_young_person_id_fkey;
ALTER TABLE plans DROP CONSTRAINT plans_young_person_id_fkey;
ALTER TABLE questions DROP CONSTRAINT questions_network_id_fkey;
ALTER TABLE questions DROP CONSTRAINT questions_young_person_id_fkey;
ALTER TABLE signals DROP CONSTRAINT signals_young_person_id_fkey;
ALTER TABLE timeline_entries DROP CONSTRAINT timeline_entries_young_person_id_fkey;

ALTER TABLE absence_alerts DROP CONSTRAINT absence_alerts_pkey, ADD CONSTRAINT absence_alerts_pkey PRIMARY KEY (region_id, absence_id, level);
ALTER TABLE absences DROP CONSTRAINT absences_pkey, ADD CONSTRAINT absences_pkey PRIMARY KEY (region_id, id);
ALTER TABLE audit_chains DROP CONSTRAINT audit_chains_pkey, ADD CONSTRAINT audit_chains_pkey PRIMARY KEY (region_id, chain_key);
ALTER TABLE audit_events DROP CONSTRAINT audit_events_chain_key_seq_key, ADD CONSTRAINT audit_events_chain_key_seq_key UNIQUE (region_id, chain_key, seq);
ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey, ADD CONSTRAINT audit_events_pkey PRIMARY KEY (region_id, id);
ALTER TABLE break_glass_grants DROP CONSTRAINT break_glass_grants_pkey, ADD CONSTRAINT break_glass_grants_pkey PRIMARY KEY (region_id, id);
ALTER TABLE consents DROP CONSTRAINT consents_pkey, ADD CONSTRAINT consents_pkey PRIMARY KEY (region_id, id);
ALTER TABLE doorzetting_decisions DROP CONSTRAINT doorzetting_decisions_pkey, ADD CONSTRAINT doorzetting_decisions_pkey PRIMARY KEY (region_id, id);
ALTER TABLE escalations DROP CONSTRAINT escalations_absence_id_rung_key, ADD CONSTRAINT escalations_absence_id_rung_key UNIQUE (region_id, absence_id, rung);
ALTER TABLE escalations DROP CONSTRAINT escalations_pkey, ADD CONSTRAINT escalations_pkey PRIMARY KEY (region_id, id);
ALTER TABLE evaluations DROP CONSTRAINT evaluations_pkey, ADD CONSTRAINT evaluations_pkey PRIMARY KEY (region_id, id);
ALTER TABLE exemptions DROP CONSTRAINT exemptions_pkey, ADD CONSTRAINT exemptions_pkey PRIMARY KEY (region_id, id);
ALTER TABLE guardianships DROP CONSTRAINT guardianships_pkey, ADD CONSTRAINT guardianships_pkey PRIMARY KEY (region_id, young_person_id, parent_user_id);
ALTER TABLE involvements DROP CONSTRAINT involvements_pkey, ADD CONSTRAINT involvements_pkey PRIMARY KEY (region_id, id);
ALTER TABLE join_requests DROP CONSTRAINT join_requests_pkey, ADD CONSTRAINT join_requests_pkey PRIMARY KEY (region_id, id);
DROP INDEX join_requests_one_pending_idx;
CREATE UNIQUE INDEX join_requests_one_pending_idx ON join_requests USING btree (region_id, young_person_id, requester_user_id) WHERE (status = 'pending'::text);
ALTER TABLE lead_handovers DROP CONSTRAINT lead_handovers_pkey, ADD CONSTRAINT lead_handovers_pkey PRIMARY KEY (region_id, id);
ALTER TABLE legal_bases DROP CONSTRAINT legal_bases_pkey, ADD CONSTRAINT legal_bases_pkey PRIMARY KEY (region_id, id);
ALTER TABLE matches DROP CONSTRAINT matches_pkey, ADD CONSTRAINT matches_pkey PRIMARY KEY (region_id, id);
ALTER TABLE matches DROP CONSTRAINT matches_signal_a_signal_b_key, ADD CONSTRAINT matches_signal_a_signal_b_key UNIQUE (region_id, signal_a, signal_b);
ALTER TABLE meeting_decisions DROP CONSTRAINT meeting_decisions_pkey, ADD CONSTRAINT meeting_decisions_pkey PRIMARY KEY (region_id, id);
ALTER TABLE meeting_participants DROP CONSTRAINT meeting_participants_pkey, ADD CONSTRAINT meeting_participants_pkey PRIMARY KEY (region_id, id);
ALTER TABLE meetings DROP CONSTRAINT meetings_pkey, ADD CONSTRAINT meetings_pkey PRIMARY KEY (region_id, id);
ALTER TABLE network_summaries DROP CONSTRAINT network_summaries_pkey, ADD CONSTRAINT network_summaries_pkey PRIMARY KEY (region_id, network_id);
ALTER TABLE networks DROP CONSTRAINT networks_pkey, ADD CONSTRAINT networks_pkey PRIMARY KEY (region_id, id);
DROP INDEX networks_one_active_idx;
CREATE UNIQUE INDEX networks_one_active_idx ON networks USING btree (region_id, young_person_id) WHERE (status = 'active'::text);
ALTER TABLE notifications DROP CONSTRAINT notifications_pkey, ADD CONSTRAINT notifications_pkey PRIMARY KEY (region_id, id);
DROP INDEX notifications_dedupe_idx;
CREATE UNIQUE INDEX notifications_dedupe_idx ON notifications USING btree (region_id, user_id, dedupe_key) WHERE (dedupe_key IS NOT NULL);
ALTER TABLE partnership_actions DROP CONSTRAINT partnership_actions_pkey, ADD CONSTRAINT partnership_actions_pkey PRIMARY KEY (region_id, id);
ALTER TABLE partnership_activities DROP CONSTRAINT partnership_activities_pkey, ADD CONSTRAINT partnership_activities_pkey PRIMARY KEY (region_id, id);
ALTER TABLE partnership_agreement_parties DROP CONSTRAINT partnership_agreement_parties_pkey, ADD CONSTRAINT partnership_agreement_parties_pkey PRIMARY KEY (region_id, agreement_id, partner_id);
ALTER TABLE partnership_agreements DROP CONSTRAINT partnership_agreements_pkey, ADD CONSTRAINT partnership_agreements_pkey PRIMARY KEY (region_id, id);
ALTER TABLE partnership_answers DROP CONSTRAINT partnership_answers_pkey, ADD CONSTRAINT partnership_answers_pkey PRIMARY KEY (region_id, response_id, item_id);
ALTER TABLE partnership_commitments DROP CONSTRAINT partnership_commitments_pkey, ADD CONSTRAINT partnership_commitments_pkey PRIMARY KEY (region_id, id);
ALTER TABLE partnership_decisions DROP CONSTRAINT partnership_decisions_pkey, ADD CONSTRAINT partnership_decisions_pkey PRIMARY KEY (region_id, id);
ALTER TABLE partnership_funding DROP CONSTRAINT partnership_funding_pkey, ADD CONSTRAINT partnership_funding_pkey PRIMARY KEY (region_id, id);
ALTER TABLE partnership_guide_checks DROP CONSTRAINT partnership_guide_checks_pkey, ADD CONSTRAINT partnership_guide_checks_pkey PRIMARY KEY (region_id, partnership_id, item_id);
ALTER TABLE partnership_invitations DROP CONSTRAINT partnership_invitations_pkey, ADD CONSTRAINT partnership_invitations_pkey PRIMARY KEY (region_id, round_id, user_id);
ALTER TABLE partnership_meetings DROP CONSTRAINT partnership_meetings_pkey, ADD CONSTRAINT partnership_meetings_pkey PRIMARY KEY (region_id, id);
ALTER TABLE partnership_oogo_topics DROP CONSTRAINT partnership_oogo_topics_pkey, ADD CONSTRAINT partnership_oogo_topics_pkey PRIMARY KEY (region_id, agreement_id, item_id);
ALTER TABLE partnership_partners DROP CONSTRAINT partnership_partners_partnership_id_organisation_id_key, ADD CONSTRAINT partnership_partners_partnership_id_organisation_id_key UNIQUE (region_id, partnership_id, organisation_id);
ALTER TABLE partnership_partners DROP CONSTRAINT partnership_partners_pkey, ADD CONSTRAINT partnership_partners_pkey PRIMARY KEY (region_id, id);
ALTER TABLE partnership_people DROP CONSTRAINT partnership_people_pkey, ADD CONSTRAINT partnership_people_pkey PRIMARY KEY (region_id, id);
ALTER TABLE partnership_portfolios DROP CONSTRAINT partnership_portfolios_pkey, ADD CONSTRAINT partnership_portfolios_pkey PRIMARY KEY (region_id, id);
ALTER TABLE partnership_programme_partners DROP CONSTRAINT partnership_programme_partners_pkey, ADD CONSTRAINT partnership_programme_partners_pkey PRIMARY KEY (region_id, programme_id, partner_id);
ALTER TABLE partnership_programmes DROP CONSTRAINT partnership_programmes_pkey, ADD CONSTRAINT partnership_programmes_pkey PRIMARY KEY (region_id, id);
ALTER TABLE partnership_readings DROP CONSTRAINT partnership_readings_pkey, ADD CONSTRAINT partnership_readings_pkey PRIMARY KEY (region_id, round_id);
ALTER TABLE partnership_responses DROP CONSTRAINT partnership_responses_pkey, ADD CONSTRAINT partnership_responses_pkey PRIMARY KEY (region_id, id);
ALTER TABLE partnership_rounds DROP CONSTRAINT partnership_rounds_pkey, ADD CONSTRAINT partnership_rounds_pkey PRIMARY KEY (region_id, id);
ALTER TABLE partnership_table_partners DROP CONSTRAINT partnership_table_partners_pkey, ADD CONSTRAINT partnership_table_partners_pkey PRIMARY KEY (region_id, table_id, partner_id);
ALTER TABLE partnership_tables DROP CONSTRAINT partnership_tables_pkey, ADD CONSTRAINT partnership_tables_pkey PRIMARY KEY (region_id, id);
ALTER TABLE partnerships DROP CONSTRAINT partnerships_pkey, ADD CONSTRAINT partnerships_pkey PRIMARY KEY (region_id, id);
ALTER TABLE plan_actions DROP CONSTRAINT plan_actions_pkey, ADD CONSTRAINT plan_actions_pkey PRIMARY KEY (region_id, plan_id, action_id);
ALTER TABLE plan_comments DROP CONSTRAINT plan_comments_pkey, ADD CONSTRAINT plan_comments_pkey PRIMARY KEY (region_id, id);
ALTER TABLE plan_opinions DROP CONSTRAINT plan_opinions_pkey, ADD CONSTRAINT plan_opinions_pkey PRIMARY KEY (region_id, plan_version_id, user_id);
ALTER TABLE plan_versions DROP CONSTRAINT plan_versions_pkey, ADD CONSTRAINT plan_versions_pkey PRIMARY KEY (region_id, id);
ALTER TABLE plan_versions DROP CONSTRAINT plan_versions_plan_id_number_key, ADD CONSTRAINT plan_versions_plan_id_number_key UNIQUE (region_id, plan_id, number);
ALTER TABLE plans DROP CONSTRAINT plans_pkey, ADD CONSTRAINT plans_pkey PRIMARY KEY (region_id, id);
ALTER TABLE plans DROP CONSTRAINT plans_young_person_id_key, ADD CONSTRAINT plans_young_person_id_key UNIQUE (region_id, young_person_id);
ALTER TABLE questions DROP CONSTRAINT questions_pkey, ADD CONSTRAINT questions_pkey PRIMARY KEY (region_id, id);
ALTER TABLE signals DROP CONSTRAINT signals_pkey, ADD CONSTRAINT signals_pkey PRIMARY KEY (region_id, id);
DROP INDEX signals_one_per_org_idx;
CREATE UNIQUE INDEX signals_one_per_org_idx ON signals USING btree (region_id, young_person_id, organisation_id) WHERE (ended_at IS NULL);
ALTER TABLE timeline_entries DROP CONSTRAINT timeline_entries_pkey, ADD CONSTRAINT timeline_entries_pkey PRIMARY KEY (region_id, id);
ALTER TABLE young_people DROP CONSTRAINT young_people_pkey, ADD CONSTRAINT young_people_pkey PRIMARY KEY (region_id, id);
ALTER TABLE young_people DROP CONSTRAINT young_people_user_id_key, ADD CONSTRAINT young_people_user_id_key UNIQUE (region_id, user_id);

ALTER TABLE absence_alerts ADD CONSTRAINT absence_alerts_absence_id_fkey FOREIGN KEY (region_id, absence_id) REFERENCES absences (region_id, id);
ALTER TABLE absences ADD CONSTRAINT absences_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE break_glass_grants ADD CONSTRAINT break_glass_grants_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE consents ADD CONSTRAINT consents_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE doorzetting_decisions ADD CONSTRAINT doorzetting_decisions_absence_id_fkey FOREIGN KEY (region_id, absence_id) REFERENCES absences (region_id, id);
ALTER TABLE doorzetting_decisions ADD CONSTRAINT doorzetting_decisions_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE escalations ADD CONSTRAINT escalations_absence_id_fkey FOREIGN KEY (region_id, absence_id) REFERENCES absences (region_id, id);
ALTER TABLE escalations ADD CONSTRAINT escalations_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE evaluations ADD CONSTRAINT evaluations_plan_id_fkey FOREIGN KEY (region_id, plan_id) REFERENCES plans (region_id, id);
ALTER TABLE evaluations ADD CONSTRAINT evaluations_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE exemptions ADD CONSTRAINT exemptions_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE guardianships ADD CONSTRAINT guardianships_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE involvements ADD CONSTRAINT involvements_network_id_fkey FOREIGN KEY (region_id, network_id) REFERENCES networks (region_id, id);
ALTER TABLE involvements ADD CONSTRAINT involvements_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE join_requests ADD CONSTRAINT join_requests_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE lead_handovers ADD CONSTRAINT lead_handovers_network_id_fkey FOREIGN KEY (region_id, network_id) REFERENCES networks (region_id, id);
ALTER TABLE lead_handovers ADD CONSTRAINT lead_handovers_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE legal_bases ADD CONSTRAINT legal_bases_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE matches ADD CONSTRAINT matches_signal_a_fkey FOREIGN KEY (region_id, signal_a) REFERENCES signals (region_id, id);
ALTER TABLE matches ADD CONSTRAINT matches_signal_b_fkey FOREIGN KEY (region_id, signal_b) REFERENCES signals (region_id, id);
ALTER TABLE meeting_decisions ADD CONSTRAINT meeting_decisions_meeting_id_fkey FOREIGN KEY (region_id, meeting_id) REFERENCES meetings (region_id, id);
ALTER TABLE meeting_participants ADD CONSTRAINT meeting_participants_meeting_id_fkey FOREIGN KEY (region_id, meeting_id) REFERENCES meetings (region_id, id);
ALTER TABLE meetings ADD CONSTRAINT meetings_network_id_fkey FOREIGN KEY (region_id, network_id) REFERENCES networks (region_id, id);
ALTER TABLE meetings ADD CONSTRAINT meetings_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE network_summaries ADD CONSTRAINT network_summaries_network_id_fkey FOREIGN KEY (region_id, network_id) REFERENCES networks (region_id, id) ON DELETE CASCADE;
ALTER TABLE network_summaries ADD CONSTRAINT network_summaries_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id) ON DELETE CASCADE;
ALTER TABLE networks ADD CONSTRAINT networks_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE notifications ADD CONSTRAINT notifications_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE partnership_actions ADD CONSTRAINT partnership_actions_meeting_id_fkey FOREIGN KEY (region_id, meeting_id) REFERENCES partnership_meetings (region_id, id);
ALTER TABLE partnership_actions ADD CONSTRAINT partnership_actions_partnership_id_fkey FOREIGN KEY (region_id, partnership_id) REFERENCES partnerships (region_id, id);
ALTER TABLE partnership_activities ADD CONSTRAINT partnership_activities_lead_partner_id_fkey FOREIGN KEY (region_id, lead_partner_id) REFERENCES partnership_partners (region_id, id);
ALTER TABLE partnership_activities ADD CONSTRAINT partnership_activities_partnership_id_fkey FOREIGN KEY (region_id, partnership_id) REFERENCES partnerships (region_id, id);
ALTER TABLE partnership_activities ADD CONSTRAINT partnership_activities_programme_id_fkey FOREIGN KEY (region_id, programme_id) REFERENCES partnership_programmes (region_id, id);
ALTER TABLE partnership_agreement_parties ADD CONSTRAINT partnership_agreement_parties_agreement_id_fkey FOREIGN KEY (region_id, agreement_id) REFERENCES partnership_agreements (region_id, id);
ALTER TABLE partnership_agreement_parties ADD CONSTRAINT partnership_agreement_parties_partner_id_fkey FOREIGN KEY (region_id, partner_id) REFERENCES partnership_partners (region_id, id);
ALTER TABLE partnership_agreements ADD CONSTRAINT partnership_agreements_partnership_id_fkey FOREIGN KEY (region_id, partnership_id) REFERENCES partnerships (region_id, id);
ALTER TABLE partnership_answers ADD CONSTRAINT partnership_answers_response_id_fkey FOREIGN KEY (region_id, response_id) REFERENCES partnership_responses (region_id, id);
ALTER TABLE partnership_commitments ADD CONSTRAINT partnership_commitments_agreement_id_fkey FOREIGN KEY (region_id, agreement_id) REFERENCES partnership_agreements (region_id, id);
ALTER TABLE partnership_commitments ADD CONSTRAINT partnership_commitments_partner_id_fkey FOREIGN KEY (region_id, partner_id) REFERENCES partnership_partners (region_id, id);
ALTER TABLE partnership_commitments ADD CONSTRAINT partnership_commitments_partnership_id_fkey FOREIGN KEY (region_id, partnership_id) REFERENCES partnerships (region_id, id);
ALTER TABLE partnership_decisions ADD CONSTRAINT partnership_decisions_meeting_id_fkey FOREIGN KEY (region_id, meeting_id) REFERENCES partnership_meetings (region_id, id);
ALTER TABLE partnership_decisions ADD CONSTRAINT partnership_decisions_partnership_id_fkey FOREIGN KEY (region_id, partnership_id) REFERENCES partnerships (region_id, id);
ALTER TABLE partnership_funding ADD CONSTRAINT partnership_funding_agreement_id_fkey FOREIGN KEY (region_id, agreement_id) REFERENCES partnership_agreements (region_id, id);
ALTER TABLE partnership_funding ADD CONSTRAINT partnership_funding_partner_id_fkey FOREIGN KEY (region_id, partner_id) REFERENCES partnership_partners (region_id, id);
ALTER TABLE partnership_funding ADD CONSTRAINT partnership_funding_partnership_id_fkey FOREIGN KEY (region_id, partnership_id) REFERENCES partnerships (region_id, id);
ALTER TABLE partnership_guide_checks ADD CONSTRAINT partnership_guide_checks_partnership_id_fkey FOREIGN KEY (region_id, partnership_id) REFERENCES partnerships (region_id, id);
ALTER TABLE partnership_invitations ADD CONSTRAINT partnership_invitations_partner_id_fkey FOREIGN KEY (region_id, partner_id) REFERENCES partnership_partners (region_id, id);
ALTER TABLE partnership_invitations ADD CONSTRAINT partnership_invitations_round_id_fkey FOREIGN KEY (region_id, round_id) REFERENCES partnership_rounds (region_id, id);
ALTER TABLE partnership_meetings ADD CONSTRAINT partnership_meetings_partnership_id_fkey FOREIGN KEY (region_id, partnership_id) REFERENCES partnerships (region_id, id);
ALTER TABLE partnership_meetings ADD CONSTRAINT partnership_meetings_table_id_fkey FOREIGN KEY (region_id, table_id) REFERENCES partnership_tables (region_id, id);
ALTER TABLE partnership_oogo_topics ADD CONSTRAINT partnership_oogo_topics_agreement_id_fkey FOREIGN KEY (region_id, agreement_id) REFERENCES partnership_agreements (region_id, id);
ALTER TABLE partnership_partners ADD CONSTRAINT partnership_partners_partnership_id_fkey FOREIGN KEY (region_id, partnership_id) REFERENCES partnerships (region_id, id);
ALTER TABLE partnership_people ADD CONSTRAINT partnership_people_partner_id_fkey FOREIGN KEY (region_id, partner_id) REFERENCES partnership_partners (region_id, id);
ALTER TABLE partnership_people ADD CONSTRAINT partnership_people_partnership_id_fkey FOREIGN KEY (region_id, partnership_id) REFERENCES partnerships (region_id, id);
ALTER TABLE partnership_portfolios ADD CONSTRAINT partnership_portfolios_deputy_person_id_fkey FOREIGN KEY (region_id, deputy_person_id) REFERENCES partnership_people (region_id, id);
ALTER TABLE partnership_portfolios ADD CONSTRAINT partnership_portfolios_partnership_id_fkey FOREIGN KEY (region_id, partnership_id) REFERENCES partnerships (region_id, id);
ALTER TABLE partnership_portfolios ADD CONSTRAINT partnership_portfolios_person_id_fkey FOREIGN KEY (region_id, person_id) REFERENCES partnership_people (region_id, id);
ALTER TABLE partnership_programme_partners ADD CONSTRAINT partnership_programme_partners_partner_id_fkey FOREIGN KEY (region_id, partner_id) REFERENCES partnership_partners (region_id, id);
ALTER TABLE partnership_programme_partners ADD CONSTRAINT partnership_programme_partners_programme_id_fkey FOREIGN KEY (region_id, programme_id) REFERENCES partnership_programmes (region_id, id);
ALTER TABLE partnership_programmes ADD CONSTRAINT partnership_programmes_adopted_by_table_id_fkey FOREIGN KEY (region_id, adopted_by_table_id) REFERENCES partnership_tables (region_id, id);
ALTER TABLE partnership_programmes ADD CONSTRAINT partnership_programmes_lead_partner_id_fkey FOREIGN KEY (region_id, lead_partner_id) REFERENCES partnership_partners (region_id, id);
ALTER TABLE partnership_programmes ADD CONSTRAINT partnership_programmes_lead_person_id_fkey FOREIGN KEY (region_id, lead_person_id) REFERENCES partnership_people (region_id, id);
ALTER TABLE partnership_programmes ADD CONSTRAINT partnership_programmes_partnership_id_fkey FOREIGN KEY (region_id, partnership_id) REFERENCES partnerships (region_id, id);
ALTER TABLE partnership_readings ADD CONSTRAINT partnership_readings_round_id_fkey FOREIGN KEY (region_id, round_id) REFERENCES partnership_rounds (region_id, id);
ALTER TABLE partnership_responses ADD CONSTRAINT partnership_responses_partner_id_fkey FOREIGN KEY (region_id, partner_id) REFERENCES partnership_partners (region_id, id);
ALTER TABLE partnership_responses ADD CONSTRAINT partnership_responses_round_id_fkey FOREIGN KEY (region_id, round_id) REFERENCES partnership_rounds (region_id, id);
ALTER TABLE partnership_rounds ADD CONSTRAINT partnership_rounds_partnership_id_fkey FOREIGN KEY (region_id, partnership_id) REFERENCES partnerships (region_id, id);
ALTER TABLE partnership_table_partners ADD CONSTRAINT partnership_table_partners_partner_id_fkey FOREIGN KEY (region_id, partner_id) REFERENCES partnership_partners (region_id, id);
ALTER TABLE partnership_table_partners ADD CONSTRAINT partnership_table_partners_table_id_fkey FOREIGN KEY (region_id, table_id) REFERENCES partnership_tables (region_id, id);
ALTER TABLE partnership_tables ADD CONSTRAINT partnership_tables_partnership_id_fkey FOREIGN KEY (region_id, partnership_id) REFERENCES partnerships (region_id, id);
ALTER TABLE partnership_tables ADD CONSTRAINT partnership_tables_reports_to_table_id_fkey FOREIGN KEY (region_id, reports_to_table_id) REFERENCES partnership_tables (region_id, id);
ALTER TABLE plan_actions ADD CONSTRAINT plan_actions_plan_id_fkey FOREIGN KEY (region_id, plan_id) REFERENCES plans (region_id, id);
ALTER TABLE plan_actions ADD CONSTRAINT plan_actions_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE plan_comments ADD CONSTRAINT plan_comments_plan_version_id_fkey FOREIGN KEY (region_id, plan_version_id) REFERENCES plan_versions (region_id, id);
ALTER TABLE plan_comments ADD CONSTRAINT plan_comments_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE plan_opinions ADD CONSTRAINT plan_opinions_plan_version_id_fkey FOREIGN KEY (region_id, plan_version_id) REFERENCES plan_versions (region_id, id);
ALTER TABLE plan_opinions ADD CONSTRAINT plan_opinions_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE plan_versions ADD CONSTRAINT plan_versions_plan_id_fkey FOREIGN KEY (region_id, plan_id) REFERENCES plans (region_id, id);
ALTER TABLE plan_versions ADD CONSTRAINT plan_versions_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE plans ADD CONSTRAINT plans_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE questions ADD CONSTRAINT questions_network_id_fkey FOREIGN KEY (region_id, network_id) REFERENCES networks (region_id, id);
ALTER TABLE questions ADD CONSTRAINT questions_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE signals ADD CONSTRAINT signals_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);
ALTER TABLE timeline_entries ADD CONSTRAINT timeline_entries_young_person_id_fkey FOREIGN KEY (region_id, young_person_id) REFERENCES young_people (region_id, id);

-- 4. Triggers that stay, each writing only rows of its own row's region (so on Citus the write is
--    in the co-located shard on the same worker, in the same transaction: "co-located triggers",
--    allowed with citus.enable_unsafe_triggers; server/core/distribute.ts). Every statement in
--    them names region_id, so it is routed to that one shard. On a worker such a statement is a
--    distributed query started from a query on a shard, which Citus refuses unless
--    citus.allow_nested_distributed_execution is on, because a nested query that went to another
--    node would run outside the transaction. Ours never does: the co-located shard is on the same
--    node and Citus runs it there, in the same transaction (local execution). Each function turns
--    the setting on for its own transaction only (on PostgreSQL and PGlite it is an inert name).
CREATE VIEW network_summary_source AS
SELECT n.id AS network_id, n.young_person_id, n.status = 'active' AS active, y.given_name, y.family_name, y.birth_date,
       n.lead_user_id, pv.next_evaluation_on,
       COALESCE((SELECT array_agg(pa.due_on ORDER BY pa.due_on) FROM plan_actions pa
                  WHERE pa.region_id = p.region_id AND pa.plan_id = p.id AND pa.status IN ('open', 'in_progress')), '{}') AS open_due,
       (SELECT max(t.at) FROM timeline_entries t WHERE t.region_id = n.region_id AND t.young_person_id = n.young_person_id) AS last_activity_at,
       n.region_id
  FROM networks n
  JOIN young_people y ON y.region_id = n.region_id AND y.id = n.young_person_id
  LEFT JOIN plans p ON p.region_id = n.region_id AND p.young_person_id = n.young_person_id
  LEFT JOIN plan_versions pv ON pv.region_id = p.region_id AND pv.plan_id = p.id AND pv.number = p.current_version;

CREATE FUNCTION rebuild_network_summaries() RETURNS void LANGUAGE sql AS $$
  DELETE FROM network_summaries;
  INSERT INTO network_summaries (network_id, young_person_id, active, given_name, family_name, birth_date, lead_user_id,
      next_evaluation_on, open_due, last_activity_at, region_id)
    SELECT network_id, young_person_id, active, given_name, family_name, birth_date, lead_user_id,
      next_evaluation_on, open_due, last_activity_at, region_id FROM network_summary_source;
$$;

CREATE OR REPLACE FUNCTION network_summaries_on_network() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('citus.allow_nested_distributed_execution', 'on', true);
  IF TG_OP = 'INSERT' THEN
    -- The view's definition, with every table (also in the subqueries) filtered by the row's own
    -- region: Citus routes a statement by the region each table names, not by correlation.
    INSERT INTO network_summaries (network_id, young_person_id, active, given_name, family_name, birth_date, lead_user_id,
        next_evaluation_on, open_due, last_activity_at, region_id)
      SELECT n.id, n.young_person_id, n.status = 'active', y.given_name, y.family_name, y.birth_date, n.lead_user_id, pv.next_evaluation_on,
             COALESCE((SELECT array_agg(pa.due_on ORDER BY pa.due_on) FROM plan_actions pa
                        WHERE pa.region_id = NEW.region_id AND pa.plan_id = p.id AND pa.status IN ('open', 'in_progress')), '{}'),
             (SELECT max(t.at) FROM timeline_entries t WHERE t.region_id = NEW.region_id AND t.young_person_id = NEW.young_person_id),
             n.region_id
        FROM networks n
        JOIN young_people y ON y.region_id = NEW.region_id AND y.id = n.young_person_id
        LEFT JOIN plans p ON p.region_id = NEW.region_id AND p.young_person_id = n.young_person_id
        LEFT JOIN plan_versions pv ON pv.region_id = NEW.region_id AND pv.plan_id = p.id AND pv.number = p.current_version
       WHERE n.region_id = NEW.region_id AND n.id = NEW.id;
  ELSE
    UPDATE network_summaries s SET active = NEW.status = 'active', lead_user_id = NEW.lead_user_id
     WHERE s.region_id = NEW.region_id AND s.network_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION network_summaries_on_young_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('citus.allow_nested_distributed_execution', 'on', true);
  UPDATE network_summaries SET given_name = NEW.given_name, family_name = NEW.family_name, birth_date = NEW.birth_date
   WHERE region_id = NEW.region_id AND young_person_id = NEW.id;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION network_summaries_on_plan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('citus.allow_nested_distributed_execution', 'on', true);
  UPDATE network_summaries SET next_evaluation_on = (
           SELECT pv.next_evaluation_on FROM plans p JOIN plan_versions pv ON pv.region_id = NEW.region_id AND pv.plan_id = p.id AND pv.number = p.current_version
            WHERE p.region_id = NEW.region_id AND p.young_person_id = NEW.young_person_id)
   WHERE region_id = NEW.region_id AND young_person_id = NEW.young_person_id;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION network_summaries_on_action() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  PERFORM set_config('citus.allow_nested_distributed_execution', 'on', true);
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  UPDATE network_summaries SET open_due = COALESCE((
           SELECT array_agg(pa.due_on ORDER BY pa.due_on) FROM plan_actions pa
            WHERE pa.region_id = r.region_id AND pa.plan_id = r.plan_id AND pa.status IN ('open', 'in_progress')), '{}')
   WHERE region_id = r.region_id AND young_person_id = r.young_person_id;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION network_summaries_on_timeline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('citus.allow_nested_distributed_execution', 'on', true);
  UPDATE network_summaries SET last_activity_at = NEW.at
   WHERE region_id = NEW.region_id AND young_person_id = NEW.young_person_id AND (last_activity_at IS NULL OR last_activity_at < NEW.at);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION leerplicht_list_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  PERFORM set_config('citus.allow_nested_distributed_execution', 'on', true);
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  -- young_people: only children who have an absence appear on a worklist. (On Citus the
  -- trigger runs on a shard of the table, young_people_<shard id>.)
  IF TG_TABLE_NAME = 'young_people' OR TG_TABLE_NAME ~ '^young_people_[0-9]+$' THEN
    IF NOT EXISTS (SELECT 1 FROM absences WHERE region_id = r.region_id AND young_person_id = r.id) THEN
      RETURN NULL;
    END IF;
  END IF;
  INSERT INTO leerplicht_list_versions AS v (region_id, version) VALUES (r.region_id, 1)
    ON CONFLICT (region_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $$;

-- An organisation is global (a reference table), and a trigger on it cannot write into the
-- regions' shards. Renaming a school is not possible in the product today; the change that adds
-- it raises leerplicht_list_versions for the school's region in the same transaction.
DROP TRIGGER organisations_list_changed ON organisations;

-- The "forget this actor" notices (0008) are sent by the coordinator, the node the servers listen
-- on. On Citus a reference table's trigger also runs on every worker's copy, inside a prepared
-- (two-phase) transaction, where NOTIFY is refused; there it does nothing.
CREATE OR REPLACE FUNCTION rondom_actor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF to_regproc('citus_is_coordinator') IS NOT NULL THEN
    IF NOT citus_is_coordinator() THEN RETURN NULL; END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  -- On Citus the trigger runs on the coordinator's copy of the table, users_<shard id>.
  IF TG_TABLE_NAME = 'users' OR TG_TABLE_NAME ~ '^users_[0-9]+$' THEN
    PERFORM pg_notify('rondom_actor', r.id::text);
  ELSE
    PERFORM pg_notify('rondom_actor', r.user_id::text);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION rondom_actors_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_regproc('citus_is_coordinator') IS NOT NULL THEN
    IF NOT citus_is_coordinator() THEN RETURN NULL; END IF;
  END IF;
  PERFORM pg_notify('rondom_actor', '*');
  RETURN NULL;
END $$;

-- 5. Chain hashes. Citus sends an upsert's DO UPDATE SET to the shard only when every function
--    in it is IMMUTABLE; convert_to() is STABLE (its encoding argument could name any encoding).
--    With the encoding fixed it is immutable, and this wrapper says so.
CREATE FUNCTION rondom_sha256_hex(s text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT encode(sha256(convert_to(s, 'UTF8')), 'hex') $$;

-- 6. Group commit of audit events (0013) with the chain's region.
DROP FUNCTION audit_append_batch(text[], text[], text[], timestamptz[], uuid[], uuid[], uuid[], text[], text[], uuid[], text[], text[], text[], jsonb[]);
CREATE FUNCTION audit_append_batch(
  p_chain text[], p_part1 text[], p_part2 text[], p_occurred_at timestamptz[], p_region uuid[], p_actor uuid[],
  p_actor_org uuid[], p_kind text[], p_outcome text[], p_young_person uuid[], p_subject_type text[], p_subject_id text[],
  p_basis text[], p_details jsonb[], p_chain_region uuid[]
) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  i integer;
  h record;
  genesis constant text := repeat('0', 64);
BEGIN
  FOR i IN 1 .. coalesce(array_length(p_chain, 1), 0) LOOP
    INSERT INTO audit_chains AS c (region_id, chain_key, last_seq, last_hash, prev_hash)
    VALUES (p_chain_region[i], p_chain[i], 1, rondom_sha256_hex(genesis || chr(10) || p_part1[i] || '1' || p_part2[i]), genesis)
    ON CONFLICT (region_id, chain_key) DO UPDATE
      SET last_seq = c.last_seq + 1,
          last_hash = rondom_sha256_hex(c.last_hash || chr(10) || p_part1[i] || (c.last_seq + 1)::text || p_part2[i]),
          prev_hash = c.last_hash
    RETURNING last_seq, last_hash, prev_hash INTO h;
    INSERT INTO audit_events (region_id, chain_key, seq, occurred_at, about_region_id, actor_user_id, actor_organisation_id, kind,
      outcome, young_person_id, subject_type, subject_id, basis, details, prev_hash, hash)
    VALUES (p_chain_region[i], p_chain[i], h.last_seq, p_occurred_at[i], p_region[i], p_actor[i], p_actor_org[i], p_kind[i], p_outcome[i],
      p_young_person[i], p_subject_type[i], p_subject_id[i], p_basis[i], p_details[i], h.prev_hash, h.last_hash);
  END LOOP;
  RETURN coalesce(array_length(p_chain, 1), 0);
END $$;
