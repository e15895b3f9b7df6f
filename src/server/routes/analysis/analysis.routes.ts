import { createRoute, z } from '@hono/zod-openapi';
import { analysisQuerySchema, analysisSchema } from '../../../domain/analysis/analysis.schema';
import { errorResponses, jsonResponse } from '../openapi';

const tags = ['Leaders’ view'];

export const getAnalysisRoute = createRoute({
  method: 'get',
  path: '/api/analysis',
  tags,
  summary:
    'An indicator over consecutive periods (year, quarter, month), broken down by family, state, commune, former district, zone, sector or ownership',
  request: { query: analysisQuerySchema },
  responses: {
    200: jsonResponse(analysisSchema.meta({ id: 'Analysis' }), 'The table'),
    ...errorResponses(400, 401, 403),
  },
});

export const exportAnalysisRoute = createRoute({
  method: 'get',
  path: '/api/analysis/export.xlsx',
  tags,
  summary: 'The same table as XLSX',
  request: { query: analysisQuerySchema },
  responses: {
    200: {
      description: 'The file',
      content: {
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: z.string().openapi({ format: 'binary' }),
        },
      },
    },
    ...errorResponses(400, 401, 403),
  },
});
