/**
 * Break-the-glass judged unjustified: Jasper Jeugdhulp (not in Lotte's network) opens
 * Lotte Vlinderhof's file in an emergency, naming the kind of emergency. The lead (Wim
 * Wijkteam) reviews it on a phone in Meldingen with a note and judges it "Onterecht":
 * the screen says the access ended at once. Jasper's next open of Lotte's plan is refused,
 * and a new emergency access is refused with the server's reason.
 */
import { apiGet, expect, login, type JourneyContext } from '../support.ts';

export const name = 'break-the-glass judged unjustified ends the access at once';

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  const kids = await apiGet<{ items: { givenName: string; familyName: string; birthDate: string }[] }>(baseUrl, 'ouder', '/api/v1/children');
  const lotte = kids.items.find((c) => c.givenName === 'Lotte');
  if (!lotte) throw new Error('the demo parent has no child Lotte');
  const reason = 'Lotte is vannacht niet thuisgekomen; de politie vraagt wie haar hulpverleners zijn.';

  const breakGlass = async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Noodtoegang' }).click();
    await page.getByRole('heading', { level: 1, name: 'Noodtoegang' }).waitFor();
    await page.getByLabel('Voornaam').fill(lotte.givenName);
    await page.getByLabel('Achternaam').fill(lotte.familyName);
    await page.getByLabel('Geboortedatum').fill(lotte.birthDate);
    await page.getByLabel('Het kind is vermist').check();
    await page.getByLabel('Reden').fill(reason);
    await page.getByRole('button', { name: 'Noodtoegang aanvragen' }).click();
  };

  await login(page, baseUrl, 'jeugdhulp');
  await breakGlass();
  await page.getByText(/^U heeft tijdelijk toegang tot /).waitFor();
  await page.getByRole('link', { name: 'Bekijk de gegevens' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lotte Vlinderhof' }).waitFor();
  const childPath = new URL(page.url()).pathname;
  await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Plan' }).click();
  await page.getByText('Lotte gaat weer elke ochtend naar school.').waitFor();

  // The lead reviews on a phone.
  const lead = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(lead, baseUrl, 'wijkteam');
  await lead.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Meldingen' }).click();
  await lead.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
  const item = lead.locator('li').filter({ hasText: 'Noodtoegang: Jasper Jeugdhulp (Jeugdhulp De Brug) heeft het dossier van Lotte Vlinderhof geopend.' });
  await item.getByText('Nood: Het kind is vermist').waitFor();
  await item.getByText(`Reden: ${reason}`).waitFor();
  await ctx.axe(lead, 'lead reviews an emergency access (360 px)');
  await item.getByLabel('Toelichting (mag leeg)').fill('Lotte was gewoon thuis; er was geen nood. Bel de regisseur.');
  await item.getByRole('button', { name: 'Onterecht', exact: true }).click();
  await lead.getByText('U vond de noodtoegang onterecht. De toegang is meteen beëindigd. Dit is vastgelegd en de functionaris gegevensbescherming kijkt ernaar.').waitFor();
  const overflow = await lead.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `Meldingen scrolls sideways at 360 px (${overflow} px too wide)`);

  // Jasper's next open of the plan is refused.
  await page.goto(`${baseUrl}${childPath}/plan`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();
  expect(await page.getByText('Lotte gaat weer elke ochtend naar school.').count() === 0, 'the plan is no longer shown');
  // Breaking the glass again is refused, with the server's reason.
  await breakGlass();
  await page.getByText('Noodtoegang is niet gelukt. Uw eerdere noodtoegang bij dit kind is als onterecht beoordeeld. Alleen de functionaris gegevensbescherming kan dat opheffen.').waitFor();
  await ctx.axe(page, 'emergency access refused after an unjustified review');
}
