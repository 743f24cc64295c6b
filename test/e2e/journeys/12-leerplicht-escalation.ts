/**
 * Journey 5 (leerplicht): the leerplicht officer sees the thuiszitter worklist most
 * urgent first, escalates the case at step 2 to doorzettingsmacht and records a partial
 * offer; the holder of doorzettingsmacht (gemeente) finds the case on her worklist and
 * records a binding decision; the SWV coordinator downloads the anonymised Inspectie
 * report (CSV, no names).
 */
import { apiGet, expect, login, type JourneyContext } from '../support.ts';

export const name = 'leerplicht: urgent worklist, escalation to doorzettingsmacht, a binding decision and the Inspectie report';

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const URGENCY: Record<string, number> = { red: 0, warning: 1, ok: 2, stopped: 3 };

interface Case { id: string; name: string; clock: string; exempted: boolean; escalation: { rung: number; rungKey: string } | null }

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  const register = await apiGet<{ items: Case[] }>(baseUrl, 'leerplicht', '/api/v1/leerplicht/worklist?includeClosed=true');
  const atStep2 = register.items.find((c) => c.escalation?.rungKey === 'swv_case_consultant');
  expect(atStep2, 'the demo has a case at step 2 of the ladder');
  const young = register.items.find((c) => c.clock === 'ok' && !c.exempted);
  expect(young, 'the demo has a case whose clock just started');

  // The leerplicht officer: the worklist in the server's order, most urgent first.
  await login(page, baseUrl, 'leerplicht');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werklijst' }).click();
  await page.getByRole('heading', { level: 1, name: 'Werklijst thuiszitters' }).waitFor();
  const table = page.locator('table.rondom-thuiszitters');
  await table.waitFor();
  await page.getByText(/^Vrijgesteld, niet meegeteld: \d+ jongeren?\.$/).waitFor();
  const clocks = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => ({
    clock: r.getAttribute('data-clock') ?? '',
    text: (r.querySelector('.rondom-clock')?.textContent ?? '').trim(),
  })));
  expect(clocks.length >= 4, `the worklist has several cases (got ${clocks.length})`);
  expect(clocks[0]!.clock === 'red' && /^Rood/.test(clocks[0]!.text), `the first row is red, in words (got ${clocks[0]!.clock} "${clocks[0]!.text}")`);
  const firstWarning = clocks.findIndex((c) => c.clock === 'warning');
  expect(firstWarning > 0 && clocks.slice(0, firstWarning).every((c) => c.clock === 'red'), 'the first rows are red, then warning');
  expect(clocks[firstWarning]!.text === 'Waarschuwing', `a warning says so in words (got "${clocks[firstWarning]!.text}")`);
  for (let i = 1; i < clocks.length; i++) {
    expect(URGENCY[clocks[i - 1]!.clock]! <= URGENCY[clocks[i]!.clock]!, `row ${i + 1} is not less urgent than row ${i}`);
  }
  await ctx.axe(page, 'leerplicht worklist');

  // Escalate the case at step 2: it reaches doorzettingsmacht.
  const row = table.locator('tbody tr', { hasText: 'Stap 2: Casusconsulent SWV' }).first();
  await row.getByRole('link', { name: atStep2.name }).click();
  await page.getByRole('heading', { level: 1, name: `Verzuim van ${atStep2.name}` }).waitFor();
  await page.getByText(/^Stap 2: Casusconsulent SWV/).waitFor();
  const escalate = page.getByRole('region', { name: 'Escaleren naar de volgende stap' });
  await escalate.getByRole('button', { name: 'Escaleren' }).click();
  await escalate.getByText('Schrijf minstens 10 tekens.').waitFor();
  // Step 2 still has time to act: passing it early needs its own reason (issue 21.4).
  await escalate.getByText('Schrijf minstens 20 tekens.').waitFor();
  await escalate.getByLabel('Waarom escaleert u?').fill('Casusconsulent en school blijven het oneens over de plek; er moet nu besloten worden.');
  await escalate.getByLabel('Waarom kan deze stap niet wachten?').fill('De jongere zit al vier maanden thuis; twee weken wachten helpt niemand.');
  await escalate.getByRole('button', { name: 'Escaleren' }).click();
  await page.getByText('De casus is geëscaleerd naar: Doorzettingsmacht.').waitFor();
  await page.getByText(/^Stap 3: Doorzettingsmacht/).waitFor();
  expect(await page.getByRole('region', { name: 'Escaleren naar de volgende stap' }).count() === 0, 'no further step after doorzettingsmacht');

  // Record a partial offer (PATCH with If-Match): the clock keeps running.
  const offer = page.getByRole('region', { name: 'Aanbod vastleggen' });
  await offer.getByLabel('Soort aanbod').selectOption({ label: 'Zorg' });
  await offer.getByLabel('Omvang').selectOption({ label: 'gedeeltelijk' });
  await offer.getByLabel('Uren per week').fill('4');
  await offer.getByRole('button', { name: 'Opslaan' }).click();
  await offer.getByText('Vul in wanneer het aanbod start.').waitFor();
  await offer.getByLabel('Aanbod gestart op').fill(isoIn(0));
  await offer.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByText('Het aanbod is opgeslagen.').waitFor();
  await page.getByText(/^Zorg, gedeeltelijk \(4 uur per week\)/).waitFor();
  await page.locator('.rondom-clock--red').first().waitFor();
  await ctx.axe(page, 'case after escalation');

  // A 5a exemption: registered with an independent statement, it waits for a second reviewer.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vrijstellingen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Vrijstellingen' }).waitFor();
  const reg = page.getByRole('region', { name: 'Vrijstelling registreren' });
  await reg.getByLabel('Jongere').selectOption({ label: young.name });
  await reg.getByLabel('Artikel').selectOption({ label: '5 onder a (lichamelijk of psychisch niet geschikt)' });
  await reg.getByRole('button', { name: 'Vrijstelling registreren' }).click();
  await reg.getByText('Vul dit in.').waitFor();
  await reg.getByLabel('Naam van de deskundige').fill('Drs. B. Onafhankelijk, orthopedagoog');
  await reg.getByLabel('Deskundige is', { exact: true }).selectOption({ label: '(ortho)pedagoog' });
  await reg.getByLabel('Datum van de verklaring').fill(isoIn(-7));
  await reg.getByRole('button', { name: 'Vrijstelling registreren' }).click();
  await page.getByText(`De vrijstelling van ${young.name} is geregistreerd en wacht op een tweede beoordelaar.`).waitFor();
  await page.getByRole('row', { name: new RegExp(young.name) }).getByText('Wacht op tweede beoordelaar').waitFor();
  await ctx.axe(page, 'exemption waiting for review');

  // The holder of doorzettingsmacht sees the case on her worklist and decides.
  const gemeente = await ctx.newPage();
  await login(gemeente, baseUrl, 'gemeente');
  const gTable = gemeente.locator('table.rondom-thuiszitters');
  const gRow = gTable.locator('tbody tr', { hasText: atStep2.name });
  await gRow.getByText(/^Stap 3: Doorzettingsmacht/).waitFor();
  await gRow.getByRole('link', { name: atStep2.name }).click();
  await gemeente.getByRole('heading', { level: 1, name: `Verzuim van ${atStep2.name}` }).waitFor();
  const decision = gemeente.getByRole('region', { name: 'Besluit doorzettingsmacht' });
  expect(await gemeente.getByRole('region', { name: 'Aanbod vastleggen' }).count() === 0, 'the gemeente does not edit the offer');
  const place = 'Plusklas op het Rondeel College, drie dagen per week met begeleiding';
  await decision.getByLabel('Plaats of aanbod').fill(place);
  await decision.getByLabel('Wie biedt het aan?').selectOption({ label: 'Jeugdhulp De Brug (Jeugdhulp)' });
  await decision.getByLabel('Wie betaalt?').selectOption({ label: 'Gemeente Rondeel (Gemeente)' });
  await decision.getByLabel('Uiterlijk gestart op').fill(isoIn(14));
  await decision.getByLabel('Onderbouwing').fill('Partijen komen er samen niet uit; deze plek past bij wat de jongere nodig heeft.');
  await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await gemeente.getByText('Het besluit is vastgelegd en staat als acties in het plan.').waitFor();
  await gemeente.getByText(new RegExp(`^${place} — aanbieder Jeugdhulp De Brug, betaald door Gemeente Rondeel`)).waitFor();
  await ctx.axe(gemeente, 'decision recorded');

  // The SWV coordinator downloads the Inspectie report: anonymous CSV.
  const swv = await ctx.newPage();
  await login(swv, baseUrl, 'swv');
  await swv.getByRole('heading', { level: 2, name: 'Inspectie-rapportage' }).waitFor();
  // She is the second reviewer of the 5a exemption.
  await swv.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vrijstellingen' }).click();
  const review = swv.getByRole('region', { name: `Tweede beoordeling: ${young.name}` });
  await review.getByLabel('Uw oordeel').selectOption({ label: 'Bevestigen' });
  await review.getByLabel(/^Onderbouwing/).fill('De verklaring is onafhankelijk en onderbouwd; onderwijs is nu niet mogelijk.');
  await review.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  await swv.getByText(`De vrijstelling van ${young.name} is bevestigd.`).waitFor();
  await swv.getByRole('row', { name: new RegExp(young.name) }).getByText('Bevestigd', { exact: true }).waitFor();
  await swv.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start' }).click();
  await swv.getByText(/^Vrijgesteld, niet meegeteld: [1-9]\d* jongeren?\.$/).waitFor();
  const link = swv.getByRole('link', { name: /^Download SWV PO Rondeel e\.o\. \d{4}-Q[1-4] als CSV$/ });
  const [download] = await Promise.all([swv.waitForEvent('download', { timeout: 15_000 }), link.click()]);
  expect(/^thuiszitters-\d{4}-Q[1-4]\.csv$/.test(download.suggestedFilename()), `the file is named per quarter (got ${download.suggestedFilename()})`);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  const csv = Buffer.concat(chunks).toString('utf8');
  const lines = csv.split(/\r?\n/);
  expect(lines.includes('nr;leeftijd;schooltype;soort;reden;duur;status'), `the CSV has the register header row (got ${lines.slice(0, 3).join(' | ')})`);
  expect(lines.filter((l) => /^\d+;/.test(l)).length > 0, 'the register has rows');
  for (const c of register.items) {
    for (const part of c.name.split(' ')) expect(!csv.includes(part), `the report contains no names (found "${part}")`);
  }
  await ctx.axe(swv, 'swv home with the report');
}
