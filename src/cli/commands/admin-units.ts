import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../domain/shared/errors';
import { importReorganisation } from '../../services/admin-unit/admin-unit.service';
import type { CliIo } from '../io';
import { withRuntime } from './runtime';

export async function adminUnitsCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, file] = args;
  if (sub !== 'import' || !file) {
    io.err('izis admin-units: expected import <file.json>');
    return 2;
  }
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(resolve(file), 'utf8'));
  } catch (error) {
    throw new AppError('import.invalid', {
      problems: [
        {
          path: file,
          message: {
            vi: `Không đọc được tệp JSON: ${(error as Error).message}`,
            en: (error as Error).message,
          },
        },
      ],
    });
  }
  return withRuntime(io, async (_runtime, deps) => {
    const summary = await importReorganisation(deps, content, { source: file });
    io.out(
      `Đã nhập: ${summary.inserted} đơn vị mới, ${summary.updated} cập nhật, ${summary.unchanged} không đổi, ` +
        `${summary.links} liên kết kế thừa.`,
    );
    return 0;
  });
}
