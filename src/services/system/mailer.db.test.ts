import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from './mailer';

/** A minimal SMTP sink on loopback that keeps what it receives. */
function smtpSink() {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = createServer((socket: Socket) => {
    let mail = { from: '', to: [] as string[], data: '' };
    let inData = false;
    let buffer = '';
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let index: number;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(mail);
            mail = { from: '', to: [], data: '' };
            socket.write('250 queued\r\n');
          } else mail.data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'MAIL') mail.from = line;
        if (verb === 'RCPT') mail.to.push(line);
        if (verb === 'DATA') inData = true;
        if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write(verb === 'DATA' ? '354 go\r\n' : '250 ok\r\n');
      }
    });
  });
  return { server, received };
}

const sink = smtpSink();
let port = 0;
beforeAll(
  () =>
    new Promise<void>((resolve) =>
      sink.server.listen(0, '127.0.0.1', () => {
        port = (sink.server.address() as { port: number }).port;
        resolve();
      }),
    ),
);
afterAll(() => new Promise<void>((resolve) => sink.server.close(() => resolve())));

describe('the mailer', () => {
  it('is absent when SMTP is not configured', () => {
    expect(createMailer(undefined)).toBeNull();
  });

  it('delivers a Vietnamese message through a real SMTP conversation', async () => {
    const mailer = createMailer({
      host: '127.0.0.1',
      port,
      secure: false,
      from: 'IZIS <izis@hanoi.gov.vn>',
    })!;
    await mailer.send({
      to: 'can-bo@donganh.hanoi.gov.vn',
      subject: 'Nhắc hạn nộp Biểu 01',
      text: 'Hạn nộp: 20/6/2026.',
    });
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.to[0]).toContain('can-bo@donganh.hanoi.gov.vn');
    expect(sink.received[0]!.data).toMatch(/Subject: =\?UTF-8\?/);
  });
});
