/**
 * Worklist pages this process computed, handed out again while the region's leerplicht list
 * version (migration 0011) is unchanged. The caller reads the version first in its own statement;
 * a page is only returned for exactly that version. A page computed after a newer change may be
 * stored under the version read before it: it is newer than that version promised, never older.
 *
 * What is kept is what a page says for every reader (counts, and each case's facts for today
 * under the region's settings), not the answer: what an actor may do with a case is worked out
 * per request. Every read is still audited per request.
 * At most MAX_PAGES pages are kept (least recently used go first; ~30 kB each).
 */
import type { Db } from '../../core/db.ts';

const MAX_PAGES = 200;

export class WorklistCache<T> {
  private readonly pages = new Map<string, { version: string; page: T }>();

  constructor(private readonly max = MAX_PAGES) {}

  get(key: string, version: string): T | undefined {
    const hit = this.pages.get(key);
    if (!hit) return undefined;
    this.pages.delete(key);
    if (hit.version !== version) return undefined;
    this.pages.set(key, hit); // most recently used last
    return hit.page;
  }

  set(key: string, version: string, page: T): void {
    this.pages.delete(key);
    this.pages.set(key, { version, page: Object.freeze(page) });
    while (this.pages.size > this.max) this.pages.delete(this.pages.keys().next().value!);
  }
}

const byDb = new WeakMap<Db, WorklistCache<unknown>>();

/** The cache of one database (tests open several in one process). */
export function worklistCache<T>(db: Db): WorklistCache<T> {
  let c = byDb.get(db);
  if (!c) byDb.set(db, (c = new WorklistCache()));
  return c as WorklistCache<T>;
}
