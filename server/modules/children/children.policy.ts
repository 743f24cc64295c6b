/**
 * Who may do what with a young person's data, as small named rules over the
 * resolved access (server/core/access.ts). Every child route names one of these.
 *
 * Levels: 'network' = involved professional with a basis (consent, legal basis) or
 * break-the-glass; 'identity' = involved without basis yet, or school staff of an
 * enrolled pupil; 'guardian' = parent with gezag (under 18); 'self' = the young person.
 *
 * From 16 the young person may close the family view (parents_access = 'hidden'):
 * at that age they decide alone about sharing their youth-care data (Jeugdwet
 * 7.3.5/7.3.10, WGBO 7:457), so parents then see only that the child exists.
 */
import type { ChildAccess } from '../../core/access.ts';

const familyView = (a: ChildAccess) =>
  a.level === 'self' || (a.level === 'guardian' && !(a.ageYears >= 16 && a.parentsAccess === 'hidden'));
const network = (a: ChildAccess) => a.level === 'network';
const professionalInvolved = (a: ChildAccess) => a.level === 'network' || (a.level === 'identity' && a.involved);

export const childPolicy = {
  readChild: (a: ChildAccess) => a.level !== 'none',
  updateChild: network,
  openQuestion: (a: ChildAccess) => a.level === 'network' || a.level === 'identity' || familyView(a),
  readNetwork: (a: ChildAccess) => network(a) || familyView(a),
  inviteToNetwork: network,
  endInvolvement: network,
  /** The lead hands over; when the network has no lead, any professional with a basis takes it. */
  handOverLead: (a: ChildAccess) => network(a) && (a.isLead || a.leadUserId === null),
  /** Parents of a 16-year-old who closed the file see nothing of it beyond their own account. */
  readConsents: (a: ChildAccess) => professionalInvolved(a) || familyView(a),
  /** Consent is recorded by the person who gives it (in the app) or by an involved professional on their behalf. */
  recordConsent: (a: ChildAccess) => professionalInvolved(a) || a.level === 'guardian' || a.level === 'self',
  withdrawConsent: (a: ChildAccess) => professionalInvolved(a) || a.level === 'guardian' || a.level === 'self',
  /**
   * The person it was recorded for confirms in Rondom; without an account the lead does (checked per
   * consent). The lead needs no basis yet: confirming the young person's consent is how the basis comes
   * — as the lead's own record of it is (recordConsent).
   */
  confirmConsent: (a: ChildAccess) => a.level === 'guardian' || a.level === 'self' || (professionalInvolved(a) && a.isLead),
  recordLegalBasis: professionalInvolved,
  reviewLegalBasis: professionalInvolved,
  readPlan: (a: ChildAccess) => network(a) || familyView(a),
  editPlan: network,
  commentPlan: (a: ChildAccess) => network(a) || familyView(a),
  givePlanOpinion: familyView,
  readMeetings: (a: ChildAccess) => network(a) || familyView(a),
  manageMeetings: network,
  readEvaluations: (a: ChildAccess) => network(a) || familyView(a),
  recordEvaluation: network,
  /** The young person and each parent answer their own part of the evaluation; only they change it. */
  answerFamilyEvaluation: familyView,
  readTimeline: (a: ChildAccess) => network(a) || familyView(a),
  /** The family's "who looked at my data"; the lead sees it too, to answer their questions. */
  readAccessLog: (a: ChildAccess) => familyView(a) || (network(a) && a.isLead),
  /** From 16 the young person decides what parents see. */
  setParentsAccess: (a: ChildAccess) => a.level === 'self' && a.ageYears >= 16,
  reviewBreakGlass: (a: ChildAccess) => network(a) && a.isLead,
};

export type ChildRule = keyof typeof childPolicy;

/** The actions the caller may take, for the web app to show (it never decides itself). */
export function allowedActions(a: ChildAccess, rules: ChildRule[]): string[] {
  return rules.filter((r) => childPolicy[r](a));
}
