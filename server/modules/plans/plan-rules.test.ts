import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { assertPlanText } from './plan-rules.ts';

function refusal(plan: Parameters<typeof assertPlanText>[0]): Record<string, string> | null {
  try {
    assertPlanText(plan);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('sensitive_term');
    return (e as AppError).detail?.fields ?? {};
  }
}

describe('no diagnoses in the shared plan', () => {
  it('refuses diagnostic terms in goals, actions and the change summary, naming the field', () => {
    expect(refusal({ goals: [{ text: 'Sem gaat naar de judo' }, { text: 'Sem heeft ADHD' }] })).toEqual({ 'goals.1.text': 'contains "ADHD"' });
    expect(refusal({ actions: [{ what: 'ADD, angst en suïcidale gedachten; zij slikt Concerta' }] })).toEqual({ 'actions.0.what': 'contains "suïcidale"' });
    expect(refusal({ changeSummary: 'Diagnose volgt later' })).toEqual({ changeSummary: 'contains "Diagnose"' });
  });
  it('leaves ordinary goals alone', () => {
    expect(refusal({ goals: [{ text: 'Sem gaat weer elke dag naar school' }], actions: [{ what: 'Address the bus route; additional support at home', ownerName: 'Addie' }], changeSummary: 'Eerste plan' })).toBeNull();
  });
});
