/**
 * Is the young person someone registers already known in the region? The BSN decides when both
 * have one; otherwise the same names and date of birth, or a near match: the same date of birth
 * with names that differ by a typo, an accent, a space or a hyphen, or day and month swapped.
 * A near match is treated as the same person: the lead (or the family) sees the request and can
 * refuse it. Registering a second record for a known child would split its network in two.
 */
import type { Queryable } from '../../core/db.ts';
import type { IsoDate } from '../../../shared/dates.ts';

/** Lower case, no accents, no spaces, hyphens or apostrophes: "Van den Berg-Öz" → "vandenbergoz". */
export function normaliseName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Damerau–Levenshtein distance (optimal string alignment), small strings only. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Same names, or one the same and the other within one typo (two for names of eight letters or more). */
export function namesMatch(a: { givenName: string; familyName: string }, b: { givenName: string; familyName: string }): boolean {
  const g = [normaliseName(a.givenName), normaliseName(b.givenName)] as const;
  const f = [normaliseName(a.familyName), normaliseName(b.familyName)] as const;
  const close = (x: string, y: string) => editDistance(x, y) <= (Math.max(x.length, y.length) >= 8 ? 2 : 1);
  return (g[0] === g[1] && close(f[0], f[1])) || (f[0] === f[1] && close(g[0], g[1]));
}

/** The birth date with day and month swapped, when that is a date too. */
function swapped(d: IsoDate): IsoDate | null {
  const [y, m, day] = d.split('-');
  if (!y || !m || !day || m === day || Number(day) > 12) return null;
  return `${y}-${day}-${m}`;
}

/** The id of the known young person this registration names, or null. */
export async function findExisting(
  q: Queryable, regionId: string, p: { bsn: string | null; givenName: string; familyName: string; birthDate: IsoDate },
): Promise<string | null> {
  if (p.bsn) {
    const [byBsn] = await q.query<{ id: string }>(`SELECT id FROM young_people WHERE region_id = $1 AND bsn = $2 LIMIT 1`, [regionId, p.bsn]);
    if (byBsn) return byBsn.id;
  }
  const dates = [p.birthDate, swapped(p.birthDate)].filter((d): d is string => d !== null);
  const candidates = await q.query<{ id: string; given_name: string; family_name: string; bsn: string | null }>(
    `SELECT id, given_name, family_name, bsn FROM young_people WHERE region_id = $1 AND birth_date = ANY($2::date[]) ORDER BY created_at, id LIMIT 500`,
    [regionId, dates]);
  // Two different BSNs are two different people, whatever their names.
  const match = candidates.find((c) => !(p.bsn && c.bsn && c.bsn !== p.bsn) && namesMatch(p, { givenName: c.given_name, familyName: c.family_name }));
  return match?.id ?? null;
}
