import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  addCommitment,
  addProgressReading,
  getZoneSchedule,
  setScheduleStep,
} from '../../../services/schedule/schedule.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import { addCommitmentRoute, addReadingRoute, getScheduleRoute, setStepRoute } from './schedule.routes';

/** A zone's schedule, progress readings and developers' commitments. */
export function registerSchedule(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(getScheduleRoute, async (c) =>
    c.json(await getZoneSchedule(serviceDeps(c, deps), c.req.valid('param').code), 200),
  );
  app.openapi(setStepRoute, async (c) => {
    const { code, step } = c.req.valid('param');
    return c.json(await setScheduleStep(serviceDeps(c, deps), code, step, c.req.valid('json')), 200);
  });
  app.openapi(addReadingRoute, async (c) =>
    c.json(
      await addProgressReading(serviceDeps(c, deps), c.req.valid('param').code, c.req.valid('json')),
      201,
    ),
  );
  app.openapi(addCommitmentRoute, async (c) =>
    c.json(await addCommitment(serviceDeps(c, deps), c.req.valid('param').code, c.req.valid('json')), 201),
  );
}
