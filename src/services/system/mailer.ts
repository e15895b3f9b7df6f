import nodemailer from 'nodemailer';
import type { AppConfig } from './config';

export type MailMessage = { to: string; subject: string; text: string };
export type Mailer = { send(message: MailMessage): Promise<{ messageId: string }> };

/**
 * E-mail through the configured SMTP server (reminders, notices). Returns null when SMTP is not configured:
 * callers then keep to in-app notices.
 */
export function createMailer(smtp: AppConfig['smtp']): Mailer | null {
  if (!smtp) return null;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: 10_000,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({ from: smtp.from, ...message });
      return { messageId: info.messageId };
    },
  };
}
