import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatArea, formatPercent } from '../src/domain/format/format';
import { openBrowser, screenshotDir, startIzis, type RunningIzis } from './harness';

let izis: RunningIzis;
let officerBrowser: BrowserContext;
let secondBrowser: BrowserContext;
let officer: Page;
let second: Page;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  izis = await startIzis();
  officerBrowser = await openBrowser();
  secondBrowser = await openBrowser();
  officer = await officerBrowser.newPage();
  second = await secondBrowser.newPage();
});

afterAll(async () => {
  await officerBrowser?.close();
  await secondBrowser?.close();
  await izis?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir, `registry-e2e-${name}.png`), fullPage: true });

async function signIn(page: Page, username: string) {
  await page.goto(izis.url);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('IzisDemo-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('app-shell').waitFor();
}

describe('a department officer keeps a cluster’s figures current', () => {
  it('finds CCN Thụy Lâm by typing its name without diacritics', async () => {
    await signIn(officer, 'sct');
    await officer.goto(`${izis.url}/zones`);
    await officer.getByTestId('zone-as-of').waitFor();
    await officer.getByPlaceholder('Tìm theo tên hoặc mã').fill('thuy lam');
    await officer.getByPlaceholder('Tìm theo tên hoặc mã').press('Enter');
    await expect
      .poll(() => officer.getByRole('link', { name: /^CCN / }).count(), { timeout: 15_000 })
      .toBe(1);
    await officer.getByRole('link', { name: 'CCN Thụy Lâm' }).waitFor();
    await shot(officer, '01-search');
    await officer.getByRole('link', { name: 'CCN Thụy Lâm' }).click();
    await officer.getByTestId('zone-overview').waitFor();
  });

  it('a second officer opens the same zone for editing meanwhile', async () => {
    await signIn(second, 'admin');
    await second.goto(`${izis.url}/zones/CCN-THUY-LAM`);
    await second.getByTestId('zone-overview').waitFor();
    await second.getByRole('button', { name: 'Sửa thông tin' }).click();
    await second.getByLabel('Đất đã cho thuê').waitFor();
  });

  it('enters industrial and leased land and sees the occupancy change on the zone page', async () => {
    await officer.getByRole('button', { name: 'Sửa thông tin' }).click();
    await officer.getByLabel('Đất công nghiệp').fill('15');
    await officer.getByLabel('Đất đã cho thuê').fill('7,5');
    await officer.getByTestId('zone-save').click();
    await officer
      .getByText(`${formatArea(7.5)} trên ${formatArea(15)} đất công nghiệp`)
      .first()
      .waitFor();
    await expect
      .poll(() => officer.getByText(formatPercent(0.5), { exact: true }).first().isVisible())
      .toBe(true);
    await shot(officer, '02-occupancy');
  });

  it('sees the new occupancy on the map', async () => {
    const mapData = officer.waitForResponse((r) => r.url().includes('/api/zones/map'));
    await officer.goto(`${izis.url}/map`);
    const features = (
      (await (await mapData).json()) as { features: { properties: { code: string; occupancy: number } }[] }
    ).features;
    expect(features.find((f) => f.properties.code === 'CCN-THUY-LAM')?.properties.occupancy).toBeCloseTo(0.5);
    await officer.getByText('Tỷ lệ lấp đầy', { exact: true }).first().click();
    await officer.waitForTimeout(1000);
    await shot(officer, '03-map-by-occupancy');
  });

  it('sees its edit in the history tab', async () => {
    await officer.goto(`${izis.url}/zones/CCN-THUY-LAM?tab=history`);
    const history = officer.getByTestId('zone-history');
    await history.waitFor();
    await expect.poll(() => history.getByText('Đất đã cho thuê').first().isVisible()).toBe(true);
    await expect.poll(() => history.getByText(formatArea(7.5)).first().isVisible()).toBe(true);
    await shot(officer, '04-history');
  });

  it('the second officer’s stale edit is refused, showing the first officer’s change', async () => {
    await second.getByLabel('Đất đã cho thuê').fill('3');
    await second.getByTestId('zone-save').click();
    const conflict = second.getByTestId('zone-conflict');
    await conflict.waitFor();
    await expect.poll(() => conflict.getByText(/sct/).first().isVisible()).toBe(true);
    await expect.poll(() => conflict.getByText(formatArea(7.5)).first().isVisible()).toBe(true);
    await shot(second, '05-stale-edit-refused');
    const zone = (await second.evaluate(async () => (await fetch('/api/zones/CCN-THUY-LAM')).json())) as {
      leasedHa: number;
    };
    expect(zone.leasedHa).toBe(7.5);
  });

  it('attaches a decision to the cluster by drag and drop, and downloads it under its Vietnamese name', async () => {
    await officer.goto(`${izis.url}/zones/CCN-THUY-LAM?tab=documents`);
    const name = 'Quyết định thành lập CCN Thụy Lâm.pdf';
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await officer
      .getByTestId('document-dropzone')
      .setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf });
    await officer.getByTestId('document-chosen').waitFor();
    await officer.getByLabel('Số văn bản').fill('2345/QĐ-UBND');
    await officer.getByTestId('document-submit').click();
    const list = officer.getByTestId('zone-documents');
    await list.getByText('2345/QĐ-UBND').waitFor();
    await shot(officer, '06-document-uploaded');
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      list.getByTestId('document-download').first().click(),
    ]);
    expect(download.suggestedFilename()).toBe(name);
  });
});
