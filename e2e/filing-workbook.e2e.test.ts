import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshotDir, startIzis, type RunningIzis } from './harness';

/**
 * Filing by Excel as its users live it, on the demo's synthetic cluster: the tenant downloads its Biểu 01,
 * fills it in Excel (here: exceljs), uploads a file with a mistake and reads the row and item it names, then
 * the corrected file becomes its draft; the cluster's developer downloads one workbook with a row per tenant,
 * the dry run flags a bad row, the corrected file is written for all tenants at once, and the same file again
 * changes nothing.
 */
let izis: RunningIzis;
let tenantBrowser: BrowserContext;
let developerBrowser: BrowserContext;
let tenant: Page;
let developer: Page;
const PERIOD = '2026';
const work = mkdtempSync(join(tmpdir(), 'izis-e2e-workbook-'));

async function signedIn(browser: BrowserContext, username: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(izis.url);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('IzisDemo-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('app-shell').waitFor();
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir, `filing-workbook-e2e-${name}.png`), fullPage: true });

async function download(page: Page, testId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = join(work, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/** Edits the downloaded workbook as a user would in Excel and saves it under a new name. */
async function edit(path: string, name: string, change: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  change(workbook.worksheets.find((w) => w.name !== '_izis')!);
  const out = join(work, name);
  await workbook.xlsx.writeFile(out);
  return out;
}

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  izis = await startIzis();
  tenantBrowser = await openBrowser();
  developerBrowser = await openBrowser();
  tenant = await signedIn(tenantBrowser, 'doanhnghiepccn');
  developer = await signedIn(developerBrowser, 'chudautuccn');
});

afterAll(async () => {
  await tenantBrowser?.close();
  await developerBrowser?.close();
  await izis?.stop();
});

describe('filing by Excel', () => {
  it('the tenant downloads its Biểu 01, uploads it with a mistake, then corrected as its draft', async () => {
    await tenant.goto(
      `${izis.url}/reports/filings/new?formCode=B01&period=${PERIOD}&kind=project&code=DEMO-CCN-PRJ-01`,
    );
    const card = tenant.getByTestId('filing-workbook');
    await card.waitFor();
    const template = await download(tenant, 'workbook-download');
    expect(template).toMatch(/Bieu-01_2026_DEMO-CCN-PRJ-01\.xlsx$/);
    const fill = (values: Record<string, number | string>) => (sheet: ExcelJS.Worksheet) =>
      sheet.eachRow((row) => {
        const key = row.getCell(7).value;
        if (typeof key === 'string' && key in values) row.getCell(5).value = values[key]!;
      });
    const bad = await edit(
      template,
      'sai.xlsx',
      fill({ revenue_vnd: '12,5', state_budget_vnd: 1.2, workers: 120.5, avg_income_vnd: 8.5 }),
    );
    await card.locator('input[type=file]').setInputFiles(bad);
    await tenant.getByTestId('workbook-upload').click();
    const problems = tenant.getByTestId('workbook-problems');
    await expect
      .poll(() => problems.getByRole('row').nth(1).innerText())
      .toMatch(/^13\s+3\s+Mục 3 \(Số lao động có hợp đồng lao động\): phải là số nguyên\.$/);
    await shot(tenant, '1-errors');

    const good = await edit(
      template,
      'dung.xlsx',
      fill({ revenue_vnd: '12,5', state_budget_vnd: 1.2, workers: 120, avg_income_vnd: 8.5 }),
    );
    await tenant.getByTestId('filing-workbook').locator('input[type=file]').setInputFiles(good);
    await tenant.getByTestId('workbook-upload').click();
    await tenant.waitForURL(/\/reports\/filings\/[0-9a-f-]{36}$/);
    await expect.poll(() => tenant.getByTestId('filing-status').innerText()).toBe('Bản nháp');
    expect(await tenant.getByTestId('item-revenue_vnd').inputValue()).toBe('12,5');
    expect(await tenant.getByTestId('item-workers').inputValue()).toBe('120');
    await shot(tenant, '2-draft');
  });

  it('the developer files for every tenant of its cluster from one workbook', async () => {
    await developer.goto(`${izis.url}/reports`);
    await developer.getByTestId('open-bulk-filing').waitFor();
    await developer.goto(`${izis.url}/reports/bulk?period=${PERIOD}&zone=DEMO-CCN-DONG-ANH`);
    const template = await download(developer, 'bulk-download');
    let keys: unknown[] = [];
    const fill = (rows: Record<string, Record<string, number | string>>) => (sheet: ExcelJS.Worksheet) =>
      sheet.eachRow((row) => {
        const cells = (row.values as unknown[]).slice(1);
        if (cells.includes('project')) {
          keys = cells;
          return;
        }
        if (!keys.length) return;
        const code = row.getCell(keys.indexOf('project') + 1).value as string;
        for (const [k, v] of Object.entries(rows[code] ?? {}))
          row.getCell(keys.indexOf(`v:${k}`) + 1).value = v;
      });
    const figures = (workers: number | string) => ({
      revenue_vnd: 20,
      state_budget_vnd: 2,
      workers,
      avg_income_vnd: 9,
    });
    const bad = await edit(
      template,
      'nop-ho-sai.xlsx',
      fill({
        'DEMO-CCN-PRJ-02': figures('chín mươi'),
        'DEMO-CCN-PRJ-03': figures(210),
        'DEMO-CCN-PRJ-04': figures(130),
      }),
    );
    await developer.locator('input[type=file]').setInputFiles(bad);
    await developer.getByTestId('bulk-check').click();
    await developer.getByTestId('bulk-result').waitFor();
    await expect.poll(() => developer.getByTestId('bulk-action-DEMO-CCN-PRJ-02').innerText()).toBe('Lỗi');
    expect(await developer.getByTestId('bulk-result').innerText()).toContain(
      'dự án DEMO-CCN-PRJ-02, Mục 3 (Số lao động có hợp đồng lao động): "chín mươi" không phải là số.',
    );
    expect(await developer.getByTestId('bulk-commit').isDisabled()).toBe(true);
    await shot(developer, '3-dry-run-errors');

    const good = await edit(
      template,
      'nop-ho.xlsx',
      fill({
        'DEMO-CCN-PRJ-02': figures(90),
        'DEMO-CCN-PRJ-03': figures(210),
        'DEMO-CCN-PRJ-04': figures(130),
      }),
    );
    await developer.locator('input[type=file]').setInputFiles(good);
    await developer.getByTestId('bulk-check').click();
    await expect
      .poll(() => developer.getByTestId('bulk-action-DEMO-CCN-PRJ-02').innerText())
      .toBe('Ghi bản nháp');
    // The tenant's own draft (row 1) is in the file unchanged.
    expect(await developer.getByTestId('bulk-action-DEMO-CCN-PRJ-01').innerText()).toBe('Không đổi');
    await developer.getByTestId('bulk-commit').click();
    await developer.getByRole('dialog').getByRole('button', { name: 'Ghi tất cả' }).click();
    await expect.poll(() => developer.getByTestId('bulk-summary').innerText()).toContain('3 đã ghi');
    await shot(developer, '4-written');

    await developer.getByTestId('bulk-check').click();
    await expect.poll(() => developer.getByTestId('bulk-summary').innerText()).toContain('4 không đổi');
  });
});
