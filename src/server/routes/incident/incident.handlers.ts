import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  getZoneIncidents,
  recordIncident,
  updateIncidentFollowUp,
} from '../../../services/incident/incident.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import { recordIncidentRoute, updateIncidentRoute, zoneIncidentsRoute } from './incident.routes';

/** Incidents of zones and their projects. */
export function registerIncidents(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(zoneIncidentsRoute, async (c) =>
    c.json(await getZoneIncidents(serviceDeps(c, deps), c.req.valid('param').code), 200),
  );
  app.openapi(recordIncidentRoute, async (c) =>
    c.json(await recordIncident(serviceDeps(c, deps), c.req.valid('param').code, c.req.valid('json')), 201),
  );
  app.openapi(updateIncidentRoute, async (c) =>
    c.json(
      await updateIncidentFollowUp(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
}
