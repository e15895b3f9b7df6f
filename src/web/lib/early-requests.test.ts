import { describe, expect, it } from 'vitest';
import { addressKey, createEarlyRequests, FIRST_SCREEN_MS } from './early-requests';

function harness() {
  const saved = new Map<string, string>();
  const sent: string[] = [];
  let now = 0;
  const early = createEarlyRequests({
    storage: { getItem: (k) => saved.get(k) ?? null, setItem: (k, v) => void saved.set(k, v) },
    fetch: (url) => {
      sent.push(url);
      return Promise.resolve(new Response(JSON.stringify({ url })));
    },
    now: () => now,
  });
  return { early, sent, tick: (ms: number) => (now += ms) };
}

/** One full page load of `address` whose first screen asks for `urls`. */
function load(h: ReturnType<typeof harness>, address: string, urls: string[], locale = 'vi') {
  const [pathname, search = ''] = address.split(/(?=\?)/);
  h.early.start({ pathname: pathname!, search }, locale);
  const taken = urls.map((url) => h.early.take(url, locale, address));
  h.tick(FIRST_SCREEN_MS + 1);
  h.early.finish();
  return taken;
}

describe('the first screen’s requests sent early', () => {
  it('a page loaded again gets its data requests sent before it asks, and uses each answer once', async () => {
    const h = harness();
    const urls = ['/api/auth/session', '/api/zones?page=1', '/api/zones/occupancy?groupBy=family'];
    expect(load(h, '/zones', urls)).toEqual([null, null, null]);
    expect(h.sent).toEqual([]);

    h.early.start({ pathname: '/zones', search: '' }, 'vi');
    expect(h.sent).toEqual(urls);
    const answer = h.early.take('/api/zones?page=1', 'vi', '/zones');
    expect(await (await answer!).json()).toEqual({ url: '/api/zones?page=1' });
    // Taken once: a second ask (a refetch) goes to the server.
    expect(h.early.take('/api/zones?page=1', 'vi', '/zones')).toBeNull();
  });

  it('a record’s page is learnt once for every record of that kind', () => {
    const h = harness();
    void load(h, '/zones/CCN-A', ['/api/zones/CCN-A', '/api/zones/CCN-A/lifecycle', '/api/ccn-types']);
    h.early.start({ pathname: '/zones/KCN-B', search: '' }, 'vi');
    expect(h.sent).toEqual(['/api/zones/KCN-B', '/api/zones/KCN-B/lifecycle', '/api/ccn-types']);
    expect(addressKey('/zones/KCN-B', '?tab=history').key).toBe('/zones/{param}?tab=history');
  });

  it('an identifier is replaced only where it is a whole segment, not inside another word', () => {
    const h = harness();
    void load(h, '/reports/filings/12', ['/api/filings/12', '/api/filings?pageSize=120']);
    h.early.start({ pathname: '/reports/filings/7', search: '' }, 'vi');
    expect(h.sent).toEqual(['/api/filings/7', '/api/filings?pageSize=120']);
  });

  it('an answer in another language, a stale one, or for another URL is not used', () => {
    const h = harness();
    void load(h, '/reports', ['/api/filings?period=2026-H1']);
    h.early.start({ pathname: '/reports', search: '' }, 'vi');
    expect(h.early.take('/api/filings?period=2026-H1', 'en', '/reports')).toBeNull();

    h.early.start({ pathname: '/reports', search: '' }, 'vi');
    h.tick(FIRST_SCREEN_MS + 1);
    expect(h.early.take('/api/filings?period=2026-H1', 'vi', '/reports')).toBeNull();

    h.early.start({ pathname: '/reports', search: '' }, 'vi');
    expect(h.early.take('/api/filings?period=2025-H2', 'vi', '/reports')).toBeNull();
  });

  it('after a sign-in or any write, an answer fetched before it is not used', () => {
    const h = harness();
    void load(h, '/', ['/api/auth/session', '/api/dashboard']);
    h.early.start({ pathname: '/', search: '' }, 'vi');
    expect(h.early.take('/api/auth/session', 'vi', '/')).not.toBeNull();
    h.early.forget(); // POST /api/auth/sign-in
    expect(h.early.take('/api/dashboard', 'vi', '/')).toBeNull();
  });

  it('requests made after the first screen, or on another page, are not learnt for this address', () => {
    const h = harness();
    h.early.start({ pathname: '/zones', search: '' }, 'vi');
    void h.early.take('/api/zones?page=1', 'vi', '/zones');
    void h.early.take('/api/projects?page=1', 'vi', '/projects'); // the user moved on: recording ends
    h.tick(FIRST_SCREEN_MS + 1);
    void h.early.take('/api/zones?page=2', 'vi', '/zones');
    h.early.finish();
    h.early.start({ pathname: '/zones', search: '' }, 'vi');
    expect(h.sent).toEqual(['/api/zones?page=1']);
  });
});
