/**
 * Issue 18: the policy maker starts a self-assessment round on the eight success conditions,
 * invites the work floor by name and a parent by e-mail address (an unknown address is named in
 * the error summary), sees the count go up, reads the results of the running round per element
 * and per statement (small groups shown as "te weinig antwoorden"), records the reading, and
 * closes her new round. The invited parent is served the plain wording, a professional the source's.
 */
import { apiGet, demoEmail, expect, login, type JourneyContext } from '../support.ts';

export const name = 'a policy maker starts a self-assessment round, invites by group, reads the results and closes the round';

interface Inv { roundId: string; roundTitle: string; wording: string; elements: { items: { code: string; textNl: string }[] }[] }

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  await login(page, baseUrl, 'beleid');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Samenwerking' }).click();
  await page.getByRole('link', { name: 'Samen Rondeel' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Samen Rondeel' }).waitFor();
  await page.getByRole('navigation', { name: 'Onderdelen van de samenwerking' }).getByRole('link', { name: 'Zelfevaluatie' }).click();
  await page.getByRole('heading', { level: 3, name: 'Rondes' }).waitFor();
  const rounds = page.getByRole('table', { name: 'Alle rondes, met het aantal antwoorden' });
  await rounds.getByRole('rowheader', { name: 'Zelfevaluatie samenwerking najaar' }).waitFor();
  await ctx.axe(page, 'rounds 1280');

  // The running round: results per element, and per statement behind a summary; small groups hidden.
  const autumn = page.getByRole('region', { name: 'Zelfevaluatie samenwerking najaar' });
  await autumn.getByRole('heading', { level: 4, name: 'Uitkomsten' }).waitFor();
  await autumn.getByRole('cell', { name: 'te weinig antwoorden' }).first().waitFor();
  await autumn.getByText('Uitkomst per stelling').click();
  await autumn.getByRole('rowheader', { name: /^E2\.5 Gedeelde taal$/ }).waitFor();
  await ctx.axe(page, 'results per statement 1280');

  // The reading of the running round.
  const reading = autumn.getByRole('region', { name: 'Wat vinden we ervan' });
  await reading.getByLabel('Herkennen we dit?').fill('Ja: de werkvloer is positiever dan het bestuur.');
  await reading.getByRole('button', { name: 'Bespreking opslaan' }).click();
  await autumn.getByText('De bespreking is opgeslagen.').waitFor();

  // Start a round: an empty form names what is missing.
  await page.getByRole('button', { name: 'Nieuwe ronde starten' }).click();
  const start = page.getByRole('region', { name: 'Nieuwe ronde starten' });
  await start.getByRole('button', { name: 'Ronde starten' }).click();
  await start.locator('.rondom-error-summary').getByRole('heading', { name: 'Er zijn 2 dingen niet goed ingevuld' }).waitFor();
  await page.waitForFunction(() => (document.activeElement as HTMLSelectElement | null)?.name === 'frameworkId');
  await ctx.axe(page, 'start round with errors 1280');
  const title = 'Succesvoorwaarden met ouders 2026';
  await start.getByLabel('Kader').selectOption({ label: 'Acht succesvoorwaarden voor samenwerking (Smeets & Van Veen)' });
  await start.getByLabel('Naam van de ronde').fill(title);
  await start.getByRole('button', { name: 'Ronde starten' }).click();
  await page.getByText(`De ronde ‘${title}’ is gestart. Nodig nu mensen uit.`).waitFor();
  await rounds.getByRole('rowheader', { name: title }).waitFor();
  const panel = page.getByRole('region', { name: title });
  await panel.getByText('0 van 0 antwoorden').first().waitFor();

  // Invite the work floor by name.
  const invite = panel.getByRole('region', { name: 'Mensen uitnodigen' });
  await invite.getByLabel('Groep').selectOption({ label: 'Werkvloer' });
  await invite.getByRole('button', { name: 'Uitnodigen' }).click();
  await invite.getByText('Kies minstens één persoon.').first().waitFor();
  for (const who of [/^Ibrahim .*OBS De Kring$/, /^Lieke .*OBS De Kring$/, /Rondeel College$/]) {
    const box = invite.getByRole('checkbox', { name: who }).first();
    await box.check();
  }
  await ctx.axe(page, 'invite staff 1280');
  await invite.getByRole('button', { name: 'Uitnodigen' }).click();
  await panel.getByText('3 mensen zijn uitgenodigd.').waitFor();
  await invite.getByText('Uitgenodigd: Werkvloer 3.').waitFor();

  // Parents by e-mail address. Rondom never says whether an address is a family's (who is in Rondom stays
  // private), so an unknown address gets the same answer as a parent's, and families are not counted here.
  await invite.getByLabel('Groep').selectOption({ label: 'Ouders' });
  await invite.getByLabel('E-mailadressen').fill('geen-adres');
  await invite.getByRole('button', { name: 'Uitnodigen' }).click();
  await invite.locator('.rondom-error-summary').waitFor();
  await page.waitForFunction(() => (document.activeElement as HTMLTextAreaElement | null)?.name === 'emails');
  await ctx.axe(page, 'invite parents with a malformed address 1280');
  await invite.getByLabel('E-mailadressen').fill(`${demoEmail('ouder')}\nonbekend@example.org`);
  await invite.getByRole('button', { name: 'Uitnodigen' }).click();
  await panel.getByText(/^De uitnodiging is verwerkt voor 2 adressen\./).waitFor();
  await invite.getByText('Uitgenodigd: Werkvloer 3.').waitFor();
  await panel.getByText('0 van 3 antwoorden').first().waitFor();

  // What each reads: the parent the plain wording, the intern begeleider the source's.
  const parentInv = (await apiGet<Inv[]>(baseUrl, 'ouder', '/api/v1/partnerships/invitations')).find((i) => i.roundTitle === title);
  expect(parentInv?.wording === 'plain', 'the parent is invited and reads the plain wording');
  expect(parentInv.elements[1]!.items[0]!.textNl === 'Het is duidelijk wie wat doet. De mensen die meepraten, mogen ook beslissen.', 'the parent reads S2 in plain words');
  const ibInv = (await apiGet<Inv[]>(baseUrl, 'ib', '/api/v1/partnerships/invitations')).find((i) => i.roundTitle === title);
  expect(ibInv?.wording === 'professional' && ibInv.elements[1]!.items[0]!.textNl.startsWith('Helderheid over verantwoordelijkheden en rollen'), 'the intern begeleider reads the source wording');

  // Close the new round: it takes no answers and leaves the parent's list.
  await panel.getByRole('button', { name: 'Deze ronde sluiten' }).click();
  await page.getByText(`De ronde ‘${title}’ is gesloten.`).waitFor();
  await rounds.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title }) }).getByRole('cell', { name: 'gesloten' }).waitFor();
  expect(!(await apiGet<Inv[]>(baseUrl, 'ouder', '/api/v1/partnerships/invitations')).some((i) => i.roundTitle === title), 'a closed round is no longer in the parent\'s list');
  await ctx.axe(page, 'round closed 1280');
}
