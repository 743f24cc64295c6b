import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { createThemeService } from './theme.service.ts';

const Colour = Type.String({ pattern: '^#[0-9a-f]{6}$' });
export const ThemeOutSchema = Type.Object({
  primary: Colour,
  primaryHover: Colour,
  primaryActive: Colour,
  tint: Colour,
  source: Type.Union([Type.Literal('default'), Type.Literal('installation'), Type.Literal('region')]),
});

export function themeRoutes(theme: ReturnType<typeof createThemeService>): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/theme', {
      schema: {
        tags: ['platform'],
        summary: "The colours of the web app: the reader's region's own colour, else the installation's (no login needed: the login page uses it)",
        security: [],
        response: { 200: ThemeOutSchema },
      },
    }, async (request) => theme.forRegion(request.actor?.regionId ?? null));
  };
}
