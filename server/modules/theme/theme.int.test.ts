import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, makeRegion, makeUser, type TestApp } from '../../../test/helpers.ts';
import { contrastRatio } from '../../../shared/theme.ts';
import { createThemeService, DEFAULT_PRIMARY, parseRegionColours } from './theme.service.ts';
import type { Db } from '../../core/db.ts';

/** Configuration is checked without a database: none is asked before a region has a colour. */
const noDb = { query: async () => { throw new Error('no query expected'); } } as unknown as Db;

let t: TestApp;
let ownUser: string;
let otherUser: string;
beforeAll(async () => {
  t = await createTestApp({ theme: { primary: '#0b5394', regions: { 'kleur-west': '#ffcc00' } } });
  const west = await makeRegion(t.db, 'kleur-west');
  const east = await makeRegion(t.db, 'kleur-oost');
  ownUser = (await makeUser(t.db, { regionId: west })).email;
  otherUser = (await makeUser(t.db, { regionId: east })).email;
});
afterAll(async () => t.close());

describe('GET /api/v1/theme', () => {
  it("gives the installation's colour before login", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/theme' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ primary: '#0b5394', source: 'installation' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it("gives a logged-in reader their region's own colour, darkened to pass 4.5:1", async () => {
    const res = await as(t.app, await login(t.app, ownUser))({ method: 'GET', url: '/api/v1/theme' });
    const body = res.json() as { primary: string; tint: string; source: string };
    expect(body.source).toBe('region');
    expect(body.primary).toBe('#876c00');
    expect(contrastRatio(body.primary, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(body.primary, body.tint)).toBeGreaterThanOrEqual(4.5);
  });

  it("gives a region without its own colour the installation's", async () => {
    const res = await as(t.app, await login(t.app, otherUser))({ method: 'GET', url: '/api/v1/theme' });
    expect(res.json()).toMatchObject({ primary: '#0b5394', source: 'installation' });
  });
});

describe('theme configuration', () => {
  it("falls back to Rondom's default without configuration", async () => {
    const theme = await createThemeService(noDb, undefined, () => undefined).forRegion('00000000-0000-4000-8000-000000000000');
    expect(theme).toMatchObject({ primary: DEFAULT_PRIMARY, source: 'default' });
  });

  it('refuses a value that is not a colour and warns about one it darkens', async () => {
    expect(() => createThemeService(noDb, { regions: { west: 'rood' } }, () => undefined)).toThrow(/RONDOM_REGION_COLOURS \(west\).*not a colour/);
    const warnings: string[] = [];
    createThemeService(noDb, { primary: '#ffcc00' }, (m) => warnings.push(m));
    expect(warnings).toEqual([expect.stringMatching(/#ffcc00 .*4\.5:1.*#876c00/)]);
  });

  it('reads RONDOM_REGION_COLOURS as slug=#colour pairs', () => {
    expect(parseRegionColours('west=#0b5394, oost = #6a1b9a')).toEqual({ west: '#0b5394', oost: '#6a1b9a' });
    expect(parseRegionColours(undefined)).toEqual({});
    expect(() => parseRegionColours('west')).toThrow(/slug=#rrggbb/);
  });
});
