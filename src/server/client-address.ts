import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppContext } from './context';

/** `::ffff:127.0.0.1` and `127.0.0.1` are one address. */
const plain = (address: string) => address.trim().replace(/^::ffff:/i, '');

/**
 * The client's address as sign-in throttling and the audit trail should see it. The socket's peer, unless that
 * peer is a trusted reverse proxy (IZIS_TRUSTED_PROXIES): then the right-most address of X-Forwarded-For that is
 * not itself a trusted proxy. Never trusting the header from anyone else keeps a client from choosing its own
 * address (and so from escaping or aiming the throttle).
 */
export function clientAddress(c: AppContext, trustedProxies: readonly string[] = []): string | null {
  let peer: string | null;
  try {
    peer = getConnInfo(c).remote.address ?? null;
  } catch {
    peer = null;
  }
  if (!peer) return null;
  const trusted = new Set(trustedProxies.map(plain));
  if (!trusted.has(plain(peer))) return plain(peer);
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map(plain).filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    if (!trusted.has(forwarded[i]!)) return forwarded[i]!;
  }
  return plain(peer);
}
