import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { request, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshotDir, startIzis, type RunningIzis } from './harness';

/**
 * The 2026 plan page (demo data: Plan 305/KH-UBND and its targets over real and synthetic clusters): every target
 * with its live %; recording "infrastructure complete" for one of the named clusters changes that target's % on
 * the very next load, and the drill-down shows the cluster done.
 */
let izis: RunningIzis;
let browser: BrowserContext;
let page: Page;

const INFRA = 'Hoàn thành đầu tư xây dựng hạ tầng 26 cụm công nghiệp';
const CLUSTER = 'DEMO-CCN-KH-17';
const shot = (name: string) =>
  page.screenshot({ path: join(screenshotDir, `plan-e2e-${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  izis = await startIzis();
  browser = await openBrowser();
  page = await browser.newPage();
  await page.goto(izis.url);
  await page.getByLabel('Tên đăng nhập').fill('sct');
  await page.getByLabel('Mật khẩu').fill('IzisDemo-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('app-shell').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await izis?.stop();
});

const row = (title: string) => page.locator('tr.ant-table-row').filter({ hasText: title }).first();
const pctOf = async (title: string) => (await row(title).getByTestId('target-pct').innerText()).trim();

describe('the 2026 plan page', () => {
  it('shows every target of Plan 305 with its live %', async () => {
    await page.goto(`${izis.url}/targets?year=2026`);
    await page.getByText('305/KH-UBND —').waitFor();
    for (const title of [
      'Lấp đầy 6 cụm công nghiệp',
      INFRA,
      'Thành lập, mở rộng 5–10 cụm công nghiệp',
      '100 % cụm công nghiệp thành lập mới có trạm xử lý nước thải đạt QCVN',
      'Xây dựng và thực hiện kế hoạch kiểm tra định kỳ các cụm công nghiệp',
    ]) {
      await row(title).waitFor();
      expect(await pctOf(title)).toMatch(/^\d+(,\d)? %$/);
    }
    // 8 of the 26 named clusters finished their infrastructure in 2026 (demo data).
    expect(await pctOf(INFRA)).toBe('30,8 %');
    await page.getByText('Điều kiện thành lập, mở rộng cụm công nghiệp (Nghị định 32)').waitFor();
    await shot('01-plan-305');
  });

  it('drills down to the clusters; infrastructure complete for one moves the % on the next load', async () => {
    await row(INFRA).locator('.ant-table-row-expand-icon').click();
    const zone = page.locator('tr.ant-table-row').filter({ hasText: CLUSTER }).last();
    await zone.getByText('Có nguy cơ chậm').waitFor();
    await shot('02-drilldown');

    const api = await request.newContext({ baseURL: izis.url, extraHTTPHeaders: { Origin: izis.url } });
    const session = (await (
      await api.post('/api/auth/sign-in', { data: { username: 'sct', password: 'IzisDemo-2026' } })
    ).json()) as { csrfToken: string };
    const today = new Date().toISOString().slice(0, 10);
    const recorded = await api.post(`/api/zones/${CLUSTER}/lifecycle`, {
      data: { state: 'infrastructure_complete', eventDate: today },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(recorded.status()).toBe(201);
    await api.dispose();

    await page.reload();
    await row(INFRA).waitFor();
    expect(await pctOf(INFRA)).toBe('34,6 %');
    await row(INFRA).locator('.ant-table-row-expand-icon').click();
    await page.locator('tr.ant-table-row').filter({ hasText: CLUSTER }).last().getByText('Đã đạt').waitFor();
    await shot('03-after-infrastructure-complete');
  });
});
