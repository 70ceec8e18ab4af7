import { describe, expect, it } from 'vitest';
import { currentEnrollment, historyEnrollment } from './bulk-rows.ts';

const columns = (names: string) => {
  const list = names.split(' ');
  return (name: string) => {
    const i = list.indexOf(name);
    if (i < 0) throw new Error(`no column ${name}`);
    return i;
  };
};

describe('conversion-load enrollment rows carry the diploma fields together (montana-aim.md §6.4 R17)', () => {
  it('keeps the diploma period of a current-year enrollment, so GRD-017 does not fire for every graduate', () => {
    const at = columns(
      'student_state_id student_local_id district_number school_number calendar_number grade_level start_date start_status end_date end_status service_type no_show diploma_date diploma_type diploma_period drop_out_reason date_first_entered_9th_grade',
    );
    const typer = currentEnrollment(at, 2026, {
      students: new Map([[123456789, 7]]),
      localIds: new Map(),
      calendars: new Map([['0124\t001', 3]]),
    });
    const row = typer([
      '123456789',
      'L1',
      '0059',
      '0124',
      '001',
      '12',
      '08/27/2025',
      '02',
      '05/30/2026',
      '400',
      'P',
      'N',
      '05/30/2026',
      '01',
      'R',
      '',
      '08/25/2022',
    ]);
    expect(row).not.toBeNull();
    const [diplomaDate, diplomaType, diplomaPeriod] = row!.slice(12, 15);
    expect([diplomaDate, diplomaType, diplomaPeriod]).toEqual(['2026-05-30', '01', 'R']);
  });

  it('reads a history file without diploma columns as empty', () => {
    const at = columns(
      'state_id district_number school_number grade_level start_date start_status end_date end_status',
    );
    const typer = historyEnrollment(at, 2025, new Map([[123456789, 7]]), new Map([['0124', 3]]));
    const row = typer(['123456789', '0059', '0124', '11', '2024-08-27', '01', '2025-05-30', '04']);
    expect(row?.slice(12, 15)).toEqual([null, null, null]);
  });
});
