import { parseArgs } from 'node:util';
import { createUserInputSchema } from '../../domain/identity/identity.schema';
import { AppError, validationError } from '../../domain/shared/errors';
import { issuesToFields } from '../../domain/shared/zod-messages';
import { findUserByUsername } from '../../services/user/user.repository';
import { createUser, listUsers, resetUserPassword } from '../../services/user/user.service';
import type { CliIo } from '../io';
import { withRuntime } from './runtime';

async function password(io: CliIo): Promise<string> {
  return io.env.IZIS_PASSWORD ?? (await io.readSecret('Mật khẩu / Password: '));
}

export async function userCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add') {
    const { values } = parseArgs({
      args: rest,
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        'scope-kind': { type: 'string' },
        scope: { type: 'string' },
        family: { type: 'string' },
        email: { type: 'string' },
      },
    });
    const parsed = createUserInputSchema.safeParse({
      username: values.username,
      displayName: values.name,
      email: values.email,
      password: await password(io),
      role: values.role,
      scopeKind:
        values['scope-kind'] ??
        (values.role === 'system_admin' || values.role === 'leader' ? 'all' : undefined),
      scopeRef: values.scope,
      family: values.family,
    });
    if (!parsed.success) throw validationError(issuesToFields(parsed.error.issues));
    return withRuntime(io, async (_runtime, deps) => {
      const user = await createUser(deps, parsed.data, 'vi');
      io.out(
        `Đã tạo người dùng ${user.username} (${user.assignments.map((a) => `${a.roleName} — ${a.scopeLabel}`).join('; ')}).`,
      );
      return 0;
    });
  }
  if (sub === 'list') {
    const { values } = parseArgs({ args: rest, options: { search: { type: 'string' } } });
    return withRuntime(io, async (_runtime, deps) => {
      const { items, total } = await listUsers(deps, { q: values.search, page: 1, pageSize: 500 }, 'vi');
      io.out(`${'USERNAME'.padEnd(16)} ${'STATUS'.padEnd(9)} ${'ROLE'.padEnd(20)} SCOPE`);
      for (const u of items) {
        const a = u.assignments[0];
        io.out(
          `${u.username.padEnd(16)} ${u.status.padEnd(9)} ${(a?.role ?? '').padEnd(20)} ${a?.scopeLabel ?? ''}`,
        );
      }
      io.out(`${total} người dùng / users`);
      return 0;
    });
  }
  if (sub === 'reset-password') {
    const { values } = parseArgs({ args: rest, options: { username: { type: 'string' } } });
    if (!values.username)
      throw validationError({ username: { vi: 'Thiếu --username.', en: '--username is required.' } });
    const newPassword = await password(io);
    return withRuntime(io, async (runtime, deps) => {
      const user = await findUserByUsername(runtime.database.db, values.username!.toLowerCase());
      if (!user) throw new AppError('not_found', { username: values.username });
      await resetUserPassword(deps, user.id, newPassword);
      io.out(`Đã đặt lại mật khẩu cho ${user.username}; mọi phiên đăng nhập của người này đã kết thúc.`);
      return 0;
    });
  }
  io.err('izis user: expected add | list | reset-password');
  return 2;
}
