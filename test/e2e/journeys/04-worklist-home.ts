/** The leerplicht officer's and SWV coordinator's home is the worklist. */
import { login, type JourneyContext } from '../support.ts';

export const name = 'leerplicht and SWV see the worklist at home';

export async function run(ctx: JourneyContext): Promise<void> {
  await login(ctx.page, ctx.baseUrl, 'leerplicht');
  await ctx.page.getByRole('heading', { level: 2, name: 'Werklijst, meest dringend eerst' }).waitFor();
  await ctx.axe(ctx.page, 'leerplicht home');

  const swv = await ctx.newPage();
  await login(swv, ctx.baseUrl, 'swv');
  await swv.getByRole('heading', { level: 2, name: 'Werklijst, meest dringend eerst' }).waitFor();
  await swv.getByRole('heading', { level: 2, name: 'Inspectie-rapportage' }).waitFor();
}
