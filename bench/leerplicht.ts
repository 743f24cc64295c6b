/**
 * Scenarios (d) and (e): the leerplicht thuiszitter worklist for a gemeente and the Inspectie
 * quarterly export for an SWV. They run only when the server has the routes (checked in its
 * OpenAPI document) and a probe request succeeds; otherwise they are reported as skipped.
 */
import type { Db } from '../server/core/db.ts';
import { createLeerplichtService } from '../server/modules/leerplicht/leerplicht.service.ts';
import { createInspectieReport } from '../server/modules/leerplicht/inspectie.report.ts';
import { actorFor, type Fixtures, type RawDef, type ScenarioDef, type Session } from './scenarios.ts';

const cookie = (s: Session) => ({ cookie: `rondom_session=${s.token}` });

async function probe(port: number, path: string, s: Session | undefined): Promise<number> {
  if (!s) return 0;
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: cookie(s) });
  await res.arrayBuffer();
  return res.status;
}

export function leerplichtScenarios(f: Fixtures, connections: number): ScenarioDef[] {
  let di = 0, ei = 0;
  // Officers of a gemeente's leerplicht team ask for their own gemeente; the k-th team serves gemeente k.
  const dPairs = f.leerplicht.map((s, i) => ({ session: s, gemeenteId: s.areaId ?? f.gemeenteIds[i % f.gemeenteIds.length]! }));
  // SWV coordinators ask for their own samenwerkingsverband's report.
  let ePairs = f.swvStaff.filter((s) => s.orgType === 'swv').map((s) => ({ session: s, swvId: s.orgId }));
  const quarter = (() => {
    const d = new Date();
    return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
  })();
  return [
    {
      id: 'd', label: '(d) thuiszitter worklist', connections, target: { p99: 100 }, routePath: '/api/v1/leerplicht/worklist',
      prepare: async (port) => {
        // The officer's own gemeente may be inferred by the route; find a pairing that answers 200.
        for (const p of dPairs.slice(0, 40)) {
          const st = await probe(port, `/api/v1/leerplicht/worklist?gemeenteId=${p.gemeenteId}`, p.session);
          if (st === 200) return null;
        }
        return `probe answered ${await probe(port, `/api/v1/leerplicht/worklist?gemeenteId=${dPairs[0]?.gemeenteId}`, dPairs[0]?.session)}`;
      },
      raw: (db: Db): RawDef => ({
        concurrency: connections,
        op: async (i) => {
          const p = dPairs[i % dPairs.length]!;
          await createLeerplichtService(db).worklist(await actorFor(db, p.session.token), { gemeenteId: p.gemeenteId });
          return 'ok';
        },
      }),
      api: { method: 'GET', next: () => { const p = dPairs[di++ % dPairs.length]!; return { path: `/api/v1/leerplicht/worklist?gemeenteId=${p.gemeenteId}`, headers: cookie(p.session) }; } },
    },
    {
      id: 'e', label: '(e) Inspectie export (csv)', connections: Math.min(4, connections), target: { max: 2000 }, routePath: '/api/v1/leerplicht/inspectie-report',
      prepare: async (port) => {
        let st = 0;
        for (const p of ePairs) {
          st = await probe(port, `/api/v1/leerplicht/inspectie-report?swvId=${p.swvId}&quarter=${quarter}&format=csv`, p.session);
          if (st === 200) return null;
        }
        // Maybe the SWV is named by its area, or the coordinator must be a municipality's.
        const alt = f.swvStaff.flatMap((s) => f.swvAreaIds.concat(f.swvOrgIds).map((id) => ({ session: s, swvId: id })));
        for (const p of alt.slice(0, 60)) {
          st = await probe(port, `/api/v1/leerplicht/inspectie-report?swvId=${p.swvId}&quarter=${quarter}&format=csv`, p.session);
          if (st === 200) {
            ePairs = alt.filter((x) => x.swvId === p.swvId && x.session.orgType === p.session.orgType);
            return null;
          }
        }
        return `probe answered ${st}`;
      },
      raw: (db: Db): RawDef => ({
        concurrency: Math.min(4, connections),
        op: async (i) => {
          const p = ePairs[i % ePairs.length]!;
          const report = createInspectieReport(db);
          report.csv(await report.build(await actorFor(db, p.session.token), p.swvId, quarter));
          return 'ok';
        },
      }),
      api: { method: 'GET', next: () => { const p = ePairs[ei++ % ePairs.length]!; return { path: `/api/v1/leerplicht/inspectie-report?swvId=${p.swvId}&quarter=${quarter}&format=csv`, headers: cookie(p.session) }; } },
    },
  ];
}
