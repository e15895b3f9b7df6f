import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshotDir, startIzis, type RunningIzis } from './harness';

let izis: RunningIzis;
let browser: BrowserContext;
let officerBrowser: BrowserContext;
let page: Page;
let filingId = '';
const PASSWORD = 'IzisDemo-2026';

/** An API session (cookie and CSRF token), to set up what the journey needs the way a user would. */
async function apiSession(username: string) {
  const signIn = await fetch(`${izis.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${izis.url}${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return (await res.json()) as T;
  };
}

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  izis = await startIzis();
  // An operating cluster in Đông Anh with a tenant that has submitted its Biểu 01 for 2026-H1.
  const admin = await apiSession('admin');
  await admin('POST', '/api/organisations', {
    code: 'LD-DEV',
    name: 'Công ty Hạ tầng LD',
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['developer'],
  });
  await admin('POST', '/api/organisations', {
    code: 'LD-ORG',
    name: 'Công ty TNHH Dệt LD',
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['tenant'],
  });
  await admin('POST', '/api/zones', {
    code: 'CCN-LD',
    name: 'Cụm công nghiệp LD',
    kind: 'CCN',
    communeCode: '00454',
    developerCode: 'LD-DEV',
    declaredAreaHa: 30,
    industrialLandHa: 22,
  });
  await admin('POST', '/api/zones/CCN-LD/lifecycle', { state: 'established', eventDate: '2020-06-01' });
  await admin('POST', '/api/zones/CCN-LD/lifecycle', { state: 'operating', eventDate: '2022-06-01' });
  await admin('POST', '/api/projects', {
    code: 'P-LD',
    zoneCode: 'CCN-LD',
    investorCode: 'LD-ORG',
    name: 'Xưởng dệt LD',
    status: 'operating',
  });
  await admin('POST', '/api/users', {
    username: 'ldtenant',
    displayName: 'Doanh nghiệp LD',
    email: null,
    password: PASSWORD,
    role: 'enterprise',
    scopeKind: 'organisation',
    scopeRef: 'LD-ORG',
  });
  const tenant = await apiSession('ldtenant');
  const draft = await tenant<{ id: string; version: number }>('PUT', '/api/filings/draft', {
    formCode: 'B01',
    period: '2026-H1',
    reporter: { kind: 'project', code: 'P-LD' },
    values: { revenue_vnd: 4321, state_budget_vnd: 12, workers: 80, avg_income_vnd: 8 },
  });
  await tenant('POST', `/api/filings/${draft.id}/submit`, { version: draft.version });
  filingId = draft.id;
  browser = await openBrowser();
  officerBrowser = await openBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await officerBrowser?.close();
  await izis?.stop();
});

const shot = (name: string) =>
  page.screenshot({ path: join(screenshotDir, `leaders-${name}.png`), fullPage: true });

describe('the leader’s view', () => {
  it('signs in and sees the dashboard with figures, their "as of" times and charts', async () => {
    await page.goto(izis.url);
    await page.getByLabel('Tên đăng nhập').fill('lanhdao');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('figure-zones').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByText('Số liệu tính đến').first().isVisible()).toBe(true);
    await page.locator('canvas').first().waitFor({ timeout: 30_000 });
    await shot('01-dashboard');
  });

  it('clicks a figure and reaches the records behind it', async () => {
    await page.getByTestId('figure-zones').getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/zones');
    await shot('02-drill-zones');
  });

  it('opens the analysis, changes the breakdown, and the export carries the view', async () => {
    await page.goto(`${izis.url}/analysis?indicator=zones&step=year&from=2017-01-01&to=2026-12-31`);
    await page.getByTestId('analysis-by').click();
    await page.getByTitle('Loại (KCN/CCN)').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('by')).toBe('family');
    const exportLink = page.getByRole('link', { name: 'Xuất Excel' });
    await expect.poll(() => exportLink.getAttribute('href')).toContain('by=family');
    const href = await exportLink.getAttribute('href');
    const response = await page.request.get(new URL(href!, izis.url).toString());
    expect(response.status()).toBe(200);
    await shot('03-analysis-family');
  });

  it('an officer accepts a Biểu 01 and the leader’s revenue figure changes on the next load', async () => {
    await page.goto(izis.url);
    const revenue = page.getByTestId('figure-ccn_revenue_vnd');
    await revenue.waitFor({ timeout: 30_000 });
    const before = await revenue.locator('.ant-statistic-content').innerText();
    const officer = await officerBrowser.newPage();
    await officer.goto(izis.url);
    await officer.getByLabel('Tên đăng nhập').fill('xadonganh');
    await officer.getByLabel('Mật khẩu').fill(PASSWORD);
    await officer.getByRole('button', { name: 'Đăng nhập' }).click();
    await officer.getByTestId('app-shell').waitFor();
    await officer.goto(`${izis.url}/reports/filings/${filingId}`);
    await officer.getByRole('button', { name: 'Tiếp nhận' }).click();
    // The acceptance's own answer, so that a failure says whether the server refused, never answered or the
    // page did not show it (this step once timed out in CI with nothing else to go on).
    const accepted = officer.waitForResponse(
      (r) => r.url().endsWith(`/api/filings/${filingId}/accept`) && r.request().method() === 'POST',
    );
    await officer.locator('.ant-modal-confirm').getByRole('button', { name: 'Tiếp nhận' }).click();
    const answer = await accepted;
    expect(answer.status(), await answer.text()).toBe(200);
    await officer.getByTestId('filing-status').getByText('Đã tiếp nhận').waitFor();
    await page.reload();
    await revenue.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => revenue.locator('.ant-statistic-content').innerText(), { timeout: 15_000 })
      .not.toBe(before);
    expect(await revenue.locator('.ant-statistic-content').innerText()).toMatch(/tỷ đồng/);
    await shot('04-revenue-after-acceptance');
  });
});
