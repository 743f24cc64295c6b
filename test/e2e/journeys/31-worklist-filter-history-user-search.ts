/**
 * Journey 31 (issue 18): the leerplicht officer filters the worklist by school and overdue, the
 * filter stays in the URL over a reload, sorts it (longest at home first), opens a case and reads
 * its history (who did what, when); back on the list the filter is still there. A platform admin
 * on a phone (360 px) searches the 260 users by name and pages through them. Screen readers hear
 * each result count (a live region); axe at every state.
 */
import { apiGet, expect, login, type JourneyContext } from '../support.ts';

export const name = 'leerplicht officer filters and sorts the worklist and reads a case history; an admin searches a user on a phone';

interface Case { id: string; name: string; school: string | null; startedOn: string; exempted: boolean; endedOn: string | null; escalation: { overdue: boolean } | null }

const found = (n: number) => (n === 1 ? '1 jongere gevonden.' : `${n} jongeren gevonden.`);

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  // The open register, to know what the filters must give (counted here, not by the server).
  const register = await apiGet<{ items: Case[] }>(baseUrl, 'leerplicht', '/api/v1/leerplicht/worklist?limit=500');
  const bySchool = new Map<string, Case[]>();
  for (const c of register.items) if (c.school) bySchool.set(c.school, [...(bySchool.get(c.school) ?? []), c]);
  const [school, cases] = [...bySchool.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
  expect(cases.length >= 2, `the demo has a school with several open cases (got ${cases.length} at ${school})`);
  const overdue = cases.filter((c) => c.escalation?.overdue).length;

  await login(page, baseUrl, 'leerplicht');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werklijst' }).click();
  await page.getByRole('heading', { level: 1, name: 'Werklijst thuiszitters' }).waitFor();
  const filter = page.getByRole('search', { name: 'Zoeken en filteren' });
  const status = page.locator('.rondom-worklist-status');
  await status.getByText(/jongeren? op de werklijst\.$/).waitFor();
  expect(await status.getAttribute('aria-live') === 'polite', 'the result count is a live region');

  // School and overdue.
  await filter.getByLabel('School', { exact: true }).selectOption({ label: school });
  await filter.getByLabel('Alleen als de termijn van de stap verlopen is').check();
  await filter.getByRole('button', { name: 'Toon resultaten' }).click();
  await status.getByText(found(overdue), { exact: true }).waitFor();
  const url = new URL(page.url());
  expect(url.searchParams.get('overdue') === 'true' && url.searchParams.get('schoolId'), `the filter is in the URL (got ${url.search})`);
  const table = page.locator('table.rondom-thuiszitters');
  if (overdue === 0) await page.getByText('Geen jongeren gevonden. Kies andere filters of wis ze.').waitFor();
  else expect(await table.locator('tbody tr').count() === overdue, `one row per overdue case of ${school}`);
  await ctx.axe(page, 'worklist filtered by school and overdue');

  // A reload keeps the filter.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await status.getByText(found(overdue), { exact: true }).waitFor();
  expect(await filter.getByLabel('Alleen als de termijn van de stap verlopen is').isChecked(), 'after a reload the overdue box is still ticked');
  const chosen = await filter.getByLabel('School', { exact: true }).evaluate((el) => { const s = el as HTMLSelectElement; return s.options[s.selectedIndex]?.text ?? ''; });
  expect(chosen === school, `after a reload the school is still chosen (got "${chosen}")`);

  // All the school's cases, longest at home first.
  await filter.getByLabel('Alleen als de termijn van de stap verlopen is').uncheck();
  await filter.getByLabel('Sorteren').selectOption({ label: 'Langst thuis eerst' });
  await filter.getByRole('button', { name: 'Toon resultaten' }).click();
  await status.getByText(found(cases.length), { exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Werklijst, langst thuis eerst' }).waitFor();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    name: (tr.querySelector('th a')?.textContent ?? '').trim(), school: (tr.querySelectorAll('td')[1]?.textContent ?? '').trim(),
  })));
  expect(rows.length === cases.length && rows.every((r) => r.school === school), `only ${school}'s cases are listed (got ${JSON.stringify(rows)})`);
  const oldest = [...cases].sort((a, b) => a.startedOn.localeCompare(b.startedOn))[0]!;
  expect(rows[0]!.name === oldest.name, `the longest at home comes first (want ${oldest.name}, got ${rows[0]!.name})`);
  await ctx.axe(page, 'worklist sorted, longest at home first');

  // The case and its history.
  await table.getByRole('link', { name: oldest.name }).click();
  await page.getByRole('heading', { level: 1, name: `Verzuim van ${oldest.name}` }).waitFor();
  const history = page.getByRole('region', { name: 'Geschiedenis van dit verzuim' });
  await history.getByText(/Verzuim geregistreerd: .+ — door Lars Leerplicht$/).waitFor();
  const lines = await history.locator('li').allTextContents();
  expect(lines.length >= 1 && lines.every((l) => / — door /.test(l)), `each history line says who (got ${JSON.stringify(lines)})`);
  expect(/Verzuim geregistreerd/.test(lines[lines.length - 1]!), 'the registration is the oldest line, at the end');
  await ctx.axe(page, 'case with its history');

  // Back to the list: the filter and order are still there.
  await page.goBack();
  await status.getByText(found(cases.length), { exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Werklijst, langst thuis eerst' }).waitFor();
  // Clearing the filters: the whole list again, and focus on the first field (not the page body).
  await filter.getByRole('button', { name: 'Wis alle filters' }).click();
  await status.getByText(/jongeren? op de werklijst\.$/).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Werklijst, meest dringend eerst' }).waitFor();
  const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
  expect(focused === 'q', `after clearing, focus is on the name search (got "${focused}")`);
  expect(new URL(page.url()).search === '', `the URL has no filter left (got ${new URL(page.url()).search})`);

  // The platform admin on a phone: 260 users, found by name, paged.
  const phone = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(phone, baseUrl, 'admin');
  await phone.goto(`${baseUrl}/admin/users`, { waitUntil: 'domcontentloaded' });
  await phone.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
  const userStatus = phone.locator('.rondom-results-status');
  const all = Number((await userStatus.getByText(/^\d+ gebruikers gevonden\.$/).textContent())!.match(/^\d+/)![0]);
  expect(all >= 200, `the demo has a few hundred users (got ${all})`);
  await phone.getByText(`Pagina 1 van ${Math.ceil(all / 25)}`).waitFor();
  await phone.getByRole('button', { name: 'Volgende pagina' }).click();
  await phone.getByText(`Pagina 2 van ${Math.ceil(all / 25)}`).waitFor();
  const search = phone.getByRole('search', { name: 'Gebruikers zoeken' });
  await search.getByLabel('Zoek op naam of e-mailadres').fill('leerplicht@demo');
  await search.getByLabel('Zoek op naam of e-mailadres').press('Enter');
  await userStatus.getByText('1 gebruiker gevonden.', { exact: true }).waitFor();
  await phone.getByRole('cell', { name: 'Lars Leerplicht', exact: true }).waitFor();
  expect(new URL(phone.url()).searchParams.get('page') === null, 'a new search starts at the first page');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the user search scrolls sideways at 360 px (${overflow} px too wide)`);
  await ctx.axe(phone, 'admin user search at 360 px');

  // A role filter on its own: the region's leerplicht officers.
  await search.getByLabel('Zoek op naam of e-mailadres').fill('');
  await search.getByLabel('Rol').selectOption({ label: 'Leerplichtambtenaar' });
  await search.getByRole('button', { name: 'Zoeken' }).click();
  await phone.getByRole('cell', { name: 'Lars Leerplicht', exact: true }).waitFor();
  await userStatus.getByText(/^\d+ gebruikers? gevonden\.$/).waitFor();
  await ctx.axe(phone, 'admin user search by role');
}
