import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshotDir, startIzis, type RunningIzis } from './harness';

/**
 * The Management Board reads its quarterly report on the parks (demo data: accepted tenant reports of KCN Thăng
 * Long, capital increases, the city's 2026 targets) with the year to date, the target and % achieved, and
 * drills down from a figure to the records behind it.
 */
let izis: RunningIzis;
let browser: BrowserContext;
let board: Page;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  izis = await startIzis();
  browser = await openBrowser();
  board = await browser.newPage();
  await board.goto(izis.url);
  await board.getByLabel('Tên đăng nhập').fill('bql');
  await board.getByLabel('Mật khẩu').fill('IzisDemo-2026');
  await board.getByRole('button', { name: 'Đăng nhập' }).click();
  await board.getByTestId('app-shell').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await izis?.stop();
});

describe('the parks’ periodic report', () => {
  it('shows the quarter, the year to date, the target and % achieved, in Vietnamese', async () => {
    await board.goto(`${izis.url}/reports/parks?period=2026-Q2`);
    const items = board.getByTestId('parks-items');
    await items.waitFor();
    await board.getByText('Báo cáo định kỳ khu công nghiệp').first().waitFor();
    for (const header of ['Lũy kế năm', 'Kế hoạch năm', '% đạt']) {
      await items.getByRole('columnheader', { name: header }).first().waitFor();
    }
    // The demo's city targets for 2026 are set: at least one row has a target and a per cent achieved.
    await expect
      .poll(async () =>
        (await items.locator('tr.ant-table-row').allInnerTexts()).some((r) => /\d+,\d\s*%/.test(r)),
      )
      .toBe(true);
    await board.screenshot({ path: join(screenshotDir, 'parks-e2e-01-report.png'), fullPage: true });
  });

  it('drills down from a figure to its sources', async () => {
    const items = board.getByTestId('parks-items');
    const expandable = items
      .locator('tr.ant-table-row')
      .filter({ has: board.locator('.ant-table-row-expand-icon:not(.ant-table-row-expand-icon-spaced)') });
    await expandable.first().locator('.ant-table-row-expand-icon').click();
    await items
      .getByText(/Nguồn số liệu \(\d+\)/)
      .first()
      .waitFor();
  });
});
