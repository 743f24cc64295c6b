/**
 * Ids that a request points at (a gemeente, a school, a participant's organisation, an
 * owner) are checked before anything is written: they must exist, be of the right kind and
 * belong to the caller's region. A wrong one is a 422 'invalid_reference' naming the field —
 * not a foreign-key error (500) and never a silent link to another region's data.
 * Duplicate ids in one body are a 422 'duplicate'.
 */
import type { Queryable } from './db.ts';
import { AppError } from './errors.ts';

export type AreaKind = 'gemeente' | 'wijk' | 'swv_region';
export type OrganisationType =
  | 'school' | 'school_board' | 'swv' | 'childcare' | 'wijkteam' | 'youth_care_provider' | 'jgz' | 'leerplicht' | 'municipality';
export type UserKind = 'staff' | 'parent' | 'young_person';

/** What an id must point at. `within`: another field whose area must be this area's parent (a wijk in its gemeente). */
export type RefSpec =
  | { kind: 'area'; areaKind?: AreaKind | AreaKind[]; within?: string }
  | { kind: 'organisation'; type?: OrganisationType | OrganisationType[] }
  | { kind: 'user'; userKind?: UserKind | UserKind[]; activeOnly?: boolean }
  | { kind: 'young_person' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const list = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

const NOUN: Record<RefSpec['kind'], { nl: string; en: string }> = {
  area: { nl: 'gebied', en: 'area' },
  organisation: { nl: 'organisatie', en: 'organisation' },
  user: { nl: 'persoon', en: 'person' },
  young_person: { nl: 'jeugdige', en: 'young person' },
};

interface Found { t: RefSpec['kind']; id: string; sub: string; region_id: string; parent_id: string | null; active: boolean }

/**
 * The problems with the given ids, by field (empty when all are fine). Fields whose value
 * is null or undefined are not checked (nothing is linked). One statement for all fields.
 */
export async function findRefProblems(
  q: Queryable, regionId: string, values: Readonly<Record<string, unknown>>, specs: Record<string, RefSpec>,
): Promise<Record<string, string>> {
  const problems: Record<string, string> = {};
  const wanted: Record<RefSpec['kind'], string[]> = { area: [], organisation: [], user: [], young_person: [] };
  for (const [field, spec] of Object.entries(specs)) {
    const id = values[field];
    if (id === null || id === undefined) continue;
    if (typeof id !== 'string' || !UUID.test(id)) problems[field] = 'is not an id';
    else wanted[spec.kind].push(id.toLowerCase());
  }
  if (Object.values(wanted).every((ids) => ids.length === 0)) return problems;
  const rows = await q.query<Found>(
    `SELECT 'area' AS t, id::text, kind AS sub, region_id::text, parent_id::text, true AS active FROM areas WHERE id = ANY($1::uuid[])
     UNION ALL SELECT 'organisation', id::text, type, region_id::text, NULL, true FROM organisations WHERE id = ANY($2::uuid[])
     UNION ALL SELECT 'user', id::text, kind, region_id::text, NULL, active FROM users WHERE id = ANY($3::uuid[])
     UNION ALL SELECT 'young_person', id::text, 'young_person', region_id::text, NULL, true FROM young_people WHERE region_id = $5 AND id = ANY($4::uuid[])`,
    [wanted.area, wanted.organisation, wanted.user, wanted.young_person, regionId]);
  const byKey = new Map(rows.map((r) => [`${r.t}:${r.id}`, r]));
  for (const [field, spec] of Object.entries(specs)) {
    const id = values[field];
    if (typeof id !== 'string' || problems[field]) continue;
    const row = byKey.get(`${spec.kind}:${id.toLowerCase()}`);
    // Another region's row does not exist for this caller: the same answer as an unknown id.
    if (!row || row.region_id !== regionId) {
      problems[field] = `unknown ${NOUN[spec.kind].en} in this region`;
      continue;
    }
    const allowed = spec.kind === 'area' ? list(spec.areaKind) : spec.kind === 'organisation' ? list(spec.type) : spec.kind === 'user' ? list(spec.userKind) : undefined;
    if (allowed && !allowed.includes(row.sub as never)) {
      problems[field] = `must be ${allowed.length === 1 ? 'a' : 'one of'} ${allowed.join(' / ')}, not ${row.sub}`;
      continue;
    }
    if (spec.kind === 'user' && spec.activeOnly && !row.active) problems[field] = 'this account is not active';
    if (spec.kind === 'area' && spec.within) {
      const parent = values[spec.within];
      if (typeof parent === 'string' && row.parent_id && row.parent_id !== parent.toLowerCase()) problems[field] = `does not lie in ${spec.within}`;
    }
  }
  return problems;
}

/**
 * Throws 422 'invalid_reference' with every wrong field named, e.g.
 * `await checkRefs(q, actor.regionId, body, { schoolId: { kind: 'organisation', type: 'school' } })`.
 */
export async function checkRefs(
  q: Queryable, regionId: string, values: Readonly<Record<string, unknown>>, specs: Record<string, RefSpec>,
): Promise<void> {
  const problems = await findRefProblems(q, regionId, values, specs);
  const [first] = Object.keys(problems);
  if (!first) return;
  const noun = NOUN[specs[first]!.kind];
  throw new AppError('invalid_reference', {
    nl: `De gekozen ${noun.nl} (${first}) bestaat niet in deze regio of past hier niet. Kies opnieuw uit de lijst.`,
    en: `The chosen ${noun.en} (${first}) does not exist in this region or does not fit here. Choose again from the list.`,
    fields: problems,
  });
}

/** Throws 422 'duplicate' when one id appears twice; `field(i)` names the i-th value's field. */
export function assertUnique(ids: readonly (string | null | undefined)[], field: (i: number) => string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (id === null || id === undefined) return;
    const key = id.toLowerCase();
    if (seen.has(key)) {
      throw new AppError('duplicate', {
        nl: `Hetzelfde item staat er twee keer in (${field(i)}).`, en: `The same item is in there twice (${field(i)}).`, fields: { [field(i)]: 'is used twice' },
      });
    }
    seen.add(key);
  });
}
