/**
 * The quarterly thuiszitter registration for the Inspectie van het Onderwijs, per SWV:
 * a running, anonymised register (no names, BSN or dates of birth; rows of children no
 * longer at home stay in it) and a summary with counts per duration band.
 *
 * - Durations are counted to the last day of a closed quarter, and to the day of the report for
 *   the running quarter (a child who started today is "< 4 weken", not "4 weken – 3 maanden"
 *   because the quarter ends later). A quarter that has not started is refused.
 * - Reasons and kinds are in the Inspectie's Dutch words (REDENEN), never our codes.
 * - A cell of one child: the register goes only to the Inspectie, through leerplicht and the
 *   child's own SWV (who hold the legal task); its rows have no name, date or BSN, as the
 *   Inspectie asks. The summary that may be shared beyond them (`audience=shared`, for partners and
 *   the monitor) shows every count from 1 to 4 as "< 5" and, when a row has one such cell, hides
 *   the next smallest one too, so no child can be singled out by subtracting from the total.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Db } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendReadAudit, userChain } from '../../core/audit.ts';
import type { Actor } from '../../core/session.ts';
import { ageOn, today } from '../../../shared/dates.ts';
import { leerplichtPolicy } from './leerplicht.policy.ts';
import { clockOf, loadSettings } from './leerplicht.service.ts';

export const BANDS = ['< 4 weken', '4 weken – 3 maanden', '> 3 maanden'] as const;

/** The reason categories in the Inspectie's words (its thuiszittersregistratie form), by our code. */
export const REDENEN: Record<string, string> = {
  illness: 'lichamelijke problematiek of ziekte',
  psychological: 'psychische problematiek',
  behaviour: 'gedragsproblematiek',
  no_suitable_place: 'geen passend onderwijsaanbod beschikbaar',
  waiting_list: 'wachtlijst (onderwijs of zorg)',
  school_refusal: 'schoolweigering of schoolangst',
  conflict_with_school: 'conflict tussen ouders en school',
  family_circumstances: 'thuissituatie of gezinsomstandigheden',
  other: 'overig',
};

/** Small cells hidden for a summary shared beyond the Inspectie (see above). */
export const SMALL_CELL = 5;
export function suppressSmallCells<T extends Record<string, string | number>>(row: T, cells: readonly (keyof T)[]): Record<string, string | number> {
  const out: Record<string, string | number> = { ...row };
  const small = (n: number) => n > 0 && n < SMALL_CELL;
  const hidden = cells.filter((c) => small(Number(row[c])));
  if (hidden.length === 1) {
    // One hidden cell could be worked out from the total: hide the next smallest non-zero one too.
    const next = cells.filter((c) => !hidden.includes(c) && Number(row[c]) > 0).sort((a, b) => Number(row[a]) - Number(row[b]))[0];
    if (next) hidden.push(next);
  }
  for (const c of hidden) out[c as string] = `< ${SMALL_CELL}`;
  if (small(Number(row.totaal))) out.totaal = `< ${SMALL_CELL}`;
  return out;
}

export function quarterBounds(quarter: string): { start: string; end: string } {
  const [y, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
  return { start: `${y}-${String(startMonth).padStart(2, '0')}-01`, end: `${y}-${String(endMonth).padStart(2, '0')}-${lastDay}` };
}

export function durationBand(days: number, startedOn: string, stop: string): (typeof BANDS)[number] {
  if (days < 28) return BANDS[0];
  const threeMonths = new Date(startedOn);
  threeMonths.setUTCMonth(threeMonths.getUTCMonth() + 3);
  return threeMonths.toISOString().slice(0, 10) <= stop ? BANDS[2] : BANDS[1];
}

const dutchDate = (iso: string) => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

export interface ReportRow {
  nr: number; leeftijd: number; schooltype: string; soort: string; reden: string; duur: string; status: string;
}

export function createInspectieReport(db: Db, clock: () => Date = () => new Date()) {
  async function build(actor: Actor, swvId: string, quarter: string, audience: 'inspectie' | 'shared' = 'inspectie') {
    if (!leerplichtPolicy.report(actor, swvId)) throw new AppError('not_found');
    const [swv] = await db.query<{ name: string }>(`SELECT name FROM organisations WHERE id = $1 AND type = 'swv' AND region_id = $2`, [swvId, actor.regionId]);
    if (!swv) throw new AppError('not_found');
    const bounds = quarterBounds(quarter);
    const on = today(clock());
    if (bounds.start > on) {
      throw new AppError('unprocessable', { en: 'This quarter has not started yet.', nl: 'Dit kwartaal is nog niet begonnen.', fields: { quarter: 'not started yet' } });
    }
    // A closed quarter as it stood on its last day; the running one as it stands today.
    const end = bounds.end < on ? bounds.end : on;
    const settings = await loadSettings(db, actor.regionId);
    const rows = await db.query<{
      id: string; birth_date: string; school_type: string | null; kind: string; reason_category: string; started_on: string; ended_on: string | null;
      offer_extent: string; offer_started_on: string | null; outcome: string | null; exempted: boolean;
    }>(
      `SELECT a.id, y.birth_date, s.school_type, a.kind, a.reason_category, a.started_on, a.ended_on, a.offer_extent, a.offer_started_on, a.outcome,
              EXISTS (SELECT 1 FROM exemptions x WHERE x.region_id = $3 AND x.region_id = a.region_id AND x.young_person_id = a.young_person_id
                        AND x.status = 'confirmed' AND x.valid_from <= $2::date AND x.valid_until >= $2::date) AS exempted
         FROM absences a JOIN young_people y ON y.region_id = a.region_id AND y.id = a.young_person_id LEFT JOIN organisations s ON s.id = a.school_id
        WHERE a.region_id = $3 AND a.swv_id = $1 AND a.started_on <= $2::date
        ORDER BY a.started_on, a.id`,
      [swvId, end, actor.regionId]);
    const register: ReportRow[] = [];
    for (const r of rows) {
      // As it stood at the end of the quarter.
      const endedBy = r.ended_on && r.ended_on <= end ? r.ended_on : null;
      const offerBy = r.offer_started_on && r.offer_started_on <= end ? r.offer_started_on : null;
      const c = clockOf({ started_on: r.started_on, ended_on: endedBy, offer_extent: offerBy ? r.offer_extent : 'none', offer_started_on: offerBy }, settings, end);
      // Only thuiszitters: absolute absence, or relative absence longer than 4 weeks.
      if (r.kind === 'relative' && c.days <= 28 && !r.exempted) continue;
      const stop = [end, endedBy, r.offer_extent === 'full' ? offerBy : null].filter((d): d is string => Boolean(d)).sort()[0]!;
      const status = r.exempted || r.outcome === 'exemption' ? 'vrijstelling'
        : endedBy && r.outcome === 'back_at_school' ? 'terug op school'
        : endedBy || (r.offer_extent === 'full' && offerBy) ? 'ander aanbod'
        : 'thuis';
      register.push({
        nr: register.length + 1, leeftijd: Math.max(0, ageOn(r.birth_date, end)), schooltype: r.school_type ?? 'niet ingeschreven',
        soort: r.kind === 'absolute' ? 'absoluut verzuim' : 'langdurig relatief verzuim', reden: REDENEN[r.reason_category] ?? REDENEN.other!,
        duur: durationBand(c.days, r.started_on, stop), status,
      });
    }
    const counts = BANDS.map((band) => ({
      duur: band,
      totaal: register.filter((x) => x.duur === band).length,
      thuis: register.filter((x) => x.duur === band && x.status === 'thuis').length,
      'terug op school': register.filter((x) => x.duur === band && x.status === 'terug op school').length,
      'ander aanbod': register.filter((x) => x.duur === band && x.status === 'ander aanbod').length,
      vrijstelling: register.filter((x) => x.duur === band && x.status === 'vrijstelling').length,
    }));
    const shared = audience === 'shared';
    const summary: Record<string, string | number>[] = shared
      ? counts.map((c) => suppressSmallCells(c, ['thuis', 'terug op school', 'ander aanbod', 'vrijstelling']))
      : counts;
    await appendReadAudit(db, {
      chainKey: userChain(actor.userId), kind: 'report.exported', regionId: actor.regionId, actorUserId: actor.userId, subjectType: 'inspectie_report',
      subjectId: swvId, basis: 'legal_task', details: { quarter, rows: register.length, audience, countedTo: end },
    });
    // The shared summary carries no register: the rows are for the Inspectie only.
    return { swv: swv.name, quarter, countedTo: end, register: shared ? [] : register, summary };
  }

  return {
    build,
    csv(report: Awaited<ReturnType<typeof build>>): string {
      const reg = stringify(report.register, { header: true, columns: ['nr', 'leeftijd', 'schooltype', 'soort', 'reden', 'duur', 'status'], delimiter: ';' });
      const sum = stringify(report.summary, { header: true, delimiter: ';' });
      const head = `# Thuiszittersregistratie ${report.swv} ${report.quarter} (geteld tot en met ${dutchDate(report.countedTo)})`;
      return report.register.length > 0 ? `${head}\n${reg}\n# Samenvatting\n${sum}` : `${head}\n# Samenvatting\n${sum}`;
    },
    async xlsx(report: Awaited<ReturnType<typeof build>>): Promise<Buffer> {
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Rondom';
      const reg = wb.addWorksheet('Register');
      reg.columns = ['nr', 'leeftijd', 'schooltype', 'soort', 'reden', 'duur', 'status'].map((k) => ({ header: k, key: k, width: 22 }));
      reg.addRows(report.register);
      const sum = wb.addWorksheet('Samenvatting');
      sum.columns = Object.keys(report.summary[0]!).map((k) => ({ header: k, key: k, width: 22 }));
      sum.addRows(report.summary);
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}
