import type { OpenAPIHono } from '@hono/zod-openapi';
import { changeOwnPassword, signIn, signOut, signOutEverywhere } from '../../../services/auth/auth.service';
import { toSessionUser, updateMyLocale } from '../../../services/user/user.service';
import { requireSession, serviceDeps, type AppDeps, type AppEnv } from '../../context';
import { clearSessionCookie, setSessionCookie } from '../../middleware/session';
import { clientAddress } from '../../client-address';
import {
  getSession,
  patchMe,
  postMyPassword,
  postSignIn,
  postSignOut,
  postSignOutEverywhere,
} from './auth.routes';

export function registerAuth(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(getSession, async (c) => {
    const session = requireSession(c);
    return c.json(
      {
        user: await toSessionUser(deps.database.db, session.user, session.actor, c.get('locale')),
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt.toISOString(),
      },
      200,
    );
  });

  app.openapi(postSignIn, async (c) => {
    const signedIn = await signIn(
      serviceDeps(c, deps),
      c.req.valid('json'),
      { ip: clientAddress(c, deps.trustedProxies), userAgent: c.req.header('user-agent') ?? null },
      deps.auth,
    );
    setSessionCookie(c, deps, signedIn.token, signedIn.expiresAt);
    return c.json(
      {
        user: await toSessionUser(deps.database.db, signedIn.user, signedIn.actor, c.get('locale')),
        csrfToken: signedIn.csrfToken,
        expiresAt: signedIn.expiresAt.toISOString(),
      },
      200,
    );
  });

  app.openapi(postSignOut, async (c) => {
    await signOut(serviceDeps(c, deps), requireSession(c));
    clearSessionCookie(c, deps);
    return c.body(null, 204);
  });

  app.openapi(postSignOutEverywhere, async (c) => {
    await signOutEverywhere(serviceDeps(c, deps), requireSession(c));
    clearSessionCookie(c, deps);
    return c.body(null, 204);
  });

  app.openapi(patchMe, async (c) => {
    const session = requireSession(c);
    const { locale } = c.req.valid('json');
    const user = await updateMyLocale(serviceDeps(c, deps), locale);
    return c.json(await toSessionUser(deps.database.db, user, session.actor, locale), 200);
  });

  app.openapi(postMyPassword, async (c) => {
    const session = requireSession(c);
    await changeOwnPassword(serviceDeps(c, deps), c.req.valid('json'), session.sessionId);
    return c.body(null, 204);
  });
}
