/**
 * The colours the web app uses: the region's own primary colour from configuration
 * (RONDOM_REGION_COLOURS, by region slug), else the installation's (RONDOM_THEME_PRIMARY),
 * else Rondom's neutral default. Every colour passes shared/theme.ts's contrast rule before it
 * leaves the server; a configured colour that is not a colour stops the server at start.
 */
import type { Db } from '../../core/db.ts';
import { regionTheme, type RegionTheme } from '../../../shared/theme.ts';

/** Rondom's own primary colour (web/src/styles/rondom-theme.css has the same values). */
export const DEFAULT_PRIMARY = '#1b4d6b';

export interface ThemeConfig {
  /** The installation's colour, for the login page and regions without their own. */
  primary?: string;
  /** A region's colour by its slug. */
  regions?: Record<string, string>;
}

export type ThemeSource = 'default' | 'installation' | 'region';
export type ThemeOut = Omit<RegionTheme, 'adjustedFrom'> & { source: ThemeSource };

/** Parses RONDOM_REGION_COLOURS: "slug=#rrggbb,other-slug=#rrggbb". */
export function parseRegionColours(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (value ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [slug, colour] = part.split('=').map((s) => s.trim());
    if (!slug || !colour) throw new Error(`RONDOM_REGION_COLOURS: "${part}" is not slug=#rrggbb`);
    out[slug] = colour;
  }
  return out;
}

export function createThemeService(db: Db, config: ThemeConfig | undefined, warn: (message: string) => void) {
  const resolve = (colour: string, what: string): RegionTheme => {
    let theme: RegionTheme;
    try {
      theme = regionTheme(colour);
    } catch (err) {
      throw new Error(`${what}: ${(err as Error).message}`);
    }
    if (theme.adjustedFrom) {
      warn(`${what}: ${theme.adjustedFrom} has less than 4.5:1 contrast with white text; ${theme.primary} is used instead`);
    }
    return theme;
  };
  // Checked once, at start: a wrong colour is a configuration error, not a surprise for a user.
  const fallback: { theme: RegionTheme; source: ThemeSource } = config?.primary
    ? { theme: resolve(config.primary, 'RONDOM_THEME_PRIMARY'), source: 'installation' }
    : { theme: regionTheme(DEFAULT_PRIMARY), source: 'default' };
  const bySlug = new Map(Object.entries(config?.regions ?? {}).map(([slug, colour]) => [slug, resolve(colour, `RONDOM_REGION_COLOURS (${slug})`)]));
  // A region's slug never changes (there is no route to rename one), so it is kept per process.
  const slugs = new Map<string, string | null>();

  const out = (theme: RegionTheme, source: ThemeSource): ThemeOut =>
    ({ primary: theme.primary, primaryHover: theme.primaryHover, primaryActive: theme.primaryActive, tint: theme.tint, source });

  return {
    /** The theme for a reader: their region's colour when it has one, else the installation's. */
    async forRegion(regionId: string | null): Promise<ThemeOut> {
      if (regionId && bySlug.size > 0) {
        if (!slugs.has(regionId)) {
          const [row] = await db.query<{ slug: string }>(`SELECT slug FROM regions WHERE id = $1`, [regionId]);
          slugs.set(regionId, row?.slug ?? null);
        }
        const own = bySlug.get(slugs.get(regionId) ?? '');
        if (own) return out(own, 'region');
      }
      return out(fallback.theme, fallback.source);
    },
  };
}
