import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshotDir, startIzis, type RunningIzis } from './harness';

/**
 * The statutory chain of Circular 14 as its users live it: a tenant files Biểu 01 (the form refuses an empty
 * submission before anything is sent), the commune officer returns it with a reason, the tenant corrects it and
 * resubmits, the officer accepts, and the commune's Biểu 03 shows the accepted figure with its source.
 */
let izis: RunningIzis;
/** One browser profile per person: a profile's pages share the session cookie. */
let tenantBrowser: BrowserContext;
let officerBrowser: BrowserContext;
let tenant: Page;
let officer: Page;

const PERIOD = '2026-H1';
const PASSWORD = 'IzisDemo-2026';

/** An API session (cookie and CSRF token) for setting up the registry the way an administrator would. */
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
  return async (path: string, body: unknown) => {
    const res = await fetch(`${izis.url}${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBe(201);
  };
}

async function signedIn(browser: BrowserContext, username: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(izis.url);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('app-shell').waitFor();
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir, `reporting-e2e-${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  izis = await startIzis();
  // An operating cluster in Đông Anh (the demo commune officer's commune) with one operating tenant project.
  const post = await apiSession('admin');
  await post('/api/organisations', {
    code: 'E2E-DEV',
    name: 'Công ty Hạ tầng E2E',
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['developer'],
  });
  await post('/api/organisations', {
    code: 'E2E-ORG',
    name: 'Công ty TNHH Cơ khí E2E',
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['tenant'],
  });
  await post('/api/zones', {
    code: 'CCN-E2E',
    name: 'Cụm công nghiệp E2E',
    kind: 'CCN',
    communeCode: '00454',
    developerCode: 'E2E-DEV',
    declaredAreaHa: 30,
    industrialLandHa: 22,
  });
  await post('/api/zones/CCN-E2E/lifecycle', { state: 'established', eventDate: '2020-06-01' });
  await post('/api/zones/CCN-E2E/lifecycle', { state: 'operating', eventDate: '2022-06-01' });
  await post('/api/projects', {
    code: 'P-E2E',
    zoneCode: 'CCN-E2E',
    investorCode: 'E2E-ORG',
    name: 'Xưởng cơ khí E2E',
    status: 'operating',
  });
  await post('/api/users', {
    username: 'e2etenant',
    displayName: 'Nguyễn Thị Doanh Nghiệp',
    email: null,
    password: PASSWORD,
    role: 'enterprise',
    scopeKind: 'organisation',
    scopeRef: 'E2E-ORG',
  });
  tenantBrowser = await openBrowser();
  officerBrowser = await openBrowser();
  tenant = await signedIn(tenantBrowser, 'e2etenant');
  officer = await signedIn(officerBrowser, 'xadonganh');
});

afterAll(async () => {
  await tenantBrowser?.close();
  await officerBrowser?.close();
  await izis?.stop();
});

describe('Biểu 01 from a tenant to the commune’s Biểu 03', () => {
  let filingUrl = '';

  it('the tenant sees the report it owes and cannot submit it empty', async () => {
    await tenant.goto(`${izis.url}/reports?period=${PERIOD}`);
    const owed = tenant.getByTestId('outstanding').getByRole('row', { name: /Xưởng cơ khí E2E/ });
    await owed.waitFor();
    expect(await owed.innerText()).toContain('20/6/2026');
    await owed.getByRole('button', { name: 'Nhập báo cáo' }).click();
    await tenant.getByTestId('item-workers').waitFor();
    await tenant.getByRole('button', { name: 'Nộp báo cáo' }).click();
    // The shared validation runs in the browser: every required item is named, and nothing was sent.
    await tenant.getByText(/Mục 3 \(Số lao động.*bắt buộc nhập/).waitFor();
    expect(tenant.url()).toContain('/reports/filings/new');
    await shot(tenant, '01-required');
  });

  it('the tenant types the figures the Vietnamese way, saves a draft and submits', async () => {
    await tenant.getByTestId('item-revenue_vnd').fill('12,5');
    await tenant.getByTestId('item-state_budget_vnd').fill('1,2');
    await tenant.getByTestId('item-workers').fill('120');
    await tenant.getByTestId('item-avg_income_vnd').fill('8,5');
    await tenant.getByRole('button', { name: 'Lưu nháp' }).click();
    await tenant.waitForURL(/\/reports\/filings\/[0-9a-f-]{36}$/);
    await tenant.getByTestId('filing-status').getByText('Bản nháp').waitFor();
    filingUrl = tenant.url();
    await tenant.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await tenant.getByTestId('filing-status').getByText('Đã nộp, chờ xem xét').waitFor();
    // Submitted: the figures are no longer editable while the commune reviews them.
    expect(await tenant.getByTestId('item-workers').isDisabled()).toBe(true);
  });

  it('the commune officer finds it in the in-tray and returns it only with a reason', async () => {
    await officer.goto(`${izis.url}/reports?period=${PERIOD}&status=submitted`);
    await officer
      .getByTestId('filings')
      .getByRole('link', { name: /Xưởng cơ khí E2E/ })
      .click();
    await officer.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Vui lòng ghi lý do trả lại.').waitFor();
    await officer.getByTestId('return-reason-input').fill('Số lao động chưa khớp với danh sách đóng BHXH.');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await officer.getByTestId('filing-status').getByText('Bị trả lại').waitFor();
  });

  it('the tenant reads the reason, corrects the figure and resubmits; both revisions stay side by side', async () => {
    await tenant.goto(filingUrl);
    await tenant.getByTestId('return-reason').getByText('Số lao động chưa khớp').waitFor();
    await tenant.getByTestId('item-workers').fill('135');
    await tenant.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await tenant.getByTestId('filing-status').getByText('Đã nộp, chờ xem xét').waitFor();
    const revisions = tenant.getByTestId('revisions');
    await revisions.getByText('Lần 2').first().waitFor();
    const workers = await revisions
      .locator('tr.ant-table-row', { hasText: 'Số lao động' })
      .first()
      .innerText();
    expect(workers).toMatch(/120\s+135/);
    await shot(tenant, '02-resubmitted');
  });

  it('the officer accepts, and Biểu 03 of the commune shows the accepted figure with its source', async () => {
    await officer.goto(filingUrl);
    await officer.getByRole('button', { name: 'Tiếp nhận' }).click();
    await officer.locator('.ant-modal-confirm').getByRole('button', { name: 'Tiếp nhận' }).click();
    await officer.getByTestId('filing-status').getByText('Đã tiếp nhận').waitFor();
    await officer.goto(`${izis.url}/reports/compiled?formCode=B03&period=${PERIOD}&commune=00454`);
    const items = officer.getByTestId('compiled-items');
    await items.waitFor();
    const row = items.locator('tr.ant-table-row', { hasText: 'Số lao động có hợp đồng' }).first();
    await expect.poll(async () => row.innerText()).toMatch(/135/);
    await row.getByRole('button').first().click();
    await items.getByRole('link', { name: 'B01 lần 2' }).first().waitFor();
    await shot(officer, '03-b03');
  });
});
