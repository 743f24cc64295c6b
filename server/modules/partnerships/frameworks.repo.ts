/**
 * Frameworks are versioned data (migration 0004 ships version 1 of each; a
 * partnership may add its own). Code never names an indicator or a checklist item:
 * it reads them from these tables by framework key and uses the newest version.
 */
import type { Queryable } from '../../core/db.ts';
import { camel } from './partnerships.repo.ts';

/** plainNl/plainEn: the same indicator in plain language for families (migration 0026); null where none is written. */
export interface FrameworkItem { id: string; code: string; textNl: string; textEn: string; plainNl: string | null; plainEn: string | null; derived: boolean }
export interface FrameworkElement {
  id: string; code: string; nameNl: string; nameEn: string; plainNl: string | null; plainEn: string | null; descriptionNl: string | null; descriptionEn: string | null;
  meta: Record<string, unknown>; items: FrameworkItem[];
}
export interface Framework {
  id: string; key: string; version: number; kind: string; nameNl: string; nameEn: string; source: string | null; own: boolean;
  elements: FrameworkElement[];
}

/** Frameworks with elements and items; shipped ones plus, when given, one partnership's own. Newest version per key only unless ids are given. */
export async function loadFrameworks(q: Queryable, opts: {
  partnershipId?: string | null; kind?: string; ids?: string[]; keys?: string[];
  /** Only with ids: load them whichever partnership owns them (for a respondent's invitations). */
  anyPartnership?: boolean;
}): Promise<Framework[]> {
  const frameworks = await q.query<Record<string, unknown>>(
    `SELECT f.id, f.key, f.version, f.kind, f.name_nl, f.name_en, f.source, f.partnership_id IS NOT NULL AS own
       FROM partnership_frameworks f
      WHERE (f.partnership_id IS NULL OR f.partnership_id = $1 OR ($5::boolean AND $4::uuid[] IS NOT NULL))
        AND ($2::text IS NULL OR f.kind = $2)
        AND ($3::text[] IS NULL OR f.key = ANY($3))
        AND (CASE WHEN $4::uuid[] IS NULL
                  THEN f.version = (SELECT max(g.version) FROM partnership_frameworks g
                                     WHERE g.key = f.key AND g.partnership_id IS NOT DISTINCT FROM f.partnership_id)
                  ELSE f.id = ANY($4) END)
      ORDER BY own, f.key`,
    [opts.partnershipId ?? null, opts.kind ?? null, opts.keys ?? null, opts.ids ?? null, Boolean(opts.anyPartnership)]);
  if (frameworks.length === 0) return [];
  const ids = frameworks.map((f) => f.id as string);
  const elements = await q.query<Record<string, unknown>>(
    `SELECT id, framework_id, code, name_nl, name_en, plain_nl, plain_en, description_nl, description_en, meta
       FROM partnership_framework_elements WHERE framework_id = ANY($1::uuid[]) ORDER BY position`, [ids]);
  const items = await q.query<Record<string, unknown>>(
    `SELECT i.id, i.element_id, i.code, i.text_nl, i.text_en, i.plain_nl, i.plain_en, i.derived
       FROM partnership_framework_items i JOIN partnership_framework_elements e ON e.id = i.element_id
      WHERE e.framework_id = ANY($1::uuid[]) ORDER BY i.position`, [ids]);
  const itemsBy = new Map<string, FrameworkItem[]>();
  for (const i of items) {
    const list = itemsBy.get(i.element_id as string) ?? [];
    list.push({ id: i.id as string, code: i.code as string, textNl: i.text_nl as string, textEn: i.text_en as string,
      plainNl: (i.plain_nl as string | null) ?? null, plainEn: (i.plain_en as string | null) ?? null, derived: Boolean(i.derived) });
    itemsBy.set(i.element_id as string, list);
  }
  return frameworks.map((f) => ({
    ...camel<Omit<Framework, 'elements'>>(f),
    elements: elements.filter((e) => e.framework_id === f.id).map((e) => ({
      id: e.id as string, code: e.code as string, nameNl: e.name_nl as string, nameEn: e.name_en as string,
      plainNl: (e.plain_nl as string | null) ?? null, plainEn: (e.plain_en as string | null) ?? null,
      descriptionNl: (e.description_nl as string | null) ?? null, descriptionEn: (e.description_en as string | null) ?? null,
      meta: (typeof e.meta === 'string' ? JSON.parse(e.meta) : e.meta) as Record<string, unknown>,
      items: itemsBy.get(e.id as string) ?? [],
    })),
  }));
}

/** The newest shipped version of one framework. */
export async function shipped(q: Queryable, key: string): Promise<Framework | undefined> {
  const [f] = await loadFrameworks(q, { keys: [key] });
  return f;
}

export async function insertOwnFramework(q: Queryable, f: {
  partnershipId: string; regionId: string; key: string; kind: string; nameNl: string; nameEn: string;
  elements: { code: string; nameNl: string; nameEn: string; items: { code: string; textNl: string; textEn: string; plainNl?: string; plainEn?: string }[] }[];
}): Promise<string> {
  const [v] = await q.query<{ next: number }>(
    `SELECT coalesce(max(version), 0) + 1 AS next FROM partnership_frameworks WHERE partnership_id = $1 AND key = $2`, [f.partnershipId, f.key]);
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO partnership_frameworks (key, version, kind, name_nl, name_en, source, partnership_id, region_id)
     VALUES ($1,$2,$3,$4,$5,'own',$6,$7) RETURNING id`,
    [f.key, v!.next, f.kind, f.nameNl, f.nameEn, f.partnershipId, f.regionId]);
  for (const [ei, e] of f.elements.entries()) {
    const [el] = await q.query<{ id: string }>(
      `INSERT INTO partnership_framework_elements (framework_id, position, code, name_nl, name_en) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
      [row!.id, ei + 1, e.code, e.nameNl, e.nameEn]);
    for (const [ii, i] of e.items.entries()) {
      await q.query(`INSERT INTO partnership_framework_items (element_id, position, code, text_nl, text_en, plain_nl, plain_en) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [el!.id, ii + 1, i.code, i.textNl, i.textEn, i.plainNl ?? null, i.plainEn ?? null]);
    }
  }
  return row!.id;
}
