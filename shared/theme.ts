/**
 * A region's own colour, made safe to use (issue 18, "a neutral look"). Rondom's theme
 * (web/src/styles/rondom-theme.css) puts white text on the primary colour (buttons, the skip
 * link) and the primary colour as text on white and on a light tint of itself (links, secondary
 * buttons, their hover). So the rule, WCAG 2.1 AA for normal text (1.4.3):
 *
 *   the primary colour must reach 4.5:1 against white and against its own tint.
 *
 * A colour that is not #rgb or #rrggbb is refused (the server does not start with it). A colour
 * that misses 4.5:1 is darkened (mixed with black, hue kept) until it reaches it, and reported
 * as adjusted. Hover and pressed shades are darker still, so they pass too.
 */

export const MIN_CONTRAST = 4.5;
/** How much white goes into the tint behind hovered secondary buttons and the like. */
const TINT_WHITE = 0.92;

export interface RegionTheme {
  /** #rrggbb, at least 4.5:1 against white and against `tint`. */
  primary: string;
  primaryHover: string;
  primaryActive: string;
  /** A very light shade of the primary colour for hover backgrounds. */
  tint: string;
  /** The configured colour when it was darkened to pass; null when it passed as given. */
  adjustedFrom: string | null;
}

type Rgb = [number, number, number];

/** #rgb or #rrggbb (any case) to [r, g, b]; null for anything else. */
export function parseHexColour(input: string): Rgb | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(input.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? m[1]!.replace(/./g, (c) => c + c) : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** Mixes `rgb` with `other`: weight 0 keeps rgb, 1 gives other. */
function mix(rgb: Rgb, other: Rgb, weight: number): Rgb {
  return rgb.map((c, i) => c + (other[i]! - c) * weight) as Rgb;
}

/** Relative luminance as WCAG 2.1 defines it. */
export function relativeLuminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const ca = parseHexColour(a);
  const cb = parseHexColour(b);
  if (!ca || !cb) throw new Error(`not a colour: ${ca ? b : a}`);
  const [hi, lo] = [relativeLuminance(ca), relativeLuminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

function passes(rgb: Rgb): boolean {
  const hex = toHex(rgb);
  return contrastRatio(hex, '#ffffff') >= MIN_CONTRAST && contrastRatio(hex, toHex(mix(rgb, WHITE, TINT_WHITE))) >= MIN_CONTRAST;
}

/**
 * The theme for a configured colour: as given when it passes, else darkened just enough.
 * Throws for a value that is not a hex colour (a configuration error).
 */
export function regionTheme(colour: string): RegionTheme {
  const given = parseHexColour(colour);
  if (!given) throw new Error(`"${colour}" is not a colour: use #rrggbb, e.g. #1b4d6b`);
  let rgb = given;
  // 1 % more black per step: black itself passes, so this ends within 100 steps.
  for (let step = 1; !passes(rgb) && step <= 100; step++) rgb = mix(given, BLACK, step / 100);
  const primary = toHex(rgb);
  const original = toHex(given);
  return {
    primary,
    primaryHover: toHex(mix(rgb, BLACK, 0.2)),
    primaryActive: toHex(mix(rgb, BLACK, 0.35)),
    tint: toHex(mix(rgb, WHITE, TINT_WHITE)),
    adjustedFrom: primary === original ? null : original,
  };
}
