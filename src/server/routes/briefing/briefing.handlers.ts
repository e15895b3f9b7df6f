import type { OpenAPIHono } from '@hono/zod-openapi';
import { exportBriefing } from '../../../services/briefing/briefing-export.service';
import {
  createBriefing,
  getBriefing,
  issueBriefing,
  listBriefings,
  listBriefingTemplates,
  setBriefingTemplate,
  updateBriefing,
} from '../../../services/briefing/briefing.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import { sendFile } from '../../file-response';
import {
  createBriefingRoute,
  exportBriefingRoute,
  getBriefingRoute,
  issueBriefingRoute,
  listBriefingsRoute,
  listBriefingTemplatesRoute,
  setBriefingTemplateRoute,
  updateBriefingRoute,
} from './briefing.routes';

export function registerBriefings(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listBriefingsRoute, async (c) => c.json(await listBriefings(serviceDeps(c, deps)), 200));
  app.openapi(createBriefingRoute, async (c) =>
    c.json(await createBriefing(serviceDeps(c, deps), c.req.valid('json')), 200),
  );
  app.openapi(listBriefingTemplatesRoute, async (c) =>
    c.json(await listBriefingTemplates(serviceDeps(c, deps)), 200),
  );
  app.openapi(setBriefingTemplateRoute, async (c) =>
    c.json(
      await setBriefingTemplate(serviceDeps(c, deps), c.req.valid('param').key, c.req.valid('json')),
      200,
    ),
  );
  for (const format of ['docx', 'xlsx', 'pdf'] as const) {
    app.openapi(exportBriefingRoute(format), async (c) =>
      sendFile(
        c,
        await exportBriefing(
          serviceDeps(c, deps),
          c.req.valid('param').id,
          format,
          c.req.valid('query').asOf,
        ),
      ),
    );
  }
  app.openapi(getBriefingRoute, async (c) =>
    c.json(await getBriefing(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('query').asOf), 200),
  );
  app.openapi(updateBriefingRoute, async (c) =>
    c.json(await updateBriefing(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(issueBriefingRoute, async (c) =>
    c.json(
      await issueBriefing(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json').version),
      200,
    ),
  );
}
