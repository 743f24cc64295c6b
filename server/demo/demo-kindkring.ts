/** Demo networks, plans, meetings and matches: filled in by the Kindkring module. */
import type { Db } from '../core/db.ts';
import type { DemoIds } from './demo.ts';

export async function extendDemo(_db: Db, _ids: DemoIds, _today: Date): Promise<void> {}
