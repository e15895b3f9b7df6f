import type { OpenAPIHono } from '@hono/zod-openapi';
import { inquiryIssuesToFields } from '../../../domain/inquiry/inquiry-messages';
import { validationError } from '../../../domain/shared/errors';
import {
  closeInquiry,
  getInquiry,
  issueInquiryChallenge,
  listInquiries,
  releaseInquiry,
  replyToInquiry,
  submitInquiry,
  defaultInquiryOptions,
  type InquirySettings,
} from '../../../services/inquiry/inquiry.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import { rateLimit } from '../../middleware/rate-limit';
import {
  closeInquiryRoute,
  getInquiryRoute,
  inquiryChallengeRoute,
  listInquiriesRoute,
  releaseInquiryRoute,
  replyInquiryRoute,
  submitInquiryRoute,
} from './inquiry.routes';

/** Investor inquiries: the public challenge and form (rate-limited per address), and the staff API. */
export function registerInquiries(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const options = { ...defaultInquiryOptions, ...deps.inquiry };
  // The challenge key is derived from the session secret (inquiry-proof.ts), so nothing new to configure.
  const settings: InquirySettings = {
    secret: deps.auth.sessionSecret,
    powBits: options.powBits,
    retentionMonths: options.retentionMonths,
  };
  const limits = { trustedProxies: deps.trustedProxies, now: () => deps.clock.now().getTime() };
  app.use(
    '/api/public/inquiry-challenge',
    rateLimit({ ...limits, ...options.rateLimit, limit: options.rateLimit.limit * 10 }),
  );
  app.use('/api/public/zones/:code/inquiries', rateLimit({ ...limits, ...options.rateLimit }));

  app.openapi(inquiryChallengeRoute, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(issueInquiryChallenge(deps, settings), 200);
  });
  app.openapi(
    submitInquiryRoute,
    async (c) =>
      c.json(
        await submitInquiry(serviceDeps(c, deps), settings, c.req.valid('param').code, c.req.valid('json')),
        201,
      ),
    // The public form's own rules get their own clear messages (consent, country, phone, proof).
    (result) => {
      if (!result.success) throw validationError(inquiryIssuesToFields(result.error.issues));
      return undefined;
    },
  );
  app.openapi(listInquiriesRoute, async (c) =>
    c.json(await listInquiries(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(getInquiryRoute, async (c) =>
    c.json(await getInquiry(serviceDeps(c, deps), c.req.valid('param').id), 200),
  );
  app.openapi(replyInquiryRoute, async (c) =>
    c.json(await replyToInquiry(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(closeInquiryRoute, async (c) =>
    c.json(await closeInquiry(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(releaseInquiryRoute, async (c) =>
    c.json(await releaseInquiry(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
