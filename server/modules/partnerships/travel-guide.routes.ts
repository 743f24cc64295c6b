/** Routes of the travel guide. */
import { Type } from 'typebox';
import { requireActor } from '../../core/session.ts';
import { IdParams, Uuid } from './partnerships.schemas.ts';
import { GuideCheckBody, GuideOut } from './travel-guide.schemas.ts';
import { spec, type Part } from './route-helpers.ts';

export const guideRoutes: Part = ({ guide }) => async (app) => {
  app.get('/api/v1/partnerships/:id/guide', spec('Travel guide: the nine stages with checklists, links into the workspace and progress', 200, GuideOut, { params: IdParams }),
    async (request) => guide.get(requireActor(request), request.params.id));

  app.put('/api/v1/partnerships/:id/guide/items/:itemId', spec('Tick or untick a checklist item of the travel guide', 200, GuideOut,
    { params: Type.Object({ id: Uuid, itemId: Uuid }), body: GuideCheckBody }),
  async (request) => guide.check(requireActor(request), request.params.id, request.params.itemId, request.body));
};
