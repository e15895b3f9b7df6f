import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshotDir, signIn as signInAt, startIzis, type RunningIzis } from './harness';

/**
 * The edit drawer organisations and projects share (components/record-form/record-edit-drawer.tsx; the zone
 * drawer's stale edit is in registry.e2e.test.ts): a server field message beside its input, and a stale
 * edit refused with the other person's change, then re-applied on the latest version and saved.
 */
let izis: RunningIzis;
let firstBrowser: BrowserContext;
let secondBrowser: BrowserContext;
let first: Page;
let second: Page;

const PROJECT = 'DEMO-PRJ-0005';

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  izis = await startIzis();
  firstBrowser = await openBrowser();
  secondBrowser = await openBrowser();
  first = await firstBrowser.newPage();
  second = await secondBrowser.newPage();
});

afterAll(async () => {
  await firstBrowser?.close();
  await secondBrowser?.close();
  await izis?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir, `record-edit-e2e-${name}.png`), fullPage: true });

const signIn = (page: Page, username: string) => signInAt(page, izis.url, username);

const drawer = (page: Page) => page.getByRole('dialog');

describe('two officers edit the same project', () => {
  it('both open the project for editing', async () => {
    await signIn(first, 'bql');
    await signIn(second, 'admin');
    for (const page of [first, second]) {
      await page.goto(`${izis.url}/projects/${PROJECT}`);
      await page.getByRole('button', { name: 'Sửa thông tin' }).click();
      await drawer(page).getByLabel('Lô đất').waitFor();
    }
  });

  it('the first saves a new lot', async () => {
    await drawer(first).getByLabel('Lô đất').fill('Lô CN-07');
    await first.getByTestId('project-save').click();
    await first.getByText('Đã lưu thông tin dự án.').waitFor();
  });

  it('the second’s stale edit is refused, showing who changed the lot to what', async () => {
    await drawer(second).getByLabel('Lô đất').fill('Lô CN-09');
    await second.getByTestId('project-save').click();
    const conflict = second.getByTestId('project-conflict');
    await conflict.waitFor();
    await conflict.getByText('Lô CN-07').first().waitFor();
    await conflict.getByText(/người khác cũng đã sửa trường này/).waitFor();
    await shot(second, '01-project-conflict');
  });

  it('re-applies their change on the latest version and saves it', async () => {
    await second
      .getByRole('button', { name: 'Tải dữ liệu mới nhất và giữ thay đổi của tôi để xem lại' })
      .click();
    await second
      .getByText('Biểu mẫu đã có dữ liệu mới nhất cùng các thay đổi của bạn.', { exact: false })
      .waitFor();
    expect(await drawer(second).getByLabel('Lô đất').inputValue()).toBe('Lô CN-09');
    await second.getByTestId('project-save').click();
    await second.getByText('Đã lưu thông tin dự án.').waitFor();
    const project = (await second.evaluate(
      async (code) => (await fetch(`/api/projects/${code}`)).json(),
      PROJECT,
    )) as { lot: string };
    expect(project.lot).toBe('Lô CN-09');
  });
});

describe('an officer mistypes an organisation’s tax code', () => {
  it('sees the server’s message beside the tax code field, and nothing is saved', async () => {
    const code = (await first.evaluate(async () => {
      const page = (await (await fetch('/api/organisations?pageSize=1')).json()) as {
        items: { code: string }[];
      };
      return page.items[0]!.code;
    })) as string;
    await first.goto(`${izis.url}/organisations/${code}`);
    await first.getByRole('button', { name: 'Sửa thông tin' }).click();
    const taxCode = drawer(first).getByLabel('Mã số thuế');
    await taxCode.waitFor();
    const before = await taxCode.inputValue();
    // 010010910 has the check digit 6: 0100109100 is not a tax code.
    await taxCode.fill('0100109100');
    await first.getByTestId('organisation-save').click();
    const item = drawer(first)
      .locator('.ant-form-item')
      .filter({ has: first.getByLabel('Mã số thuế') });
    await expect
      .poll(() => item.locator('.ant-form-item-explain-error').innerText(), { timeout: 15_000 })
      .toMatch(/chữ số kiểm tra|không hợp lệ/i);
    await shot(first, '02-tax-code-refused');
    const stored = (await first.evaluate(
      async (c) => (await fetch(`/api/organisations/${c}`)).json(),
      code,
    )) as { taxCode: string | null };
    expect(stored.taxCode ?? '').toBe(before);
  });
});
