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

const shot = (name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });

describe('a department officer’s first visit', () => {
  it('is sent to the sign-in page in Vietnamese and told clearly when the password is wrong', async () => {
    await page.goto(izis.url);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await page.getByLabel('Tên đăng nhập').fill('sct');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await shot('01-sign-in-wrong-password');
  });

  it('signs in and sees the shell with the modules of IZIS', async () => {
    await page.getByLabel('Mật khẩu').fill('IzisDemo-2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('app-shell').waitFor();
    await expect.poll(() => page.getByText('Khu & cụm công nghiệp').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Báo cáo định kỳ').first().isVisible()).toBe(true);
    await shot('02-shell-vi');
  });

  it('opens the investor catalogue and sees the zones it may publish', async () => {
    await page.getByText('Danh mục đầu tư công khai').first().click();
    await page.getByTestId('catalogue-publishing').waitFor();
    await page.getByRole('button', { name: 'Chỉnh sửa' }).first().click();
    await expect.poll(() => page.getByText('luôn công khai theo luật').first().isVisible()).toBe(true);
    await shot('03-catalogue');
    await page.keyboard.press('Escape');
  });

  it('switches to English, and the choice survives a reload', async () => {
    await page
      .getByRole('button', { name: 'EN' })
      .or(page.getByText('EN', { exact: true }))
      .first()
      .click();
    await expect.poll(() => page.getByText('Periodic reports').first().isVisible()).toBe(true);
    await page.reload();
    await page.getByTestId('app-shell').waitFor();
    await expect.poll(() => page.getByText('Periodic reports').first().isVisible()).toBe(true);
    await shot('04-shell-en');
  });

  it('signs out from the user menu and cannot come back without signing in', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByText('Sign out', { exact: true }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await shot('05-signed-out-en');
    await page.goto(`${izis.url}/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).status);
    expect(session).toBe(401);
  });
});
