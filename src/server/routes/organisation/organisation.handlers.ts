import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  organisationHistory,
  updateOrganisation,
} from '../../../services/organisation/organisation.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import {
  createOrganisationRoute,
  getOrganisationRoute,
  listOrganisationsRoute,
  organisationHistoryRoute,
  updateOrganisationRoute,
} from './organisation.routes';

export function registerOrganisations(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listOrganisationsRoute, async (c) =>
    c.json(await listOrganisations(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(createOrganisationRoute, async (c) =>
    c.json(await createOrganisation(serviceDeps(c, deps), c.req.valid('json')), 201),
  );
  app.openapi(getOrganisationRoute, async (c) =>
    c.json(await getOrganisation(serviceDeps(c, deps), c.req.valid('param').code), 200),
  );
  app.openapi(organisationHistoryRoute, async (c) =>
    c.json(await organisationHistory(serviceDeps(c, deps), c.req.valid('param').code), 200),
  );
  app.openapi(updateOrganisationRoute, async (c) =>
    c.json(
      await updateOrganisation(serviceDeps(c, deps), c.req.valid('param').code, c.req.valid('json')),
      200,
    ),
  );
}
