import { describe, expect, it } from 'vitest';
import { findDiagnosticTerm } from './plan-rules.ts';

describe('no diagnoses in the shared plan', () => {
  it('finds diagnostic terms as whole words', () => {
    expect(findDiagnosticTerm('Sem heeft ADHD en gaat naar de judo')).toBe('adhd');
    expect(findDiagnosticTerm('Diagnose volgt later')).toBe('diagnose');
  });
  it('leaves ordinary goals alone', () => {
    expect(findDiagnosticTerm('Sem gaat weer elke dag naar school')).toBeNull();
    expect(findDiagnosticTerm('Address the bus route; additional support at home')).toBeNull();
  });
});
