/**
 * The shared plan holds goals, actions and who does them — never diagnoses, medicines,
 * test scores or words about self-harm (privacy principle of the sources). The words
 * live in one lexicon for all shared free text (server/core/free-text/); this file
 * names the plan's texts as body fields so the refusal points at the right one.
 */
import { assertFreeText, listFields } from '../../core/free-text/sensitive-terms.ts';

/** Refuses a plan whose goals, actions or change summary hold a sensitive term (422 sensitive_term). */
export function assertPlanText(plan: { goals?: readonly { text: string }[]; actions?: readonly { what: string; ownerName?: string }[]; changeSummary?: string }, actionsField = 'actions'): void {
  assertFreeText({
    ...listFields('goals', plan.goals ?? [], 'text'),
    ...listFields(actionsField, plan.actions ?? [], 'what'),
    ...listFields(actionsField, plan.actions ?? [], 'ownerName'),
    changeSummary: plan.changeSummary,
  });
}
