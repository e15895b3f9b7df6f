import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshotDir, startIzis, type RunningIzis } from './harness';

let izis: RunningIzis;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  izis = await startIzis();
  browser = await openBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await izis?.stop();
});

const shot = (name: string) =>
  page.screenshot({ path: join(screenshotDir, `leaders-${name}.png`), fullPage: true });

describe('the leader’s view', () => {
  it('signs in and sees the dashboard with figures, their "as of" times and charts', async () => {
    await page.goto(izis.url);
    await page.getByLabel('Tên đăng nhập').fill('lanhdao');
    await page.getByLabel('Mật khẩu').fill('IzisDemo-2026');
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
});
