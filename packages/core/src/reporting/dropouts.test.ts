import { describe, expect, it } from 'vitest';
import { countDropouts } from './dropouts.ts';
import type { DropoutRow } from './dropouts.ts';
import { reportingSettings } from './settings.ts';

const settings = reportingSettings();
const input = {
  schoolYear: 2025,
  membership: { '07': 40, '08': 40, '09': 50, '10': 50, '11': 50, '12': 50 },
};
const row = (o: Partial<DropoutRow>): DropoutRow => ({ stateId: '000000001', grade: '10', ...o });

describe('countDropouts (montana-aim.md §2.10; edfacts.md §6)', () => {
  it.each<[string, Partial<DropoutRow>, boolean, string]>([
    [
      'dropout end status',
      { endStatus: '310', endStatusFamily: 'dropout' },
      true,
      'dropout: dropout end status 310',
    ],
    ['no-show', { noShow: true }, true, 'dropout: no-show'],
    ['unaccounted for', { unaccountedFor: true }, true, 'dropout: unaccounted for before the last day'],
    ['GED elsewhere', { gedOtherEntity: true }, true, 'dropout: GED through another entity'],
    ['transfer', { endStatus: '200', endStatusFamily: 'transfer' }, false, 'not a dropout: transfer'],
    ['graduate', { endStatus: '400', endStatusFamily: 'completer' }, false, 'not a dropout: completer'],
    ['deceased', { endStatus: '500', endStatusFamily: 'exclusion' }, false, 'not a dropout: exclusion'],
    [
      're-enrolled by Sept 30 with documentation',
      { endStatusFamily: 'dropout', endStatus: '300', reenrolled: { date: '2025-09-30', documented: true } },
      false,
      'not a dropout: dropout end status 300, re-enrolled 2025-09-30 with documentation',
    ],
    [
      're-enrolled after Sept 30',
      { endStatusFamily: 'dropout', endStatus: '300', reenrolled: { date: '2025-10-01', documented: true } },
      true,
      'dropout: dropout end status 300; re-enrolled 2025-10-01, after 2025-09-30',
    ],
    [
      're-enrolled without documentation',
      { endStatusFamily: 'dropout', endStatus: '300', reenrolled: { date: '2025-09-02', documented: false } },
      true,
      'dropout: dropout end status 300; re-enrolment undocumented',
    ],
    ['grade 6', { grade: '06', endStatusFamily: 'dropout' }, false, 'not counted: grade 06 is below 7'],
  ])('%s', (_name, o, dropout, explanation) => {
    expect(countDropouts([row(o)], input, settings).lines[0]).toMatchObject({ dropout, explanation });
  });

  it('counts students once and gives event rates for 7–8 and 9–12', () => {
    const rows = [
      row({ stateId: 'a', grade: '08', noShow: true }),
      row({ stateId: 'b', grade: '09', endStatusFamily: 'transfer' }),
      row({ stateId: 'b', grade: '09', endStatusFamily: 'dropout', endStatus: '320' }),
      row({ stateId: 'c', grade: '12', endStatusFamily: 'dropout', endStatus: '300' }),
      row({ stateId: 'd', grade: '11', endStatusFamily: 'completer' }),
    ];
    const result = countDropouts(rows, input, settings);
    expect(result.byGrade).toEqual({ '08': 1, '09': 1, '12': 1 });
    expect(result.grades7to8).toEqual({ dropouts: 1, membership: 80, rate: 1 / 80 });
    expect(result.grades9to12).toEqual({ dropouts: 2, membership: 200, rate: 0.01 });
  });
});
