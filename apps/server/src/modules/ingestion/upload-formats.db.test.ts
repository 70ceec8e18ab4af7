import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Profile } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { runUpload } from './upload.service.ts';

let t: TestDatabase;
let profile: Profile;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
  dir = await mkdtemp(join(tmpdir(), 'bitterroot-formats-'));
});
afterAll(async () => {
  await t.drop();
});

const header = [
  'Record Type',
  'District Number',
  'Student State ID',
  'Student Local ID',
  'Last Name',
  'First Name',
  'Gender',
  'Birthdate',
  'Hispanic/Latino',
  'Race',
];

async function upload(name: string, content: Buffer | string) {
  const path = join(dir, name);
  await writeFile(path, content);
  return await runUpload(t, profile, {
    path,
    fileName: name,
    district: '0001',
    schoolYear: TEST_SCHOOL_YEAR,
    dryRun: false,
  });
}

async function lastNames(): Promise<string[]> {
  const rows = await t.db.selectFrom('student').select('last_name').orderBy('last_name').execute();
  return rows.map((r) => r.last_name);
}

describe('every file format reaches the same pipeline', () => {
  it('CSV with BOM, CRLF, a header of labels in any case, quoted commas and blank lines', async () => {
    const lines = [
      header.map((h) => h.toUpperCase()).join(','),
      'SD,0001,,7001,"García, Jr",Ana,F,2014-03-14,N,6',
      '',
      'SD,0001,,7002,Nguyễn,Minh,M,11/02/2013,N,"2,6"',
      '',
    ];
    const r = await upload('sd.csv', Buffer.from('\uFEFF' + lines.join('\r\n'), 'utf8'));
    expect(r.findings).toEqual([]);
    expect(r).toMatchObject({ status: 'committed', rows: 2 });
    expect(await lastNames()).toEqual(expect.arrayContaining(['García, Jr', 'Nguyễn']));
  });

  it('Windows-1252 tab-separated with the HD row keeps Peña exact', async () => {
    const text =
      'HD\t08/28/2025\t10:00:00\tMT9.1\r\n' +
      ['SD', '0001', '', '7003', 'Peña', 'Lucía', '', '', 'F', '01/05/2015', 'Y', '6'].join('\t') +
      '\r\n';
    const r = await upload('sd-1252.tsv', Buffer.from(text, 'latin1'));
    expect(r.findings).toEqual([]);
    expect(r.status).toBe('committed');
    expect(await lastNames()).toContain('Peña');
  });

  it('UTF-16 with BOM', async () => {
    const text =
      '\uFEFF' +
      header.join('\t') +
      '\n' +
      ['SD', '0001', '', '7004', 'Øster', 'Ida', 'F', '2014-07-01', 'N', '6'].join('\t') +
      '\n';
    const r = await upload('sd-utf16.txt', Buffer.from(text, 'utf16le'));
    expect(r.findings).toEqual([]);
    expect(await lastNames()).toContain('Øster');
  });

  it('XLSX (first sheet), keeping leading zeros of text cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('SD');
    sheet.addRow(header);
    sheet.addRow(['SD', '0001', '', '7005', 'Xu', 'Bo', 'M', '2013-09-09', 'N', '4']);
    const path = join(dir, 'sd.xlsx');
    await workbook.xlsx.writeFile(path);
    const r = await runUpload(t, profile, {
      path,
      fileName: 'sd.xlsx',
      district: '0001',
      schoolYear: TEST_SCHOOL_YEAR,
      dryRun: false,
    });
    expect(r.findings).toEqual([]);
    expect(r.status).toBe('committed');
    expect(await lastNames()).toContain('Xu');
  });

  it('a header missing a required column gives one finding listing what was expected', async () => {
    const r = await upload(
      'sd-missing.csv',
      [header.filter((h) => h !== 'Birthdate').join(','), 'SD,0001,,7006,Roe,Al,M,N,6'].join('\n'),
    );
    expect(r.status).toBe('rejected');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: 'HDR-MISSING-COLUMN', severity: 'fatal' });
    expect(r.findings[0]!.message).toContain('Birthdate');
  });

  it('binary garbage is a clean rejection, not a crash', async () => {
    const r = await upload(
      'garbage.bin',
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0xff, 0xfe, 0x00, 0x13, 0x37]),
    );
    expect(r.status).toBe('rejected');
    expect(r.findings[0]!.severity).toBe('fatal');
  });
});
