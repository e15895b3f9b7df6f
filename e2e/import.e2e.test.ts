import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshotDir, signIn as signInAt, startIzis, type RunningIzis } from './harness';

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

const signIn = (username: string) => signInAt(page, izis.url, username);

const shot = (name: string) =>
  page.screenshot({ path: join(screenshotDir, `import-e2e-${name}.png`), fullPage: true });

const HEADER = 'Mã khu/cụm,Tên khu/cụm,Loại hình,Tổng diện tích (ha)\n';
const GOOD_ROWS =
  'CCN-NHAP-THU-1,Cụm công nghiệp Nhập Thử Một,Cụm công nghiệp,"12,5"\n' +
  'CCN-NHAP-THU-2,Cụm công nghiệp Nhập Thử Hai,Cụm công nghiệp,20\n';
const BAD_ROWS =
  'CCN-NHAP-THU-1,Cụm công nghiệp Nhập Thử Một,Cụm công nghiệp,"12,5"\n' +
  'CCN-NHAP-THU-2,Cụm công nghiệp Nhập Thử Hai,Cụm công nghiệp,mười hai\n';

async function upload(name: string, text: string) {
  await page
    .getByTestId('import-file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

const count = (key: string) => page.getByTestId(`import-count-${key}`).locator('.ant-statistic-content');

describe('a department officer imports clusters from a spreadsheet in the browser', () => {
  it('finds Nhập dữ liệu in the menu and downloads the zone template', async () => {
    await signIn('sct');
    await page.getByRole('menuitem', { name: 'Nhập dữ liệu' }).click();
    await page.getByTestId('import-view').waitFor();
    await page.getByText('Khu, cụm công nghiệp', { exact: true }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-template').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('a file with a bad cell shows the row, the column and the reason in Vietnamese, and cannot be written', async () => {
    await upload('khu-cum-loi.csv', HEADER + BAD_ROWS);
    const result = page.getByTestId('import-result');
    await result.waitFor();
    const errors = page.getByTestId('import-errors');
    const row = errors.locator('tbody tr').filter({ hasText: 'Tổng diện tích (ha)' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('3');
    expect(await row.innerText()).toContain('"mười hai" không phải là số.');
    expect(await count('bad').innerText()).toBe('1');
    await page.getByText('Tệp có 1 dòng lỗi').waitFor();
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await shot('01-bad-row');
  });

  it('a good file is checked, then written, and its clusters appear in the zone list', async () => {
    await upload('khu-cum.csv', HEADER + GOOD_ROWS);
    await expect.poll(() => count('create').innerText(), { timeout: 30_000 }).toBe('2');
    expect(await count('bad').innerText()).toBe('0');
    const commit = page.getByTestId('import-commit');
    expect(await commit.isEnabled()).toBe(true);
    await shot('02-ready');
    await commit.click();
    const done = page.getByTestId('import-committed');
    await done.waitFor({ timeout: 60_000 });
    expect(await done.getByTestId('import-count-create').innerText()).toContain('2');
    await shot('03-committed');
    await page.getByTestId('import-open-list').click();
    await page.getByTestId('zone-as-of').waitFor();
    await page.getByPlaceholder('Tìm theo tên hoặc mã').fill('nhap thu');
    await page.getByPlaceholder('Tìm theo tên hoặc mã').press('Enter');
    await page.getByRole('link', { name: 'Cụm công nghiệp Nhập Thử Một' }).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Cụm công nghiệp Nhập Thử Hai' }).waitFor();
    await shot('04-zone-list');
  });

  it('the same file again changes nothing', async () => {
    await page.goto(`${izis.url}/import`);
    await upload('khu-cum.csv', HEADER + GOOD_ROWS);
    await expect.poll(() => count('unchanged').innerText(), { timeout: 30_000 }).toBe('2');
    expect(await count('create').innerText()).toBe('0');
    expect(await count('update').innerText()).toBe('0');
    await page.getByText('Mọi dòng đều giống dữ liệu hiện có').waitFor();
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await shot('05-unchanged');
  });

  it('a large file shows the server checking it row by row', async () => {
    const rows = Array.from(
      { length: 10_000 },
      (_, i) => `CCN-LON-${i + 1},Cụm công nghiệp Thử Tải ${i + 1},Cụm công nghiệp,${(i % 90) + 10}\n`,
    );
    await upload('khu-cum-10000.csv', HEADER + rows.join(''));
    const stage = page.getByTestId('import-stage');
    // The server's own progress lines ("Đã kiểm tra 2.000 / 10.000 dòng"), before the result.
    await expect
      .poll(() => stage.innerText().catch(() => ''), { timeout: 60_000, interval: 50 })
      .toMatch(/Đã kiểm tra [\d.]+ \/ 10\.000 dòng/);
    await shot('06-large-file-progress');
    await expect.poll(() => count('create').innerText(), { timeout: 120_000 }).toBe('10.000');
    await shot('07-large-file-checked');
  });

  it('writing the large file shows the server at work, then all 10.000 are added', async () => {
    await page.getByTestId('import-commit').click();
    const stage = page.getByTestId('import-stage');
    await expect
      .poll(() => stage.innerText().catch(() => ''), { timeout: 60_000, interval: 50 })
      // A commit checks every row again, then writes in batches of 500; each step is a progress line.
      .toMatch(/Đã (kiểm tra|ghi) [\d.]+ \/ 10\.000 dòng/);
    await shot('08-large-file-writing');
    const done = page.getByTestId('import-committed');
    await done.waitFor({ timeout: 180_000 });
    expect(await done.getByTestId('import-count-create').innerText()).toContain('10.000');
  });

  it('a read-only leader has no import entry and the page refuses them', async () => {
    await page.context().clearCookies();
    await signIn('lanhdao');
    expect(await page.getByRole('menuitem', { name: 'Nhập dữ liệu' }).count()).toBe(0);
    await page.goto(`${izis.url}/import`);
    await expect.poll(() => page.getByTestId('import-view').count()).toBe(0);
  });
});
