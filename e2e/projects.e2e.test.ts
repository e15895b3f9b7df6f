import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, parseVietnameseNumber } from '../src/domain/format/format';
import { openBrowser, screenshotDir, startIzis, type RunningIzis } from './harness';

/**
 * A Management Board officer keeps a tenant project's capital current: finds the project without typing
 * diacritics, records a capital increase in its ledger (a badly typed amount and an amount the ledger rules
 * refuse are each named on the field), and sees the registered capital and the capital attracted change; then
 * files the amended investment certificate among the project's documents.
 */
let izis: RunningIzis;
let browser: BrowserContext;
let officer: Page;

// The demo's KCN Thăng Long tenant DEMO-PRJ-0005 ("Công ty Cổ phần Demo 05"), registered in VND in 2019.
const CAPITAL_PAGE = '/capital?from=2023-01-01&to=2023-12-31&zone=KCN-THANG-LONG';
// 2.360.000.000 ₫ at the demo's 2023 rate of 23.600 ₫/USD is exactly 100.000 USD.
const INCREASE_VND = 2_360_000_000;
const INCREASE_USD = 100_000;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  izis = await startIzis();
  browser = await openBrowser();
  officer = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await izis?.stop();
});

const shot = (name: string) =>
  officer.screenshot({ path: join(screenshotDir, `projects-e2e-${name}.png`), fullPage: true });

/** "63.405.220,58 USD" → 63405220.58 (the first amount in the card's value line). */
async function usdFigure(testId: string): Promise<number> {
  const text = await officer.getByTestId(testId).locator('.ant-statistic-content').innerText();
  const match = /([\d.]+(?:,\d+)?)\s*USD/.exec(text);
  expect(match, text).not.toBeNull();
  return parseVietnameseNumber(match![1]!)!;
}

async function registeredVnd(): Promise<number> {
  const text = await officer
    .getByTestId('project-registered-capital')
    .locator('.ant-statistic-content')
    .innerText();
  return parseVietnameseNumber(text.replace(/₫/, '').trim())!;
}

let attractedBefore = 0;
let registeredBefore = 0;

describe('an officer records a capital increase of a tenant project', () => {
  it('reads the capital attracted by KCN Thăng Long in 2023', async () => {
    await officer.goto(izis.url);
    await officer.getByLabel('Tên đăng nhập').fill('bql');
    await officer.getByLabel('Mật khẩu').fill('IzisDemo-2026');
    await officer.getByRole('button', { name: 'Đăng nhập' }).click();
    await officer.getByTestId('app-shell').waitFor();
    await officer.goto(`${izis.url}${CAPITAL_PAGE}`);
    await officer.getByTestId('capital-attracted-usd').waitFor();
    attractedBefore = await usdFigure('capital-attracted-usd');
    expect(attractedBefore).toBeGreaterThan(0);
  });

  it('finds the project by its investor’s name typed without diacritics', async () => {
    await officer.getByRole('link', { name: 'Dự án thứ phát' }).click();
    const search = officer.getByPlaceholder('Tên dự án, số giấy chứng nhận hoặc tên nhà đầu tư', {
      exact: false,
    });
    await search.fill('co phan demo 05');
    await search.press('Enter');
    const list = officer.getByTestId('project-list');
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBe(1);
    await list.getByRole('link', { name: 'Công ty Cổ phần Demo 05 (dữ liệu tổng hợp)' }).waitFor();
    await shot('01-search');
    await list.locator('tbody tr.ant-table-row').getByRole('link').first().click();
    await officer.getByTestId('project-registered-capital').waitFor();
    expect(officer.url()).toContain('/projects/DEMO-PRJ-0005');
    registeredBefore = await registeredVnd();
  });

  it('is told on the field when the amount cannot be read, or breaks a ledger rule', async () => {
    await officer.getByRole('tab', { name: 'Sổ vốn đầu tư' }).click();
    const form = officer.getByTestId('project-event-form');
    await form.getByLabel('Số vốn').fill('1.5');
    await form.getByRole('button', { name: 'Ghi vào sổ vốn' }).click();
    await form.getByText(/Số vốn không đọc được/).waitFor();
    // A decrease larger than the registered capital: the server's ledger rule, shown on the amount.
    await form.getByLabel('Loại sự kiện').click();
    await officer.getByTitle('Giảm vốn').click();
    await form.getByLabel('Số vốn').fill('999.999.999.999');
    await form.getByRole('button', { name: 'Ghi vào sổ vốn' }).click();
    await form.getByText(/Vốn đăng ký bằng VND không được âm/).waitFor();
    await shot('02-ledger-rule');
    expect(await registeredVnd()).toBe(registeredBefore);
  });

  it('records an increase and sees the registered capital change', async () => {
    const form = officer.getByTestId('project-event-form');
    await form.getByLabel('Loại sự kiện').click();
    await officer.getByTitle('Tăng vốn').click();
    const date = form.getByLabel('Ngày');
    await date.click();
    await date.fill('15/6/2023');
    await date.press('Enter');
    await form.getByLabel('Số vốn').fill('2.360.000.000');
    await form.getByRole('button', { name: 'Ghi vào sổ vốn' }).click();
    await officer.getByText('Đã ghi sự kiện vốn.').first().waitFor();
    await expect.poll(() => registeredVnd()).toBe(registeredBefore + INCREASE_VND);
    const ledger = officer.getByTestId('project-ledger');
    await ledger.getByText('15/6/2023').waitFor();
    await ledger.getByText(`+ ${formatMoney(BigInt(INCREASE_VND), 'VND')}`).waitFor();
    await shot('03-increase-recorded');
  });

  it('sees the capital attracted in 2023 grow by the increase, converted at the 2023 rate', async () => {
    await officer.goto(`${izis.url}${CAPITAL_PAGE}`);
    await officer.getByTestId('capital-attracted-usd').waitFor();
    await expect
      .poll(() => usdFigure('capital-attracted-usd'))
      .toBeCloseTo(attractedBefore + INCREASE_USD, 2);
    await shot('04-capital');
  });

  it('finds the increase in the project’s history', async () => {
    await officer.goto(`${izis.url}/projects/DEMO-PRJ-0005?tab=history`);
    const history = officer.getByTestId('project-history');
    await history.waitFor();
    await history
      .getByText(/Tăng vốn ngày 15\/6\/2023/)
      .first()
      .waitFor();
    await history.getByText('bql').first().waitFor();
  });

  it('attaches the amended investment certificate to the project and finds it under Tài liệu', async () => {
    await officer.goto(`${izis.url}/projects/DEMO-PRJ-0005?tab=documents`);
    await officer.getByText('Tải lên tài liệu').waitFor();
    await officer.locator('input[type=file]').setInputFiles({
      name: 'GCN đầu tư điều chỉnh lần 2.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
    });
    await officer.getByLabel('Số văn bản').fill('7654321098');
    await officer.getByRole('button', { name: 'Tải lên', exact: true }).click();
    await officer.getByText('Đã tải lên “GCN đầu tư điều chỉnh lần 2”.').waitFor();
    const row = officer.locator('tr.ant-table-row', { hasText: 'GCN đầu tư điều chỉnh lần 2' });
    await row.waitFor();
    expect(await row.innerText()).toContain('7654321098');
    await shot('05-documents');
  });
});
