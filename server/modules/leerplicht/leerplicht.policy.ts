/**
 * Who works with the absence register. Leerplicht is a legal task (Leerplichtwet),
 * so access here does not rest on consent but on the role:
 * - leerplicht officers of the region: everything in the register;
 * - SWV coordinators: the cases of their samenwerkingsverband;
 * - municipality coordinators (holders of doorzettingsmacht): the cases escalated to them.
 * Policy makers see nothing here; aggregates come from the Inspectie report and the monitor.
 */
import type { Actor } from '../../core/session.ts';

export const swvIds = (actor: Actor) =>
  actor.memberships.filter((m) => m.role === 'swv_coordinator' && m.organisationType === 'swv').map((m) => m.organisationId);

export const isLeerplicht = (actor: Actor) => actor.memberships.some((m) => m.role === 'leerplicht_officer');
export const isDoorzettingsmacht = (actor: Actor) => actor.memberships.some((m) => m.role === 'municipality_coordinator');

export const leerplichtPolicy = {
  register: (actor: Actor) => isLeerplicht(actor) || swvIds(actor).length > 0,
  readWorklist: (actor: Actor) => isLeerplicht(actor) || swvIds(actor).length > 0 || isDoorzettingsmacht(actor),
  /** A case: leerplicht always; SWV when it is theirs; doorzettingsmacht once it reached them. */
  readCase: (actor: Actor, c: { swvId: string | null; atDoorzetting: boolean }) =>
    isLeerplicht(actor) || (c.swvId !== null && swvIds(actor).includes(c.swvId)) || (c.atDoorzetting && isDoorzettingsmacht(actor)),
  updateCase: (actor: Actor, c: { swvId: string | null }) => isLeerplicht(actor) || (c.swvId !== null && swvIds(actor).includes(c.swvId)),
  escalate: (actor: Actor, c: { swvId: string | null }) => isLeerplicht(actor) || (c.swvId !== null && swvIds(actor).includes(c.swvId)),
  decide: (actor: Actor, c: { atDoorzetting: boolean }) => c.atDoorzetting && isDoorzettingsmacht(actor),
  /** A case's history (who changed what, when): the register's keepers, the leerplicht officers, only. */
  readHistory: (actor: Actor) => isLeerplicht(actor),
  registerExemption: (actor: Actor) => isLeerplicht(actor),
  /** Four eyes: a second person from leerplicht or the child's own SWV (an education-care team), never the one who registered it. */
  reviewExemption: (actor: Actor, e: { registeredBy: string; swvId: string | null }) =>
    (isLeerplicht(actor) || (e.swvId !== null && swvIds(actor).includes(e.swvId))) && actor.userId !== e.registeredBy,
  report: (actor: Actor, swvId: string) => isLeerplicht(actor) || swvIds(actor).includes(swvId),
};
