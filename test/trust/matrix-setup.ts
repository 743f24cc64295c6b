/** The region, roles and ids the authorization matrix and the fuzzer use (on top of test/kindkring-fixture.ts). */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../server/core/db.ts';
import { as, login, makeUser, type Session } from '../helpers.ts';
import { bornYearsAgo, buildFixture, insertChild, startNetwork, type Fixture } from '../kindkring-fixture.ts';

export const ROLES = ['anon', 'otherParent', 'outsider', 'withdrawn', 'expiredGlass', 'policy', 'admin', 'lead', 'mum', 'privacy'] as const;
export type MatrixRole = (typeof ROLES)[number];

export interface World {
  f: Fixture;
  sessions: Record<MatrixRole, Session | null>;
  /** Path parameter values by name. */
  params: Record<string, string>;
  /** uuid body fields by name. */
  hints: Record<string, string>;
}

export async function buildWorld(app: FastifyInstance, db: Db): Promise<World> {
  const f = await buildFixture(app, db);
  await startNetwork(app, f);
  const c8 = f.child.c8;
  const wijk = as(app, f.s.wijk!);
  // Parent of another child.
  const otherChild = await insertChild(db, f.regionId, { given: 'Otto', family: 'Anders', birthDate: bornYearsAgo(9), guardians: [f.user.otherParent.id] });
  // Professional whose consent was withdrawn: JGZ is invited with both parents' consent, then mum withdraws hers.
  for (const parent of ['mum', 'dad']) {
    const r = await as(app, f.s[parent]!)({ method: 'POST', url: `/api/v1/children/${c8}/consents`, payload: { purpose: 'share_in_network', recipientOrganisationId: f.org.jgz } });
    if (r.statusCode !== 201) throw new Error(`consent ${r.body}`);
  }
  const inv = await wijk({ method: 'POST', url: `/api/v1/children/${c8}/network/involvements`, payload: { userId: f.user.jgz.id, organisationId: f.org.jgz } });
  if (inv.statusCode !== 201) throw new Error(`invite jgz ${inv.body}`);
  const consents = (await as(app, f.s.mum!)({ method: 'GET', url: `/api/v1/children/${c8}/consents` })).json().consents as
    { id: string; active: boolean; givenBy: { userId: string }; recipient: { organisationId: string } }[];
  const mumJgz = consents.find((c) => c.active && c.givenBy.userId === f.user.mum.id && c.recipient.organisationId === f.org.jgz)!;
  const w = await as(app, f.s.mum!)({ method: 'POST', url: `/api/v1/children/${c8}/consents/${mumJgz.id}/withdraw` });
  if (w.statusCode !== 200) throw new Error(`withdraw ${w.body}`);
  // Professional whose break-the-glass grant has expired.
  const glass = await makeUser(db, { regionId: f.regionId, name: 'Gerda Glass', memberships: [{ organisationId: f.org.wijkteam2, role: 'youth_care_professional' }] });
  const [grant] = await db.query<{ id: string }>(
    `INSERT INTO break_glass_grants (region_id, young_person_id, user_id, organisation_id, reason, started_at, expires_at)
     VALUES ($1, $2, $3, $4, 'Acute zorg nodig, ouders niet bereikbaar', now() - interval '2 days', now() - interval '1 day') RETURNING id`,
    [f.regionId, c8, glass.id, f.org.wijkteam2]);
  // A plan with an action, a meeting, a legal basis to point at.
  const plan = await wijk({ method: 'PUT', url: `/api/v1/children/${c8}/plan`, headers: { 'if-match': '"0"' }, payload: {
    goals: [{ id: 'g1', text: 'Kees slaapt beter' }], actions: [{ id: 'a1', goalId: 'g1', what: 'Slaapdagboek', ownerUserId: f.user.wijk.id }], changeSummary: 'Eerste plan' } });
  const planBody = plan.json() as { actions?: { id: string }[] };
  const meeting = await wijk({ method: 'POST', url: `/api/v1/children/${c8}/meetings`, payload: { scheduledAt: new Date(Date.now() + 7 * 86400_000).toISOString(), agenda: ['Slapen'], participants: [] } });
  const ib = (await wijk({ method: 'GET', url: `/api/v1/children/${c8}/network` })).json().involvements as { id: string; userId: string }[];
  const schoolConsent = consents.find((c) => c.givenBy.userId === f.user.mum.id && c.recipient.organisationId === f.org.school)!;
  const partnership = await as(app, f.s.admin!)({ method: 'POST', url: '/api/v1/partnerships', payload: { regionId: f.regionId, name: 'Samen Testkring', scope: 'gemeente', organisationIds: [f.org.gemeente, f.org.school] } });
  const sessions: Record<MatrixRole, Session | null> = {
    anon: null, otherParent: f.s.otherParent!, outsider: f.s.outsider!, withdrawn: f.s.jgz!, expiredGlass: await login(app, glass.email),
    policy: f.s.policy!, admin: f.s.admin!, lead: f.s.wijk!, mum: f.s.mum!, privacy: f.s.fg!,
  };
  const params: Record<string, string> = {
    childId: c8, involvementId: ib.find((i) => i.userId === f.user.ib.id)?.id ?? '', consentId: schoolConsent.id, number: '1',
    meetingId: meeting.statusCode === 201 ? (meeting.json() as { id: string }).id : '', actionId: planBody.actions?.[0]?.id ?? 'a1',
    grantId: grant!.id, requestId: '00000000-0000-4000-8000-000000000001', id: partnership.statusCode === 201 ? (partnership.json() as { id: string }).id : '',
  };
  void otherChild;
  const hints: Record<string, string> = {
    userId: f.user.wijk.id, organisationId: f.org.wijkteam, recipientOrganisationId: f.org.wijkteam, regionId: f.regionId,
    youngPersonId: c8, childId: c8, consenterUserId: f.user.mum.id, ownerUserId: f.user.wijk.id, '*': f.org.gemeente,
  };
  return { f, sessions, params, hints };
}
