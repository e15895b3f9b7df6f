import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validationError } from '../../domain/shared/errors';
import { issuesToFields } from '../../domain/shared/zod-messages';
import { zoneListQuerySchema } from '../../domain/zone/zone.schema';
import { exportZones } from '../../services/import/zone-import.service';
import type { CliIo } from '../main';
import { withRuntime } from './runtime';

const usage =
  'izis export: expected zones <file.xlsx|file.csv|file.geojson> [--family KCN|CCN] [--kind K] [--commune CODE] [--q TEXT]';

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      family: { type: 'string' },
      kind: { type: 'string' },
      commune: { type: 'string' },
      'former-district': { type: 'string' },
      q: { type: 'string' },
    },
    allowPositionals: true,
  });
  const [entity, file] = positionals;
  const format = /\.(xlsx|csv|geojson)$/i.exec(file ?? '')?.[1]?.toLowerCase() as
    'xlsx' | 'csv' | 'geojson' | undefined;
  if (entity !== 'zones' || !file || !format || positionals.length > 2) {
    io.err(usage);
    return 2;
  }
  const query = zoneListQuerySchema.omit({ page: true, pageSize: true }).safeParse({
    family: values.family,
    kind: values.kind,
    commune: values.commune,
    formerDistrict: values['former-district'],
    q: values.q,
  });
  if (!query.success) throw validationError(issuesToFields(query.error.issues));
  return withRuntime(io, async (_runtime, deps) => {
    const exported = await exportZones(deps, query.data, format);
    writeFileSync(resolve(file), exported.body);
    io.out(`Đã xuất ${exported.count} khu/cụm vào ${file}.`);
    return 0;
  });
}
