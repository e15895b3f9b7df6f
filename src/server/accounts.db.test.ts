import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { makeUser, manualClock, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';

/** Accounts and sessions as an attacker and a careless user meet them (issue "Trust"). */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

/** A sign-in as it arrives over a socket from `address` (optionally through a proxy that forwards for someone). */
async function signInFrom(
  app: ReturnType<typeof createTestApp>['app'],
  address: string,
  username: string,
  password: string,
  forwardedFor?: string,
) {
  const res = await app.request(
    'http://127.0.0.1/api/auth/sign-in',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'vi',
        ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      },
      body: JSON.stringify({ username, password }),
    },
    { incoming: { socket: { remoteAddress: address } } },
  );
  return { status: res.status, body: (await res.json()) as { code?: string } };
}

describe('response headers', () => {
  it('send a Content-Security-Policy without inline or remote script, and no HSTS over plain http', async () => {
    const { app } = createTestApp(database);
    const res = await app.request('http://127.0.0.1/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('sessions', () => {
  it('end after the idle timeout even before their absolute expiry, and stay alive while used', async () => {
    const clock = manualClock();
    const { app } = createTestApp(database, {
      clock,
      auth: { sessionIdleMinutes: 30, sessionTtlMinutes: 600 },
    });
    const { user } = await makeUser(database.db);
    const client = new TestClient(app);
    await client.signIn(user.username, testPassword);
    for (let i = 0; i < 4; i++) {
      clock.advance(25 * 60_000);
      expect((await client.api.get('/api/auth/session')).status).toBe(200);
    }
    clock.advance(31 * 60_000);
    const idle = await client.api.get('/api/auth/session');
    expect(idle.status).toBe(401);
    expect(idle.error.code).toBe('auth.session_expired');
  });
});

describe('sign-in throttling', () => {
  it('does not lock the real administrator out while a fuzzer fails from the same address', async () => {
    const clock = manualClock();
    const { app } = createTestApp(database, { clock });
    const admin = await makeUser(database.db);
    expect((await signInFrom(app, '10.9.0.1', admin.user.username, testPassword)).status).toBe(200);
    clock.advance(1000);
    for (let i = 0; i < 40; i++) {
      expect((await signInFrom(app, '10.9.0.1', `fuzz-${i % 7}`, 'wrong-password-1')).status).not.toBe(200);
    }
    // A stranger's username from that address is slowed; the administrator, known at the address, is not.
    expect((await signInFrom(app, '10.9.0.1', 'fuzz-new', 'wrong-password-1')).status).toBe(429);
    expect((await signInFrom(app, '10.9.0.1', admin.user.username, testPassword)).status).toBe(200);
    // Another address is untouched.
    expect((await signInFrom(app, '10.9.0.2', admin.user.username, testPassword)).status).toBe(200);
  });

  it('slows an account guessed from many addresses with a growing delay, not a lock from one place', async () => {
    const clock = manualClock();
    const { app } = createTestApp(database, { clock });
    const { user } = await makeUser(database.db);
    for (let i = 0; i < 10; i++) await signInFrom(app, `10.8.0.${i}`, user.username, 'wrong-password-1');
    const slowed = await signInFrom(app, '10.8.1.1', user.username, testPassword);
    expect(slowed.status).toBe(429);
    clock.advance(31_000); // the first delay is 30 s after the latest failure
    expect((await signInFrom(app, '10.8.1.1', user.username, testPassword)).status).toBe(200);
  });

  it('takes the client from X-Forwarded-For only behind a trusted proxy', async () => {
    const behind = createTestApp(database, {}, { trustedProxies: ['10.7.0.1'] });
    const { user } = await makeUser(database.db);
    // Five failures forwarded for one client lock that client's pair, not the proxy's other clients.
    for (let i = 0; i < 5; i++) {
      await signInFrom(behind.app, '10.7.0.1', user.username, 'wrong-password-1', '192.0.2.10');
    }
    expect((await signInFrom(behind.app, '10.7.0.1', user.username, testPassword, '192.0.2.10')).status).toBe(
      429,
    );
    expect((await signInFrom(behind.app, '10.7.0.1', user.username, testPassword, '192.0.2.11')).status).toBe(
      200,
    );
    // A client that is not a trusted proxy cannot choose its address with the header.
    const direct = createTestApp(database);
    const other = await makeUser(database.db);
    for (let i = 0; i < 5; i++) {
      await signInFrom(direct.app, '10.7.9.9', other.user.username, 'wrong-password-1', `192.0.2.${i}`);
    }
    expect(
      (await signInFrom(direct.app, '10.7.9.9', other.user.username, testPassword, '192.0.2.99')).status,
    ).toBe(429);
  });
});
