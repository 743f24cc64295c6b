import { describe, expect, it } from 'vitest';
import { suppressSmallCells } from './inspectie.report.ts';

describe('small cells in a shared summary', () => {
  const cells = ['thuis', 'terug op school', 'ander aanbod', 'vrijstelling'] as const;
  it('hides 1 to 4, and a second cell when only one would be hidden', () => {
    expect(suppressSmallCells({ duur: 'x', totaal: 12, thuis: 7, 'terug op school': 2, 'ander aanbod': 3, vrijstelling: 0 }, cells))
      .toEqual({ duur: 'x', totaal: 12, thuis: 7, 'terug op school': '< 5', 'ander aanbod': '< 5', vrijstelling: 0 });
    expect(suppressSmallCells({ duur: 'x', totaal: 16, thuis: 9, 'terug op school': 1, 'ander aanbod': 6, vrijstelling: 0 }, cells))
      .toEqual({ duur: 'x', totaal: 16, thuis: 9, 'terug op school': '< 5', 'ander aanbod': '< 5', vrijstelling: 0 });
    expect(suppressSmallCells({ duur: 'x', totaal: 3, thuis: 3, 'terug op school': 0, 'ander aanbod': 0, vrijstelling: 0 }, cells))
      .toEqual({ duur: 'x', totaal: '< 5', thuis: '< 5', 'terug op school': 0, 'ander aanbod': 0, vrijstelling: 0 });
    expect(suppressSmallCells({ duur: 'x', totaal: 0, thuis: 0, 'terug op school': 0, 'ander aanbod': 0, vrijstelling: 0 }, cells).totaal).toBe(0);
  });
});
