/**
 * Screens load their code when first opened. When that fails (the connection drops on a
 * phone, say), the professional gets a plain message and a way to try again, not a blank
 * page; trying again with the connection back shows the screen.
 */
import type { Route } from 'playwright-core';
import { login, type JourneyContext } from '../support.ts';

export const name = 'a screen whose code cannot load says so and loads again when asked';

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  await login(page, baseUrl, 'wijkteam');
  const offline = (route: Route) => route.abort('internetdisconnected');
  await page.route(/\/assets\/NotificationsPage-[^/]+\.js$/, offline);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Meldingen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Deze pagina kon niet laden' }).waitFor();
  await page.getByText('Misschien is de internetverbinding weg. Laad de pagina opnieuw.').waitFor();
  await ctx.axe(page, 'page load error');
  await page.unroute(/\/assets\/NotificationsPage-[^/]+\.js$/, offline);
  await page.getByRole('button', { name: 'Opnieuw laden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
}
