import { describe, expect, it } from 'vitest';
import { contrastRatio, MIN_CONTRAST, parseHexColour, regionTheme } from './theme.ts';

describe('contrast ratio (WCAG 2.1)', () => {
  it('gives the known values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 is the lightest grey that passes 4.5:1 on white.
    expect(contrastRatio('#767676', '#fff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#fff')).toBeLessThan(4.5);
  });
  it('reads #rgb and #rrggbb only', () => {
    expect(parseHexColour('#1B4D6B')).toEqual([27, 77, 107]);
    expect(parseHexColour('#fc0')).toEqual([255, 204, 0]);
    for (const bad of ['red', '1b4d6b', '#1b4d6', 'rgb(0,0,0)', '#1b4d6b; color: red', '']) expect(parseHexColour(bad), bad).toBeNull();
  });
});

describe('a region colour', () => {
  it('is used as given when white text on it and it on white reach 4.5:1', () => {
    const t = regionTheme('#0b5394');
    expect(t.primary).toBe('#0b5394');
    expect(t.adjustedFrom).toBeNull();
  });

  it('is darkened, keeping its hue, until it passes when it is too light (yellow, light grey, white)', () => {
    for (const given of ['#ffcc00', '#e00000', '#767676', '#ffffff', '#7fb3d5']) {
      const t = regionTheme(given);
      expect(t.adjustedFrom, given).toBe(given);
      expect(contrastRatio(t.primary, '#ffffff'), given).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(contrastRatio(t.primary, t.tint), given).toBeGreaterThanOrEqual(MIN_CONTRAST);
      // Only just enough: the tighter of the two pairs is close to 4.5 (the colour stays as near the region's as it can).
      expect(Math.min(contrastRatio(t.primary, '#ffffff'), contrastRatio(t.primary, t.tint)), given).toBeLessThan(MIN_CONTRAST + 0.3);
    }
    expect(regionTheme('#ffcc00').primary).toBe('#876c00');
  });

  it('gives hover and pressed shades darker than the colour, and a tint it reads well on', () => {
    for (const given of ['#1b4d6b', '#ffcc00', '#6a1b9a', '#000000']) {
      const t = regionTheme(given);
      expect(contrastRatio(t.primaryHover, '#ffffff')).toBeGreaterThanOrEqual(contrastRatio(t.primary, '#ffffff'));
      expect(contrastRatio(t.primaryActive, '#ffffff')).toBeGreaterThanOrEqual(contrastRatio(t.primaryHover, '#ffffff'));
      expect(contrastRatio(t.primaryActive, t.tint)).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(contrastRatio(t.tint, '#ffffff')).toBeLessThan(1.2);
    }
  });

  it('is refused when it is not a colour', () => {
    expect(() => regionTheme('blue')).toThrow(/not a colour/);
    expect(() => regionTheme('#12345')).toThrow(/not a colour/);
  });
});
