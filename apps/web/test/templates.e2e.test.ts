import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { TemplateDetail } from '@bitterroot/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import type { SessionHeaders } from './sign-in.ts';

// Browser end-to-end test of the upload template pages against a real server: the list in upload order,
// one template's generated documentation with a folded code list, and the XLSX download.

const screenshots = fileURLToPath(new URL('../../../test-results/web/', import.meta.url));
const hasChromium = await chromiumAvailable();
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const suiteName = hasChromium
  ? 'upload template pages in a browser'
  : `upload template pages in a browser (skipped: no Chromium at ${chromiumPath}; set BITTERROOT_CHROMIUM)`;

let headers: SessionHeaders;

async function enrollment(base: string): Promise<TemplateDetail> {
  const response = await fetch(new URL('/api/v1/templates/student-enrollment', base), { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as TemplateDetail;
}

function templateRows(page: Page) {
  return page.getByRole('table', { name: /upload templates/ }).locator('tbody tr');
}

describe.skipIf(!hasChromium)(suiteName, () => {
  const s = browserSuite({
    context: { acceptDownloads: true },
    setup: async () => {
      headers = s.headers;
    },
  });

  it('lists the templates in upload order from the main navigation', async () => {
    await s.page.goto(new URL('/', s.server.url).href);
    await s.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Upload templates' })
      .click();
    await s.page.getByRole('heading', { level: 1, name: /upload templates/ }).waitFor();
    await expect.poll(() => templateRows(s.page).count()).toBe(22);
    const names = await templateRows(s.page).locator('th[scope=row]').allInnerTexts();
    expect(names.slice(0, 2)).toEqual(['Student Demographic', 'Student Enrollment']);
    const orders = await templateRows(s.page).evaluateAll((rows) =>
      rows.map((row) => Number(row.querySelector('td')?.textContent)),
    );
    expect(orders).toEqual(orders.toSorted((a, b) => a - b));
  });

  it('documents a template with its fields, a folded code list and provisional marks', async () => {
    const detail = await enrollment(s.server.url);
    await s.page.goto(new URL('/templates', s.server.url).href);
    await s.page.getByRole('link', { name: 'Student Enrollment' }).click();
    await s.page.getByRole('heading', { level: 1, name: /Student Enrollment/ }).waitFor();
    expect(new URL(s.page.url()).pathname).toBe('/templates/student-enrollment');
    const fields = s.page.getByRole('table', { name: /columns, in file order/ }).locator('tbody tr');
    await expect.poll(() => fields.count()).toBe(detail.fields.length);
    expect(await fields.first().locator('th[scope=row]').innerText()).toMatch(/^Record Type/);

    const grade = fields.filter({ has: s.page.getByRole('rowheader', { name: /^Grade/ }) });
    const codes = grade.locator('details.code-set');
    expect(await codes.locator('summary').innerText()).toMatch(/^Grade level: \d+ codes$/);
    const kf = codes.getByText('Kindergarten full-time');
    expect(await kf.isVisible(), 'long code lists start folded').toBe(false);
    await codes.locator('summary').click();
    await kf.waitFor();
    expect(await grade.getByText('decision 0012').count()).toBeGreaterThan(0);

    const rules = s.page.getByRole('region', { name: /Upload order, key and update rules/ });
    expect(await rules.innerText()).toContain('Upload after Student Demographic');
    expect(await rules.getByRole('listitem').count()).toBe(detail.key.length);
    await s.page.screenshot({ path: `${screenshots}template-student-enrollment.png`, fullPage: true });
  });

  it('downloads the XLSX template from the documentation page', async () => {
    const detail = await enrollment(s.server.url);
    await s.page.goto(new URL('/templates/student-enrollment', s.server.url).href);
    const link = s.page.getByRole('link', { name: 'Download XLSX template' });
    const href = (await link.getAttribute('href')) ?? '';
    const response = await fetch(new URL(href, s.server.url), { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_TYPE);

    const [download] = await Promise.all([s.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('montana-student-enrollment.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ExcelJS.Buffer);
    const header = workbook.worksheets[0]!.getRow(1);
    expect(detail.fields.map((f) => header.getCell(f.position).value)).toEqual(
      detail.fields.map((f) => f.label),
    );
  });

  it('says clearly when a template does not exist', async () => {
    await s.page.goto(new URL('/templates/no-such-template', s.server.url).href);
    await s.page.getByRole('heading', { level: 1, name: 'Template not found' }).waitFor();
    expect(await s.page.getByRole('status').innerText()).toContain('no-such-template');
    // The 404 is the expected answer, not an error worth failing on.
    s.pageErrors = s.pageErrors.filter((e) => !e.includes('404'));
  });
});
