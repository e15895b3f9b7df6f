import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshotDir, signIn as signInAt, startIzis, type RunningIzis } from './harness';

/**
 * Issue 12's first "Done when": a commune officer records a land-clearance obstacle on a cluster with a
 * deadline and a responsible agency; once the deadline passes (the server restarted on the same database with
 * the test-only IZIS_TEST_CLOCK_OFFSET_DAYS) the cluster is on the department's watch list with that reason;
 * the officer escalates it; the department resolves it; the entry leaves the watch list and its history stays.
 */
let izis: RunningIzis;
let communeBrowser: BrowserContext;
let departmentBrowser: BrowserContext;
let commune: Page;
let department: Page;

const CLUSTER = 'DEMO-CCN-DONG-ANH';
const TITLE = 'Hộ ông Nguyễn Văn Ba chưa bàn giao 0,3 ha đất nông nghiệp';
const AGENCY = 'Trung tâm Phát triển quỹ đất Đông Anh';

/** The Vietnam day number (days since 1970) of now plus `days`. */
const vietnamDay = (days = 0) => Math.floor((Date.now() + 7 * 3_600_000) / 86_400_000) + days;
/** The deadline's Vietnam day, set when the obstacle is recorded. */
let deadlineDay = 0;
/**
 * Days past the deadline on the restarted server (20 days ahead): 10, or 11 when Vietnam's midnight fell
 * between recording the obstacle and the restart.
 */
const daysOverdue = () => vietnamDay(20) - deadlineDay;

/** d/m/yyyy of the server's day plus `days` (Vietnam time). */
function vietnamDate(days: number): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  izis = await startIzis();
  communeBrowser = await openBrowser();
  departmentBrowser = await openBrowser();
  commune = await communeBrowser.newPage();
  department = await departmentBrowser.newPage();
});

afterAll(async () => {
  await communeBrowser?.close();
  await departmentBrowser?.close();
  await izis?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir, `monitoring-e2e-${name}.png`), fullPage: true });

const watchRow = (page: Page) => page.getByTestId('watch-list').locator('tr').filter({ hasText: TITLE });

describe('an obstacle on a cluster, from the commune to the department', () => {
  it('the commune officer records a land-clearance obstacle with a deadline and a responsible agency', async () => {
    await signInAt(commune, izis.url, 'xadonganh');
    await commune.goto(`${izis.url}/zones/${CLUSTER}?tab=obstacles`);
    await commune.getByRole('button', { name: 'Ghi nhận vướng mắc' }).click();
    const dialog = commune.getByRole('dialog');
    await dialog.getByLabel('Nội dung vướng mắc').fill(TITLE);
    await dialog.getByLabel('Cơ quan chịu trách nhiệm').fill(AGENCY);
    const deadline = dialog.getByLabel('Hạn xử lý');
    await deadline.click();
    deadlineDay = vietnamDay(10);
    await deadline.fill(vietnamDate(10));
    await deadline.press('Enter');
    await shot(commune, '01-record');
    await dialog.getByRole('button', { name: 'Ghi nhận vướng mắc' }).click();
    const drawer = commune.getByTestId('obstacle-drawer');
    await drawer.getByTestId('obstacle-status').getByText('Mới phát sinh').waitFor();
    await drawer.getByText(AGENCY).waitFor();
    await drawer.getByText('Giải phóng mặt bằng').waitFor();
  });

  it('the department does not see it on the watch list while its deadline is ahead', async () => {
    await signInAt(department, izis.url, 'sct');
    await department.goto(`${izis.url}/monitoring?rule=obstacle_overdue`);
    await department.getByTestId('watch-list').locator('tbody').waitFor();
    await expect.poll(() => department.getByText('Tính đến ngày').count()).toBe(1);
    expect(await watchRow(department).count()).toBe(0);
  });

  it('once the deadline has passed, the cluster is on the department’s watch list with that reason', async () => {
    await izis.stop();
    izis = await startIzis({
      dataDir: izis.dataDir,
      databaseUrl: izis.databaseUrl ?? null,
      env: { IZIS_TEST_CLOCK_OFFSET_DAYS: '20' },
    });
    await signInAt(department, izis.url, 'sct');
    await department.goto(`${izis.url}/monitoring`);
    const row = watchRow(department);
    await row.waitFor();
    expect(await row.innerText()).toContain(`Vướng mắc giải phóng mặt bằng quá hạn ${daysOverdue()} ngày`);
    expect(await row.innerText()).toContain(AGENCY);
    expect(await row.innerText()).toContain('Cụm công nghiệp minh hoạ Đông Anh');
    await shot(department, '02-watch-list');
  });

  it('the commune officer escalates it to the city with a reason', async () => {
    await signInAt(commune, izis.url, 'xadonganh');
    await commune.goto(`${izis.url}/zones/${CLUSTER}?tab=obstacles`);
    await commune.getByRole('link', { name: TITLE }).click();
    const drawer = commune.getByTestId('obstacle-drawer');
    await drawer.getByText(`Quá hạn ${daysOverdue()} ngày`).waitFor();
    await drawer.getByRole('button', { name: 'Báo cáo Thành phố' }).click();
    const modal = commune.getByRole('dialog').filter({ hasText: 'nêu lý do' });
    await modal.getByLabel('Nội dung').fill('Hộ dân không đồng ý đơn giá bồi thường, vượt thẩm quyền của xã');
    await modal.getByRole('button', { name: 'Báo cáo Thành phố' }).click();
    await drawer.getByTestId('obstacle-status').getByText('Đã báo cáo Thành phố').waitFor();
    await shot(commune, '03-escalated');
  });

  it('the department resolves it; it leaves the watch list and its history stays readable', async () => {
    await department.goto(`${izis.url}/monitoring`);
    const row = watchRow(department);
    await row.waitFor();
    expect(await row.innerText()).toContain('Nhắc nhở');
    await row.getByRole('link', { name: 'Xem vướng mắc' }).click();
    const drawer = department.getByTestId('obstacle-drawer');
    await drawer.getByRole('button', { name: 'Đã giải quyết' }).click();
    const modal = department.getByRole('dialog').filter({ hasText: 'nêu lý do' });
    await modal
      .getByLabel('Nội dung')
      .fill('UBND Thành phố phê duyệt đơn giá bổ sung; hộ dân đã bàn giao đất');
    await modal.getByRole('button', { name: 'Đã giải quyết' }).click();
    await drawer.getByTestId('obstacle-status').getByText('Đã giải quyết').waitFor();
    const history = drawer.getByTestId('obstacle-history');
    await history.getByText('Hộ dân không đồng ý đơn giá bồi thường', { exact: false }).waitFor();
    await history.getByText('UBND Thành phố phê duyệt đơn giá bổ sung', { exact: false }).waitFor();
    expect(await history.locator('.ant-timeline-item').count()).toBe(3);
    await shot(department, '04-resolved-history');
    await drawer
      .getByRole('button', { name: /close|đóng/i })
      .first()
      .click();
    await expect.poll(() => watchRow(department).count()).toBe(0);
    await shot(department, '05-watch-list-after');
  });
});
