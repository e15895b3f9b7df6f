import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshotDir, signIn, startIzis, type RunningIzis } from './harness';

/**
 * A commune officer records a fire-safety inspection with two failed "4 tại chỗ" items and a remediation
 * deadline through the zone page's "Thanh tra" tab, then records a remedy; the "Tiến độ" tab draws the
 * planned-versus-actual curve. (The watch-list rule itself is tested with a test clock in
 * src/server/inspections.db.test.ts.)
 */
let izis: RunningIzis;
let browser: BrowserContext;
let page: Page;
const ZONE = '/zones/DEMO-CCN-DONG-ANH';

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
  page.screenshot({ path: join(screenshotDir, `inspection-e2e-${name}.png`), fullPage: true });

const now = new Date(Date.now() + 7 * 3_600_000); // Vietnam time
const today = `${now.getUTCDate()}/${now.getUTCMonth() + 1}/${now.getUTCFullYear()}`;
const deadline = `28/2/${now.getUTCFullYear() + 1}`;

async function pickDate(label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

describe('a fire-safety inspection through the zone page', () => {
  it('shows the demo cluster’s inspections with their overdue findings', async () => {
    await signIn(page, izis.url, 'xadonganh');
    await page.goto(`${izis.url}${ZONE}?tab=inspections`);
    await page.getByTestId('inspection-list').waitFor();
    await page.getByText('Quá hạn, chưa khắc phục').first().waitFor();
    await page.getByText('Cháy kho bao bì', { exact: false }).waitFor();
    await shot('01-demo');
  });

  it('records an inspection with two failed "4 tại chỗ" items and a deadline', async () => {
    const form = page.getByTestId('inspection-form');
    await form.getByLabel('Loại kiểm tra').click();
    await page.getByTitle('Phòng cháy, chữa cháy ("4 tại chỗ")').click();
    await pickDate('Ngày kiểm tra', today);
    await form.getByLabel('Cơ quan kiểm tra').fill('Công an xã Đông Anh');
    await form.getByLabel('Số quyết định kiểm tra').fill('E2E-01/KH-CAX');
    for (const item of ['onsite_forces', 'onsite_equipment']) {
      await form.getByTestId(`check-${item}`).getByText('Không đạt').click();
      await pickDate(`Thời hạn khắc phục ${item}`, deadline);
    }
    await form
      .getByTestId('check-onsite_equipment')
      .getByLabel('Yêu cầu khắc phục')
      .fill('Bổ sung 20 bình chữa cháy');
    await form.getByLabel('Kết luận').fill('Kiểm tra đột xuất — chưa đạt "4 tại chỗ".');
    await shot('02-form');
    await form.getByRole('button', { name: 'Lưu cuộc kiểm tra' }).click();
    await page.getByText('Đã ghi nhận cuộc kiểm tra.').waitFor();
    const card = page.getByTestId('inspection-card').filter({ hasText: 'E2E-01/KH-CAX' });
    await card.getByText('2 hạng mục không đạt').waitFor();
    await card.getByText('Bổ sung 20 bình chữa cháy').waitFor();
    expect(await card.getByText('Đang khắc phục').count()).toBe(2);
    await shot('03-recorded');
  });

  it('records the remedy of one finding', async () => {
    const card = page.getByTestId('inspection-card').filter({ hasText: 'E2E-01/KH-CAX' });
    await card.getByRole('button', { name: 'Ghi nhận đã khắc phục' }).first().click();
    await pickDate('Ngày khắc phục', today);
    await card.getByLabel('Bằng chứng (biên bản, hoá đơn…)').fill('Biên bản huấn luyện PCCC');
    await card.getByTestId('remedy-form').getByRole('button', { name: 'Ghi nhận đã khắc phục' }).click();
    await page.getByText('Đã ghi nhận khắc phục.').waitFor();
    await card.getByText(/Đã khắc phục ngày .*Biên bản huấn luyện PCCC/).waitFor();
    expect(await card.getByText('Đang khắc phục').count()).toBe(1);
    await shot('04-remedied');
  });

  it('draws the planned-versus-actual curve on the progress tab', async () => {
    await page.getByRole('tab', { name: 'Tiến độ' }).click();
    await page.getByTestId('schedule-steps').getByText('chậm 123 ngày').waitFor();
    await page.getByTestId('progress-chart').locator('canvas').waitFor();
    await shot('05-progress');
  });
});
