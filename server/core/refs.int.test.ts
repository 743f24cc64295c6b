/**
 * Referenced ids: checkRefs (unknown, another region's, wrong kind, a wijk outside its
 * gemeente) on a real database, and the error handler's safety net: a foreign key to
 * nothing that a service let through is a 422 naming the column, not a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, makeOrg, makeRegion, type TestApp } from '../../test/helpers.ts';
import { buildFixture, startNetwork, type Fixture } from '../../test/kindkring-fixture.ts';
import { YOUNG_PERSON_REFS } from '../modules/children/children.refs.ts';
import { AppError } from './errors.ts';
import { databaseRefusal } from './http.ts';
import { assertUnique, checkRefs, findRefProblems } from './refs.ts';

let t: TestApp;
let f: Fixture;
const ids = {} as Record<'gemeente' | 'wijk' | 'otherWijk' | 'otherGemeente' | 'otherRegionSchool' | 'otherRegionGemeente', string>;

async function area(regionId: string, kind: string, name: string, parentId: string | null = null): Promise<string> {
  const [r] = await t.db.query<{ id: string }>(`INSERT INTO areas (region_id, kind, name, parent_id) VALUES ($1,$2,$3,$4) RETURNING id`, [regionId, kind, name, parentId]);
  return r!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  f = await buildFixture(t.app, t.db);
  await startNetwork(t.app, f);
  ids.gemeente = await area(f.regionId, 'gemeente', 'Testdorp');
  ids.wijk = await area(f.regionId, 'wijk', 'Noord', ids.gemeente);
  ids.otherGemeente = await area(f.regionId, 'gemeente', 'Anderdorp');
  ids.otherWijk = await area(f.regionId, 'wijk', 'Zuid', ids.otherGemeente);
  const region2 = await makeRegion(t.db);
  ids.otherRegionSchool = await makeOrg(t.db, region2, 'school');
  ids.otherRegionGemeente = await area(region2, 'gemeente', 'Verweg');
});
afterAll(() => t.close());

describe('checkRefs', () => {
  it('accepts ids of the right kind in the region, and leaves out what is not given', async () => {
    expect(await findRefProblems(t.db, f.regionId, { gemeenteId: ids.gemeente, wijkId: ids.wijk, schoolId: f.org.school }, YOUNG_PERSON_REFS)).toEqual({});
    expect(await findRefProblems(t.db, f.regionId, { wijkId: null }, YOUNG_PERSON_REFS)).toEqual({});
  });

  it('names every wrong field: unknown, another region, wrong kind, a wijk outside the gemeente, not an id', async () => {
    expect(await findRefProblems(t.db, f.regionId, { gemeenteId: ids.otherRegionGemeente, wijkId: ids.gemeente, schoolId: f.org.wijkteam }, YOUNG_PERSON_REFS)).toEqual({
      gemeenteId: 'unknown area in this region', wijkId: 'must be a wijk, not gemeente', schoolId: 'must be a school, not wijkteam',
    });
    expect(await findRefProblems(t.db, f.regionId, { gemeenteId: ids.gemeente, wijkId: ids.otherWijk, schoolId: ids.otherRegionSchool }, YOUNG_PERSON_REFS)).toEqual({
      wijkId: 'does not lie in gemeenteId', schoolId: 'unknown organisation in this region',
    });
    expect(await findRefProblems(t.db, f.regionId, { schoolId: '00000000-0000-4000-8000-000000000000', gemeenteId: 'nope' }, YOUNG_PERSON_REFS)).toEqual({
      schoolId: 'unknown organisation in this region', gemeenteId: 'is not an id',
    });
    expect(await findRefProblems(t.db, f.regionId, { a: f.user.mum.id, b: f.user.wijk.id, c: f.child.c8 },
      { a: { kind: 'user', userKind: 'staff' }, b: { kind: 'user', userKind: ['staff', 'parent'] }, c: { kind: 'young_person' } })).toEqual({ a: 'must be a staff, not parent' });
  });

  it('throws 422 invalid_reference with the fields; assertUnique throws 422 duplicate', async () => {
    const err = await checkRefs(t.db, f.regionId, { schoolId: f.org.jgz }, YOUNG_PERSON_REFS).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(422);
    expect((err as AppError).code).toBe('invalid_reference');
    expect((err as AppError).detail?.fields).toEqual({ schoolId: 'must be a school, not jgz' });
    expect(() => assertUnique(['a', 'b', 'A'], (i) => `ids.${i}`)).toThrow(expect.objectContaining({ code: 'duplicate', detail: expect.objectContaining({ fields: { 'ids.2': 'is used twice' } }) }));
    expect(() => assertUnique(['a', null, undefined, null, 'b'], (i) => `ids.${i}`)).not.toThrow();
  });
});

describe('the error handler safety net for input the database refuses', () => {
  it('maps PostgreSQL codes to stable 4xx codes, naming the column of a key', () => {
    expect(databaseRefusal({ code: '23503', detail: 'Key (school_id)=(0a0a0a0a-0000-4000-8000-000000000000) is not present in table "organisations".' }))
      .toEqual({ code: 'invalid_reference', fields: { schoolId: 'unknown id' } });
    expect(databaseRefusal({ code: '23503', detail: 'Key (region_id, young_person_id)=(x, y) is not present in table "young_people".' }))
      .toEqual({ code: 'invalid_reference', fields: { youngPersonId: 'unknown id' } });
    expect(databaseRefusal({ code: '23503' })).toEqual({ code: 'invalid_reference', fields: undefined });
    expect(databaseRefusal({ code: '23505', detail: 'Key (plan_id, action_id)=(p, a1) already exists.' }))
      .toEqual({ code: 'already_exists', fields: { planId: 'already exists', actionId: 'already exists' } });
    expect(databaseRefusal({ code: '23514', column: 'school_type' })).toEqual({ code: 'invalid_value', fields: { schoolType: 'is not allowed' } });
    for (const code of ['22P02', '22007', '22008']) expect(databaseRefusal({ code })).toEqual({ code: 'invalid_value' });
    expect(databaseRefusal({ code: '42P01' })).toBeNull();
  });

  it('an unknown school or gemeente on a young person is a 422 naming the field, not a 500, and writes nothing', async () => {
    const ib = as(t.app, f.s.ib!);
    const question = { text: 'Zorgen over de ontwikkeling.', ownWords: false, lifeDomains: ['school'], raisedBy: 'professional' };
    const res = await ib({ method: 'POST', url: '/api/v1/children', payload: { givenName: 'Nieuw', familyName: 'Kind', birthDate: '2016-05-01', schoolId: '0a0a0a0a-0000-4000-8000-000000000000', question } });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'invalid_reference', fields: { schoolId: expect.stringMatching(/unknown/) } });
    const [n] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM young_people WHERE given_name = 'Nieuw'`);
    expect(n!.n).toBe(0);
    const wijk = as(t.app, f.s.wijk!);
    const child = (await wijk({ method: 'GET', url: `/api/v1/children/${f.child.c8}` })).json();
    const upd = await wijk({ method: 'PATCH', url: `/api/v1/children/${f.child.c8}`, headers: { 'if-match': `"${child.version}"` }, payload: { gemeenteId: '0b0b0b0b-0000-4000-8000-000000000000' } });
    expect(upd.statusCode, upd.body).toBe(422);
    expect(upd.json().error).toMatchObject({ code: 'invalid_reference', fields: { gemeenteId: expect.stringMatching(/unknown/) } });
  });
});
