import type { OpenAPIHono } from '@hono/zod-openapi';
import { capitalReport } from '../../../services/project/capital.service';
import {
  addInvestmentEvent,
  createProject,
  getProject,
  listInvestmentEvents,
  listProjects,
  projectHistory,
  updateProject,
} from '../../../services/project/project.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import {
  addInvestmentEventRoute,
  capitalRoute,
  createProjectRoute,
  getProjectRoute,
  listInvestmentEventsRoute,
  listProjectsRoute,
  projectHistoryRoute,
  updateProjectRoute,
} from './project.routes';

export function registerProjects(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listProjectsRoute, async (c) =>
    c.json(await listProjects(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(createProjectRoute, async (c) =>
    c.json(await createProject(serviceDeps(c, deps), c.req.valid('json')), 201),
  );
  app.openapi(getProjectRoute, async (c) =>
    c.json(await getProject(serviceDeps(c, deps), c.req.valid('param').code), 200),
  );
  app.openapi(updateProjectRoute, async (c) =>
    c.json(await updateProject(serviceDeps(c, deps), c.req.valid('param').code, c.req.valid('json')), 200),
  );
  app.openapi(projectHistoryRoute, async (c) =>
    c.json(await projectHistory(serviceDeps(c, deps), c.req.valid('param').code), 200),
  );
  app.openapi(listInvestmentEventsRoute, async (c) =>
    c.json(await listInvestmentEvents(serviceDeps(c, deps), c.req.valid('param').code), 200),
  );
  app.openapi(addInvestmentEventRoute, async (c) =>
    c.json(
      await addInvestmentEvent(serviceDeps(c, deps), c.req.valid('param').code, c.req.valid('json')),
      201,
    ),
  );
  app.openapi(capitalRoute, async (c) =>
    c.json(await capitalReport(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
}
