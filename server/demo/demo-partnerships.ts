/** Demo partnership data: filled in by the partnerships module. */
import type { Db } from '../core/db.ts';
import type { DemoIds } from './demo.ts';

export async function extendDemoPartnerships(_db: Db, _ids: DemoIds, _today: Date): Promise<void> {}
