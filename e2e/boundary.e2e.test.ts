import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { request, type APIRequestContext, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatArea } from '../src/domain/format/format';
import { openBrowser, screenshotDir, startIzis, type RunningIzis } from './harness';

/**
 * A department officer draws a cluster's boundary by hand on the map (no file), sees its area against the
 * declared area and what is wrong with a bad shape, saves it, finds it after a reload, then edits it — once
 * refused because someone else changed the zone meanwhile.
 */
const CODE = 'CCN-CAM-THUONG';

let izis: RunningIzis;
let browser: BrowserContext;
let page: Page;
let admin: APIRequestContext;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  izis = await startIzis();
  browser = await openBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await admin?.dispose();
  await browser?.close();
  await izis?.stop();
});

const shot = (name: string) =>
  page.screenshot({ path: join(screenshotDir, `boundary-e2e-${name}.png`), fullPage: true });

type ZoneDetail = {
  version: number;
  boundaryAreaHa: number | null;
  hasBoundary: boolean;
  leasedHa: number | null;
};
type MapFeature = { properties: { code: string }; geometry: { type: string; coordinates: number[][][] } };

const zone = () =>
  page.evaluate(async (code) => (await fetch(`/api/zones/${code}`)).json(), CODE) as Promise<ZoneDetail>;
const mapFeature = async () => {
  const map = (await page.evaluate(async () => (await fetch('/api/zones/map')).json())) as {
    features: MapFeature[];
  };
  return map.features.find((f) => f.properties.code === CODE);
};

/** "≈ 1.234,56 ha" → 1234.56 */
const hectares = (text: string) => Number(text.replace(/[^\d,]/g, '').replace(',', '.'));

/** The centre of the map canvas and its size, in page pixels. */
async function canvas() {
  const box = await page.locator('[data-testid="map-canvas"] canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, height: box.height };
}

const status = () => page.getByTestId('draw-status').textContent();

describe('drawing a zone boundary by hand', () => {
  it('signs in and opens the boundary tab of a cluster that has no boundary yet', async () => {
    await page.goto(izis.url);
    await page.getByLabel('Tên đăng nhập').fill('sct');
    await page.getByLabel('Mật khẩu').fill('IzisDemo-2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('app-shell').waitFor();
    await page.goto(`${izis.url}/zones/${CODE}?tab=boundary`);
    await page.getByText('Khu, cụm này chưa có ranh giới', { exact: false }).waitFor();
    expect((await zone()).hasBoundary).toBe(false);
  });

  it('refuses a polygon that crosses itself, saying so in Vietnamese', async () => {
    await page.getByRole('button', { name: 'Vẽ ranh giới mới' }).click();
    await page.getByTestId('draw-toolbar').waitFor();
    await page.waitForTimeout(500);
    const c = await canvas();
    expect(await status()).toBe('Bấm lên bản đồ để đặt đỉnh đầu tiên.');
    // A bow tie, closed by clicking its first vertex again.
    await page.mouse.click(c.x - 80, c.y - 80);
    await page.mouse.click(c.x + 80, c.y + 80);
    await page.mouse.click(c.x + 80, c.y - 80);
    await page.mouse.click(c.x - 80, c.y + 80);
    expect(await status()).toContain('Đã đặt 4 đỉnh');
    await page.mouse.click(c.x - 80, c.y - 80);
    const problems = page.getByTestId('drawing-problems');
    await problems.getByText('Vùng 1 có các cạnh cắt nhau', { exact: false }).waitFor();
    expect(await page.getByTestId('drawing-save').isDisabled()).toBe(true);
    await shot('01-self-intersection');
    // Undo the closing, then drop the ring.
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    expect(await status()).toContain('Đã đặt 4 đỉnh');
    await page.getByRole('button', { name: 'Huỷ vùng đang vẽ' }).click();
    expect(await status()).toBe('Bấm lên bản đồ để đặt đỉnh đầu tiên.');
  });

  it('draws a square, sees its area grow and closes it with a double-click', async () => {
    const c = await canvas();
    await page.mouse.click(c.x - 80, c.y - 80);
    await page.mouse.click(c.x + 80, c.y - 80);
    await page.mouse.click(c.x + 80, c.y + 80);
    const triangle = hectares((await page.getByTestId('drawing-figures-area').textContent()) ?? '');
    await page.mouse.dblclick(c.x - 80, c.y + 80);
    await page.getByTestId('drawing-valid').waitFor();
    const square = hectares((await page.getByTestId('drawing-figures-area').textContent()) ?? '');
    expect(triangle).toBeGreaterThan(0);
    expect(square / triangle).toBeCloseTo(2, 1);
    expect(await page.getByTestId('drawing-figures-diff').textContent()).toMatch(/^[+−]\d/);
    await shot('02-square');
  });

  it('saves it, and after a reload the boundary and its area are shown', async () => {
    const estimated = hectares((await page.getByTestId('drawing-figures-area').textContent()) ?? '');
    await page.getByTestId('drawing-save').click();
    await page.getByText('Đã lưu ranh giới', { exact: false }).waitFor();
    await page.reload();
    const current = page.getByTestId('zone-boundary-current');
    await current.getByText('Diện tích theo ranh giới (máy chủ tính)').waitFor();
    const saved = await zone();
    expect(saved.hasBoundary).toBe(true);
    expect(saved.boundaryAreaHa).not.toBeNull();
    // The browser's spherical estimate is within 1 % of PostGIS's ellipsoidal area.
    expect(Math.abs(saved.boundaryAreaHa! - estimated) / saved.boundaryAreaHa!).toBeLessThan(0.01);
    await current.getByText(formatArea(saved.boundaryAreaHa), { exact: true }).waitFor();
    const feature = await mapFeature();
    expect(feature?.geometry.type).toBe('MultiPolygon');
    expect(feature?.geometry.coordinates).toHaveLength(1);
    expect(feature?.geometry.coordinates[0]?.[0]).toHaveLength(5);
    await page.waitForTimeout(800);
    await shot('03-saved-after-reload');
  });

  it('edits it: a vertex inserted by dragging an edge midpoint; a stale save is refused, then saved', async () => {
    const before = (await zone()).boundaryAreaHa!;
    await page.getByRole('button', { name: 'Sửa ranh giới hiện tại' }).click();
    await page.getByTestId('draw-toolbar').waitFor();
    await page.waitForTimeout(500);
    // The square now fills the height of the map less 40 px of padding on each side.
    const c = await canvas();
    const top = c.y - (c.height - 80) / 2;
    await page.mouse.move(c.x, top);
    await page.mouse.down();
    await page.mouse.move(c.x, top - 20, { steps: 4 });
    await page.mouse.move(c.x, top - 40, { steps: 4 });
    await page.mouse.up();
    expect(await status()).toContain('Đã chọn đỉnh 2 của vùng 1');
    const edited = hectares((await page.getByTestId('drawing-figures-area').textContent()) ?? '');
    expect(edited).toBeGreaterThan(before * 1.05);

    // Meanwhile an administrator changes the zone's leased land.
    admin = await request.newContext({ baseURL: izis.url, extraHTTPHeaders: { Origin: izis.url } });
    const session = (await (
      await admin.post('/api/auth/sign-in', { data: { username: 'admin', password: 'IzisDemo-2026' } })
    ).json()) as { csrfToken: string };
    const current = (await (await admin.get(`/api/zones/${CODE}`)).json()) as ZoneDetail;
    const patched = await admin.patch(`/api/zones/${CODE}`, {
      data: { version: current.version, leasedHa: 3.25 },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(patched.status()).toBe(200);

    await page.getByTestId('drawing-save').click();
    const conflict = page.getByTestId('boundary-conflict');
    await conflict.waitFor();
    await conflict.getByText(formatArea(3.25)).first().waitFor();
    await shot('04-conflict');
    // The drawing is kept: saving again, knowingly, goes through.
    await page.getByTestId('drawing-save').click();
    await page.getByText('Đã lưu ranh giới', { exact: false }).waitFor();
    await page.reload();
    await page
      .getByTestId('zone-boundary-current')
      .getByText('Diện tích theo ranh giới (máy chủ tính)')
      .waitFor();
    const after = await zone();
    expect(after.leasedHa).toBe(3.25);
    expect(after.boundaryAreaHa!).toBeGreaterThan(before * 1.05);
    expect((await mapFeature())?.geometry.coordinates[0]?.[0]).toHaveLength(6);
    await page.getByTestId('zone-boundary-current').getByText(formatArea(after.boundaryAreaHa)).waitFor();
    await page.waitForTimeout(800);
    await shot('05-edited');
  });
});
