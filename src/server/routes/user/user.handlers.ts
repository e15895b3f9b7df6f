import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  createUser,
  getUser,
  listRoles,
  listUsers,
  resetUserPassword,
  setUserStatus,
} from '../../../services/user/user.service';
import { requireSession, serviceDeps, type AppDeps, type AppEnv } from '../../context';
import {
  createUserRoute,
  getUserRoute,
  listRolesRoute,
  listUsersRoute,
  resetPasswordRoute,
  setStatusRoute,
} from './user.routes';

export function registerUsers(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listUsersRoute, async (c) =>
    c.json(await listUsers(serviceDeps(c, deps), c.req.valid('query'), c.get('locale')), 200),
  );
  app.openapi(createUserRoute, async (c) =>
    c.json(await createUser(serviceDeps(c, deps), c.req.valid('json'), c.get('locale')), 201),
  );
  app.openapi(getUserRoute, async (c) =>
    c.json(await getUser(serviceDeps(c, deps), c.req.valid('param').id, c.get('locale')), 200),
  );
  app.openapi(resetPasswordRoute, async (c) => {
    await resetUserPassword(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json').newPassword);
    return c.body(null, 204);
  });
  app.openapi(setStatusRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await setUserStatus(
        serviceDeps(c, deps),
        c.req.valid('param').id,
        body.status,
        body.version,
        c.get('locale'),
      ),
      200,
    );
  });
  app.openapi(listRolesRoute, async (c) => {
    requireSession(c);
    return c.json({ items: listRoles(c.get('locale')) }, 200);
  });
}
