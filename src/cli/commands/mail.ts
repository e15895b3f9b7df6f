import { parseArgs } from 'node:util';
import { validationError } from '../../domain/shared/errors';
import { parseConfig } from '../../services/system/config';
import { createMailer } from '../../services/system/mailer';
import type { CliIo } from '../io';

/** `izis mail test --to ADDRESS`: checks the SMTP settings by sending one message. */
export async function mailCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { to: { type: 'string' } } });
  if (sub !== 'test' || !values.to) {
    io.err('izis mail: expected test --to <address>');
    return 2;
  }
  const mailer = createMailer(parseConfig(io.env).smtp);
  if (!mailer)
    throw validationError({ SMTP_HOST: { vi: 'Chưa cấu hình SMTP_HOST.', en: 'SMTP_HOST is not set.' } });
  const { messageId } = await mailer.send({
    to: values.to,
    subject: 'IZIS — thư kiểm tra cấu hình SMTP',
    text: 'Thư này xác nhận IZIS gửi được e-mail qua máy chủ SMTP đã cấu hình.\n\nThis message confirms that IZIS can send e-mail.',
  });
  io.out(`Đã gửi thư kiểm tra tới ${values.to} (${messageId}).`);
  return 0;
}
