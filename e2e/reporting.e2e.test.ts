import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshotDir, startIzis, type RunningIzis } from './harness';

/**
 * The statutory chain of Circular 14 as its users live it: a tenant files Biểu 01 (the form refuses an empty
 * submission before anything is sent), the commune officer returns it with a reason, the tenant corrects it and
 * resubmits, the officer accepts, and the commune's Biểu 03 shows the accepted figure with its source; the
 * developer files Biểu 02, the officer accepts it, and the city's Biểu 04 shows it with its source; the Biểu 04
 * downloads as XLSX and DOCX, which are opened (the DOCX converted to PDF and PNG by LibreOffice) and read.
 *
 * Every step notifies exactly the people concerned, and each notice opens the record it is about: the commune
 * officer and the Department learn of a submission, the tenant of a return (with its reason) and of the
 * acceptance, the developer of its Biểu 02's acceptance, the Department of the commune's signed Biểu 03.
 * Screenshots at 1366 px and 390 px (a phone) of the filing and the reports home.
 */
let izis: RunningIzis;
/** One browser profile per person: a profile's pages share the session cookie. */
let tenantBrowser: BrowserContext;
let officerBrowser: BrowserContext;
let developerBrowser: BrowserContext;
let departmentBrowser: BrowserContext;
let tenant: Page;
let officer: Page;
let developer: Page;
let department: Page;

const PERIOD = '2026-H1';
const PASSWORD = 'IzisDemo-2026';

/** An API session (cookie and CSRF token) for setting up the registry the way an administrator would. */
async function apiSession(username: string) {
  const signIn = await fetch(`${izis.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  return async (path: string, body: unknown) => {
    const res = await fetch(`${izis.url}${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBe(201);
  };
}

async function signedIn(browser: BrowserContext, username: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(izis.url);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('app-shell').waitFor();
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir, `reporting-e2e-${name}.png`), fullPage: true });

type Notice = { kind: string; link: string | null; title: { vi: string }; body: { vi: string } };
/** The user's notices, read with the browser profile's own session. */
async function noticesOf(page: Page): Promise<Notice[]> {
  const res = await page.request.get(`${izis.url}/api/notifications?limit=100`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: Notice[] }).items;
}

/** Opens the bell on the reports home, clicks the notice whose title matches and waits for the page it opens. */
async function followNotice(page: Page, title: RegExp, opens: string): Promise<void> {
  await page.goto(`${izis.url}/reports`);
  await page.getByTestId('notification-bell').click();
  await page.getByRole('dialog', { name: 'Thông báo' }).getByRole('button', { name: title }).first().click();
  await page.waitForURL(opens);
}

/** The page fits the phone: nothing wider than the viewport (a wide table scrolls inside its card). */
async function fitsWidth(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 844 });
  await page.waitForTimeout(300);
  // What sticks out, named, so a failure says where.
  const wide = (await page.evaluate(`(() => {
    const w = ${width};
    const out = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right > w + 0.5 && r.width > 0 && !el.closest('.ant-table-content, .ant-table-body'))
        out.push(el.tagName.toLowerCase() + '.' + String(el.className).slice(0, 60) + ' → ' + Math.round(r.right));
    }
    return out.slice(0, 8);
  })()`)) as string[];
  expect(wide).toEqual([]);
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
}

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  izis = await startIzis();
  // An operating cluster in Đông Anh (the demo commune officer's commune) with one operating tenant project.
  const post = await apiSession('admin');
  await post('/api/organisations', {
    code: 'E2E-DEV',
    name: 'Công ty Hạ tầng E2E',
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['developer'],
  });
  await post('/api/organisations', {
    code: 'E2E-ORG',
    name: 'Công ty TNHH Cơ khí E2E',
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['tenant'],
  });
  await post('/api/zones', {
    code: 'CCN-E2E',
    name: 'Cụm công nghiệp E2E',
    kind: 'CCN',
    communeCode: '00454',
    developerCode: 'E2E-DEV',
    declaredAreaHa: 30,
    industrialLandHa: 22,
  });
  await post('/api/zones/CCN-E2E/lifecycle', { state: 'established', eventDate: '2020-06-01' });
  await post('/api/zones/CCN-E2E/lifecycle', { state: 'operating', eventDate: '2022-06-01' });
  await post('/api/projects', {
    code: 'P-E2E',
    zoneCode: 'CCN-E2E',
    investorCode: 'E2E-ORG',
    name: 'Xưởng cơ khí E2E',
    status: 'operating',
  });
  await post('/api/users', {
    username: 'e2etenant',
    displayName: 'Nguyễn Thị Doanh Nghiệp',
    email: null,
    password: PASSWORD,
    role: 'enterprise',
    scopeKind: 'organisation',
    scopeRef: 'E2E-ORG',
  });
  await post('/api/users', {
    username: 'e2edev',
    displayName: 'Trần Văn Hạ Tầng',
    email: null,
    password: PASSWORD,
    role: 'developer',
    scopeKind: 'organisation',
    scopeRef: 'E2E-DEV',
  });
  tenantBrowser = await openBrowser();
  officerBrowser = await openBrowser();
  developerBrowser = await openBrowser();
  departmentBrowser = await openBrowser();
  tenant = await signedIn(tenantBrowser, 'e2etenant');
  officer = await signedIn(officerBrowser, 'xadonganh');
});

afterAll(async () => {
  await tenantBrowser?.close();
  await officerBrowser?.close();
  await developerBrowser?.close();
  await departmentBrowser?.close();
  await izis?.stop();
});

describe('Biểu 01 from a tenant to the commune’s Biểu 03', () => {
  let filingUrl = '';

  it('the tenant sees the report it owes and cannot submit it empty', async () => {
    await tenant.goto(`${izis.url}/reports?period=${PERIOD}`);
    const owed = tenant.getByTestId('outstanding').getByRole('row', { name: /Xưởng cơ khí E2E/ });
    await owed.waitFor();
    expect(await owed.innerText()).toContain('20/6/2026');
    await owed.getByRole('button', { name: 'Nhập báo cáo' }).click();
    await tenant.getByTestId('item-workers').waitFor();
    await tenant.getByRole('button', { name: 'Nộp báo cáo' }).click();
    // The shared validation runs in the browser: every required item is named, and nothing was sent.
    await tenant.getByText(/Mục 3 \(Số lao động.*bắt buộc nhập/).waitFor();
    expect(tenant.url()).toContain('/reports/filings/new');
    await shot(tenant, '01-required');
  });

  it('the tenant types the figures the Vietnamese way, saves a draft and submits', async () => {
    await tenant.getByTestId('item-revenue_vnd').fill('12,5');
    await tenant.getByTestId('item-state_budget_vnd').fill('1,2');
    await tenant.getByTestId('item-workers').fill('120');
    await tenant.getByTestId('item-avg_income_vnd').fill('8,5');
    await tenant.getByRole('button', { name: 'Lưu nháp' }).click();
    await tenant.waitForURL(/\/reports\/filings\/[0-9a-f-]{36}$/);
    await tenant.getByTestId('filing-status').getByText('Bản nháp').waitFor();
    filingUrl = tenant.url();
    await tenant.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await tenant.getByTestId('filing-status').getByText('Đã nộp, chờ xem xét').waitFor();
    // Submitted: the figures are no longer editable while the commune reviews them.
    expect(await tenant.getByTestId('item-workers').isDisabled()).toBe(true);
  });

  it('the submission reaches the commune officer, whose notice opens the filing', async () => {
    await followNotice(officer, /Xưởng cơ khí E2E đã nộp Biểu 01 kỳ 6 tháng đầu năm 2026/, filingUrl);
    await officer.getByTestId('filing-status').getByText('Đã nộp, chờ xem xét').waitFor();
    await officer.getByTestId('notification-bell').click();
    await shot(officer, '02a-notice-submitted-1366');
    await officer.keyboard.press('Escape');
  });

  it('the commune officer finds it in the in-tray and returns it only with a reason', async () => {
    await officer.goto(`${izis.url}/reports?period=${PERIOD}&status=submitted`);
    await officer
      .getByTestId('filings')
      .getByRole('link', { name: /Xưởng cơ khí E2E/ })
      .click();
    await officer.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Vui lòng ghi lý do trả lại.').waitFor();
    await officer.getByTestId('return-reason-input').fill('Số lao động chưa khớp với danh sách đóng BHXH.');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await officer.getByTestId('filing-status').getByText('Bị trả lại').waitFor();
  });

  it('the tenant is told of the return with its reason; the notice opens the filing', async () => {
    const returned = (await noticesOf(tenant)).find((n) => n.kind === 'report.returned');
    expect(returned?.body.vi).toContain('Số lao động chưa khớp với danh sách đóng BHXH.');
    expect(returned?.link).toBe(new URL(filingUrl).pathname);
    await followNotice(tenant, /Biểu 01 kỳ 6 tháng đầu năm 2026 bị trả lại — Xưởng cơ khí E2E/, filingUrl);
  });

  it('the tenant reads the reason, corrects the figure and resubmits; both revisions stay side by side', async () => {
    await tenant.goto(filingUrl);
    await tenant.getByTestId('return-reason').getByText('Số lao động chưa khớp').waitFor();
    await tenant.getByTestId('item-workers').fill('135');
    await tenant.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await tenant.getByTestId('filing-status').getByText('Đã nộp, chờ xem xét').waitFor();
    const revisions = tenant.getByTestId('revisions');
    await revisions.getByText('Lần 2').first().waitFor();
    const workers = await revisions
      .locator('tr.ant-table-row', { hasText: 'Số lao động' })
      .first()
      .innerText();
    expect(workers).toMatch(/120\s+135/);
    await shot(tenant, '02-resubmitted');
  });

  it('the filing fits a phone: each item above a full-width input', async () => {
    await tenant.setViewportSize({ width: 390, height: 844 });
    await shot(tenant, '02b-filing-390');
    await fitsWidth(tenant, 390);
    const input = tenant.getByTestId('item-workers');
    // The input spans its card (about 196 px beside the 80 px menu), not a sliver of a fourth column.
    const card = tenant.locator('.ant-table-wrapper', { has: input });
    expect((await input.boundingBox())!.width).toBeGreaterThan(0.75 * (await card.boundingBox())!.width);
    await tenant.setViewportSize({ width: 1366, height: 820 });
  });

  it('the officer accepts, and Biểu 03 of the commune shows the accepted figure with its source', async () => {
    // The resubmission was announced to the officer, linking to the same filing.
    const resubmitted = (await noticesOf(officer)).filter((n) => n.kind === 'report.resubmitted');
    expect(resubmitted.map((n) => n.link)).toEqual([new URL(filingUrl).pathname]);
    await officer.goto(filingUrl);
    await officer.getByRole('button', { name: 'Tiếp nhận' }).click();
    await officer.locator('.ant-modal-confirm').getByRole('button', { name: 'Tiếp nhận' }).click();
    await officer.getByTestId('filing-status').getByText('Đã tiếp nhận').waitFor();
    // The acceptance reaches the tenant and nobody else of this journey.
    await followNotice(
      tenant,
      /Biểu 01 kỳ 6 tháng đầu năm 2026 đã được chấp nhận — Xưởng cơ khí E2E/,
      filingUrl,
    );
    expect((await noticesOf(officer)).some((n) => n.kind === 'report.accepted')).toBe(false);
    // The commune officer's own Biểu 03 is one click from the reports home, at the period shown there.
    await officer.goto(`${izis.url}/reports?period=${PERIOD}`);
    await officer.getByTestId('open-b03').click();
    await officer.waitForURL(`${izis.url}/reports/compiled?formCode=B03&period=${PERIOD}&commune=00454`);
    const items = officer.getByTestId('compiled-items');
    await items.waitFor();
    const row = items.locator('tr.ant-table-row', { hasText: 'Số lao động có hợp đồng' }).first();
    await expect.poll(async () => row.innerText()).toMatch(/135/);
    await row.getByRole('button').first().click();
    await items.getByRole('link', { name: 'B01 lần 2' }).first().waitFor();
    await shot(officer, '03-b03');
  });

  it('the developer files Biểu 02 for the cluster and the officer accepts it', async () => {
    developer = await signedIn(developerBrowser, 'e2edev');
    await developer.goto(`${izis.url}/reports?period=${PERIOD}`);
    const owed = developer.getByTestId('outstanding').getByRole('row', { name: /Cụm công nghiệp E2E/ });
    await owed.waitFor();
    await owed.getByRole('button', { name: 'Nhập báo cáo' }).click();
    await developer.getByTestId('item-infra_investment_paid_vnd').waitFor();
    const figures: Record<string, string> = {
      infra_investment_approved_vnd: '300',
      infra_investment_paid_vnd: '77,7',
      land_ready_ha: '15',
      land_leased_ha: '10,5',
      occupancy_pct: '47,73',
      projects: '1',
      projects_fdi: '0',
      projects_operating: '1',
      revenue_vnd: '5,5',
      state_budget_vnd: '0,4',
      workers: '25',
      avg_income_vnd: '9',
    };
    for (const [indicator, value] of Object.entries(figures)) {
      await developer.getByTestId(`item-${indicator}`).fill(value);
    }
    for (const flag of ['wwtp_built', 'wwtp_compliant']) {
      await developer.getByTestId(`item-${flag}`).click();
      const open = developer.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
      await open.locator('.ant-select-item-option', { hasText: 'Có (1)' }).click();
      // Wait for the dropdown to close before opening the next one.
      await expect.poll(async () => open.count()).toBe(0);
      await expect.poll(async () => developer.getByTestId(`item-${flag}`).innerText()).toContain('Có (1)');
    }
    await developer.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await developer.getByTestId('filing-status').getByText('Đã nộp, chờ xem xét').waitFor();
    const b02Url = developer.url();
    await shot(developer, '04-b02-submitted');

    await officer.goto(b02Url);
    await officer.getByRole('button', { name: 'Tiếp nhận' }).click();
    await officer.locator('.ant-modal-confirm').getByRole('button', { name: 'Tiếp nhận' }).click();
    await officer.getByTestId('filing-status').getByText('Đã tiếp nhận').waitFor();

    // The developer is told of its own report's acceptance — not of the tenant's return or acceptance.
    const kinds = (await noticesOf(developer)).map((n) => `${n.kind} ${n.link}`);
    expect(kinds).toEqual([`report.accepted ${new URL(b02Url).pathname}`]);
    await followNotice(
      developer,
      /Biểu 02 kỳ 6 tháng đầu năm 2026 đã được chấp nhận — Cụm công nghiệp E2E/,
      b02Url,
    );
  });

  it('Biểu 03 of the commune and Biểu 04 of the city show the developer’s figure with its source', async () => {
    const drill = async (page: Page, label: RegExp) => {
      const items = page.getByTestId('compiled-items');
      await items.waitFor();
      const row = items.locator('tr.ant-table-row', { hasText: label }).first();
      await row.getByRole('button').first().click();
      const source = items.locator('li', { has: page.getByRole('link', { name: 'B02 lần 1' }) });
      await expect.poll(async () => (await source.allInnerTexts()).join(' | ')).toMatch(/77,7/);
    };
    await officer.goto(`${izis.url}/reports/compiled?formCode=B03&period=${PERIOD}&commune=00454`);
    await drill(officer, /Vốn đầu tư hạ tầng đã thực hiện/);
    await shot(officer, '05-b03-b02-source');

    department = await signedIn(departmentBrowser, 'sct');
    // The Department reviews the clusters' reports too: both submissions reached it, each linking to its filing.
    const submitted = (await noticesOf(department)).filter((n) => n.kind === 'report.submitted');
    expect(submitted).toHaveLength(2);
    await department.goto(`${izis.url}/reports/compiled?formCode=B04&period=${PERIOD}`);
    await drill(department, /Vốn đầu tư hạ tầng đã thực hiện/);
    await shot(department, '06-b04');
  });

  it('Biểu 04 downloads as XLSX and DOCX that open and read correctly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'izis-e2e-b04-'));
    const download = async (name: string) => {
      const [file] = await Promise.all([
        department.waitForEvent('download'),
        department.getByRole('link', { name }).first().click(),
      ]);
      const path = join(dir, file.suggestedFilename());
      await file.saveAs(path);
      return path;
    };

    const xlsxPath = await download('Tải XLSX');
    expect(xlsxPath).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
    const text = cells.join(' | ');
    expect(text).toContain('Biểu số 04');
    expect(text).toContain('Vốn đầu tư hạ tầng đã thực hiện');

    const docxPath = await download('Tải DOCX');
    expect(docxPath).toMatch(/\.docx$/);
    // LibreOffice renders the Word file as a reader would see it: to PDF, then its first page to PNG.
    execFileSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docxPath], {
      timeout: 120_000,
      env: { ...process.env, HOME: dir },
    });
    const pdfPath = docxPath.replace(/\.docx$/, '.pdf');
    const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString('utf8');
    // The national motto on one line (Decree 30), the title naming the city once.
    expect(pdfText).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pdfText).toMatch(/Tình hình cụm công nghiệp trên địa bàn\s+thành phố Hà Nội/);
    expect(pdfText).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(pdfText).toContain('Vốn đầu tư hạ tầng đã thực hiện');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      pdfPath,
      join(screenshotDir, 'reporting-e2e-07-b04-docx'),
    ]);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the commune signs Biểu 03; the Department is told and its notice opens that Biểu 03 and period', async () => {
    const b03 = `${izis.url}/reports/compiled?formCode=B03&period=${PERIOD}&commune=00454`;
    await officer.goto(b03);
    await officer.getByTestId('compiled-items').waitFor();
    await officer.getByRole('button', { name: 'Ký duyệt' }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByLabel('Người ký').fill('Nguyễn Văn Ký');
    await dialog.getByLabel('Chức vụ').fill('Chủ tịch');
    await dialog.getByRole('button', { name: 'Ký duyệt' }).click();
    await officer.getByTestId('signed-versions').waitFor();
    await followNotice(department, /Biểu 03 kỳ 6 tháng đầu năm 2026 của .* đã ký ban hành/, b03);
    await department.getByTestId('compiled-items').waitFor();
    await department.getByTestId('compiled-pdf').waitFor();
    await shot(department, '08-b03-signed-notice-1366');
    // Only the next level: the tenant and the developer are not told of the signing.
    for (const page of [tenant, developer]) {
      expect((await noticesOf(page)).some((n) => n.kind === 'report.signed')).toBe(false);
    }
  });

  it('the reports home fits a phone', async () => {
    await officer.goto(`${izis.url}/reports?period=${PERIOD}`);
    await officer.getByTestId('open-b03').waitFor();
    await shot(officer, '09-reports-home-1366');
    await officer.setViewportSize({ width: 390, height: 844 });
    await shot(officer, '09-reports-home-390');
    await fitsWidth(officer, 390);
    await officer.setViewportSize({ width: 1366, height: 820 });
  });
});
