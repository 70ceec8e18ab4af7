import { describe, expect, it } from 'vitest';
import { columnLabel, humanizeKey, labelsOf } from './template-labels.ts';

describe('labels of stored record columns', () => {
  const labels = labelsOf([
    {
      id: 'program-participation',
      fields: [
        { key: 'title_i', label: 'Title I' },
        { key: 'cclc_21st_participant', label: '21st Century Participant' },
      ],
    },
  ]);

  it.each([
    ['program-participation', 'title_i', 'Title I'],
    ['program-participation', 'cclc_21st_participant', '21st Century Participant'],
    ['program-participation', 'school_year', 'School year'],
    [null, 'title_i', 'Title i'],
    ['fall-count', 'fall_absent', 'Fall absent'],
  ])('%s %s reads as %j', (template, key, label) => {
    expect(columnLabel(labels, template, key)).toBe(label);
  });

  it('puts a key into words only as the last resort', () => {
    expect(humanizeKey('homeless_nighttime_residence')).toBe('Homeless nighttime residence');
  });
});
