import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('configuration', () => {
  it('has defaults that start IZIS on 127.0.0.1:3000 with the embedded database in ./data', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: undefined,
    });
    expect(config.smtp).toBeUndefined();
  });

  it('reports every bad setting at once, each by name', () => {
    try {
      parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', IZIS_SESSION_SECRET: 'short' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('PORT="abc"');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('IZIS_SESSION_SECRET');
    }
  });

  it('keeps uploads in IZIS_DATA_DIR/uploads, at most 25 MB each, unless told otherwise', () => {
    expect(parseConfig({ IZIS_DATA_DIR: '/srv/izis' })).toMatchObject({
      uploadDir: '/srv/izis/uploads',
      uploadMaxBytes: 25 * 1024 * 1024,
    });
    expect(parseConfig({ IZIS_UPLOAD_DIR: '/mnt/nas/izis', IZIS_UPLOAD_MAX_MB: '100' })).toMatchObject({
      uploadDir: '/mnt/nas/izis',
      uploadMaxBytes: 100 * 1024 * 1024,
    });
    expect(() => parseConfig({ IZIS_UPLOAD_MAX_MB: '0' })).toThrow(/IZIS_UPLOAD_MAX_MB/);
    expect(() => parseConfig({ IZIS_UPLOAD_MAX_MB: 'lots' })).toThrow(/IZIS_UPLOAD_MAX_MB/);
  });

  it('warms up for at most 60 s at start unless told otherwise; 0 turns it off', () => {
    expect(parseConfig({}).warmUpSeconds).toBe(60);
    expect(parseConfig({ IZIS_WARM_UP_SECONDS: '0' }).warmUpSeconds).toBe(0);
    expect(() => parseConfig({ IZIS_WARM_UP_SECONDS: '-1' })).toThrow(/IZIS_WARM_UP_SECONDS/);
    expect(() => parseConfig({ IZIS_WARM_UP_SECONDS: 'soon' })).toThrow(/IZIS_WARM_UP_SECONDS/);
  });

  it('refuses a port outside 1–65535', () => {
    expect(() => parseConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => parseConfig({ PORT: '3000.5' })).toThrow(/PORT/);
  });

  it('needs a sender address when SMTP is configured', () => {
    expect(() => parseConfig({ SMTP_HOST: 'mail.example.vn' })).toThrow(/SMTP_FROM/);
    expect(parseConfig({ SMTP_HOST: 'mail.example.vn', SMTP_FROM: 'izis@hanoi.gov.vn' }).smtp).toMatchObject({
      host: 'mail.example.vn',
      port: 587,
    });
  });
});
