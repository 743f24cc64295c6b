/**
 * Issue journey 6: a professional outside the network (Wendy Wijkteam) finds nothing
 * for "Lotte", uses break-the-glass with the kind of emergency and a written reason and sees the child; the
 * lead professional (Wim Wijkteam) then sees the notification with who and why.
 */
import { apiGet, login, type JourneyContext } from '../support.ts';

export const name = 'journey 6: break-the-glass and the lead professional is told';

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  const kids = await apiGet<{ items: { givenName: string; familyName: string; birthDate: string }[] }>(baseUrl, 'ouder', '/api/v1/children');
  const lotte = kids.items.find((c) => c.givenName === 'Lotte');
  if (!lotte) throw new Error('the demo parent has no child Lotte');
  const reason = 'Lotte staat bij de crisisdienst; ik moet weten wie haar regisseur is en wat er is afgesproken.';

  await login(page, baseUrl, 'wijkteam2');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Jongeren zoeken' }).click();
  await page.getByLabel('Naam', { exact: true }).fill('Lotte');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.getByText("Niets gevonden voor 'Lotte'.").waitFor();
  await page.getByRole('link', { name: /Vraag noodtoegang aan/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Noodtoegang' }).waitFor();

  // A too-short reason is refused with a plain message next to the field.
  await page.getByLabel('Voornaam').fill(lotte.givenName);
  await page.getByLabel('Achternaam').fill(lotte.familyName);
  await page.getByLabel('Geboortedatum').fill(lotte.birthDate);
  await page.getByLabel('Reden').fill('Dringend');
  await page.getByRole('button', { name: 'Noodtoegang aanvragen' }).click();
  await page.getByText('Schrijf een reden op van minstens 20 tekens.').waitFor();
  await page.getByText('Kies wat de nood is.').waitFor();
  await page.getByLabel('Crisis en de regisseur is niet bereikbaar').check();
  await page.getByLabel('Reden').fill(reason);
  await page.getByRole('button', { name: 'Noodtoegang aanvragen' }).click();
  await page.getByText(/^U heeft tijdelijk toegang tot /).waitFor();
  await page.getByRole('link', { name: 'Bekijk de gegevens' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lotte Vlinderhof' }).waitFor();
  await page.getByText('U heeft tijdelijk noodtoegang. Alles wat u bekijkt, wordt vastgelegd.').waitFor();
  await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Netwerk' }).click();
  await page.getByText('De regisseur is Wim Wijkteam. Die houdt het overzicht.').waitFor();
  await ctx.axe(page, 'break-glass child page');

  const lead = await ctx.newPage();
  await login(lead, baseUrl, 'wijkteam');
  await lead.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Meldingen' }).click();
  await lead.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
  await lead.getByText('Noodtoegang: Wendy Wijkteam (Wijkteam Rondeel-Zuid) heeft het dossier van Lotte Vlinderhof geopend.').waitFor();
  await lead.getByText(`Reden: ${reason}`).waitFor();
  await lead.getByText('Nood: Crisis en de regisseur is niet bereikbaar').waitFor();
  await lead.getByRole('button', { name: 'Terecht' }).first().click();
  await lead.getByText('U vond de noodtoegang terecht. Dit is vastgelegd.').waitFor();
}
