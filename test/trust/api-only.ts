/**
 * Operations of the API that no screen of the web app calls, each with the reason it exists
 * (api-usage.int.test.ts fails for an operation that is neither called by web/src nor listed here,
 * and for a row here that the web app calls after all, or that no longer exists).
 *
 * Add a row only for an operation that is meant to have no screen: monitoring, a machine
 * integration, set-up done by the platform admin through the API. An operation that a screen
 * should use but does not yet starts with "no screen yet:", so the gap stays visible; when its
 * screen lands, the test says to remove the row.
 */
const WORKSPACE = 'no screen yet: the partners\' workspace is read-only in the browser (issue 18 part 1 makes it editable)';

export const API_ONLY: Record<string, string> = {
  // Machines and platform set-up
  'GET /health': 'monitoring and load balancers: status and which database runs',
  'POST /api/v1/admin/regions': 'platform set-up: the platform admin creates a region through the API (a new region is rare; no screen)',
  'POST /api/v1/admin/regions/{id}/areas': 'platform set-up: gemeenten, wijken and SWV regions are loaded through the API when a region starts',
  'GET /api/v1/admin/users': 'API clients: every user you administer, paged by offset (the admin screen searches with GET /api/v1/admin/users/search)',
  'GET /api/v1/children/{childId}/meetings/{meetingId}': 'API clients: the meetings list already carries every meeting in full, so no screen reads one by id',

  // Screens still missing (found by this test)
  'POST /api/v1/admin/users/{id}/memberships': 'no screen yet: the admin cannot give an existing user another role in the browser (only at creation)',
  'PATCH /api/v1/children/{childId}': 'no screen yet: a young person\'s details (name, birth date, BSN, gemeente, school) cannot be corrected in the browser',
  'POST /api/v1/children/{childId}/guardians': 'no screen yet: linking a parent with parental authority (gezag) is done by the demo seed and the API only',
  'POST /api/v1/children/{childId}/network/involvements/{involvementId}/end': 'no screen yet: ending an involvement in the network is not offered in the browser',
  'PATCH /api/v1/children/{childId}/plan/actions/{actionId}': 'no screen yet: the plan form saves a whole new version (PUT …/plan); a quick status change of one action has no button',
  'PATCH /api/v1/support-teams/{teamId}': 'no screen yet: a support team\'s name and next meeting cannot be changed in the browser',

  // The partners' workspace (issue 18 part 1, being built)
  'POST /api/v1/partnerships': 'no screen yet: a partnership is created through the API or the demo seed',
  'PATCH /api/v1/partnerships/{id}': WORKSPACE,
  'PATCH /api/v1/partnerships/{id}/meetings/{meetingId}': WORKSPACE,
  'PATCH /api/v1/partnerships/{id}/actions/{actionId}': WORKSPACE,
  'GET /api/v1/partnerships/{id}/agreements/{agreementId}': WORKSPACE,

  // Self-assessment frameworks
  'POST /api/v1/partnerships/{id}/frameworks': 'no screen yet: a partnership\'s own assessment framework is added through the API only',
};
