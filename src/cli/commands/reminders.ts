import { parseArgs } from 'node:util';
import { sendReminders } from '../../services/reporting/reminder.service';
import { parseConfig } from '../../services/system/config';
import { createMailer } from '../../services/system/mailer';
import type { CliIo } from '../io';
import { withRuntime } from './runtime';

/**
 * `izis reminders send [--dry-run]`: sends the due and overdue report reminders now (what the server does
 * every IZIS_REMINDER_INTERVAL_MINUTES) — in-app, and by e-mail when SMTP is configured. Never sends the same
 * reminder twice, so it is safe to run from cron as well.
 */
export async function remindersCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { 'dry-run': { type: 'boolean' } } });
  if (sub !== 'send') {
    io.err('izis reminders: expected send [--dry-run]');
    return 2;
  }
  const config = parseConfig(io.env);
  const dryRun = values['dry-run'] ?? false;
  const run = await withRuntime(io, (_runtime, deps) =>
    sendReminders(deps, {
      dryRun,
      daysBefore: config.reminderDaysBefore,
      mailer: dryRun ? null : createMailer(config.smtp),
      publicUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
    }),
  );
  io.out(
    `${dryRun ? '(Chạy thử, không ghi gì) ' : ''}Ngày ${run.today}: ${run.reminders} báo cáo cần nhắc hạn, ${run.returned} báo cáo bị trả lại chưa nộp lại; ` +
      `${run.notificationsCreated} thông báo ${dryRun ? 'sẽ được tạo' : 'mới'}; e-mail: ${run.mail.sent} đã gửi, ` +
      `${run.mail.failed} lỗi, ${run.mail.skipped} bỏ qua (chưa cấu hình SMTP).`,
  );
  return run.mail.failed > 0 ? 1 : 0;
}
