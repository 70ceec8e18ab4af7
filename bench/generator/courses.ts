/** A course offered at a school, with its SCED-style code (montana-aim.md §2.9). */
export interface Course {
  number: string;
  name: string;
  subject: string;
  identifier: string;
  low: number;
  high: number;
  credit: number;
  /** Career and technical course (counts toward a CTE pathway). */
  cte: boolean;
}

function c(
  subject: string,
  identifier: string,
  name: string,
  low: number,
  high: number,
  credit = 1,
  cte = false,
): Course {
  return { number: `${subject}${identifier}`, name, subject, identifier, low, high, credit, cte };
}

// SCED-like codes: subject area (2 digits) + course identifier (3 digits). Secondary codes follow SCED's
// common courses; the elementary self-contained codes are ours (SCED prior-to-secondary areas are finer).
const ELEMENTARY_SPECIALS = [
  c('55', '001', 'Music (Elementary)', -1, 6, 0),
  c('58', '001', 'Physical Education (Elementary)', -1, 6, 0),
];
const MIDDLE_ELECTIVES = [
  c('05', '101', 'Band', 6, 8, 0),
  c('05', '154', 'Art', 6, 8, 0),
  c('10', '001', 'Computer Literacy', 6, 8, 0),
];
const HIGH_CORE: Record<number, Course[]> = {
  9: [
    c('01', '001', 'English 9', 9, 9),
    c('02', '052', 'Algebra I', 9, 9),
    c('03', '001', 'Earth Science', 9, 9),
    c('04', '001', 'Geography', 9, 9),
    c('08', '001', 'Physical Education', 9, 10),
  ],
  10: [
    c('01', '002', 'English 10', 10, 10),
    c('02', '072', 'Geometry', 10, 10),
    c('03', '051', 'Biology', 10, 10),
    c('04', '051', 'World History', 10, 10),
    c('08', '051', 'Health Education', 9, 10, 0.5),
  ],
  11: [
    c('01', '003', 'English 11', 11, 11),
    c('02', '056', 'Algebra II', 11, 11),
    c('03', '101', 'Chemistry', 11, 11),
    c('04', '101', 'U.S. History', 11, 11),
  ],
  12: [
    c('01', '004', 'English 12', 12, 12),
    c('02', '110', 'Pre-Calculus', 12, 12),
    c('03', '151', 'Physics', 12, 12),
    c('04', '151', 'U.S. Government', 12, 12),
  ],
};
const HIGH_ELECTIVES = [
  c('05', '154', 'Art I', 9, 12),
  c('05', '101', 'Concert Band', 9, 12),
  c('06', '101', 'Spanish I', 9, 12),
  c('06', '102', 'Spanish II', 10, 12),
  c('18', '001', 'Agricultural Science', 9, 12, 1, true),
  c('13', '207', 'Welding', 10, 12, 1, true),
  c('12', '001', 'Business Management', 9, 12, 1, true),
  c('10', '019', 'Computer Science Principles', 9, 12, 1, true),
  c('17', '001', 'Construction Trades', 10, 12, 1, true),
  c('16', '052', 'Culinary Arts', 9, 12, 1, true),
  c('14', '001', 'Health Science', 10, 12, 1, true),
];

function middleCore(g: number): Course[] {
  const id = `04${g - 5}`;
  return [
    c('51', id, `English Language Arts ${g}`, g, g, 0),
    c('52', id, `Mathematics ${g}`, g, g, 0),
    c('53', id, `Science ${g}`, g, g, 0),
    c('54', id, `Social Studies ${g}`, g, g, 0),
    c('58', '002', 'Physical Education (Middle)', 6, 8, 0),
  ];
}

/** The required courses for a grade; `selfContained` marks elementary classrooms. */
export function coreCourses(grade: number, selfContained: boolean): Course[] {
  if (grade === -1) return [c('73', '001', 'Preschool', -1, -1, 0)];
  if (selfContained)
    return [
      c(
        '73',
        String(10 + grade).padStart(3, '0'),
        grade === 0 ? 'Kindergarten' : `Grade ${grade} Self-Contained`,
        grade,
        grade,
        0,
      ),
      ...ELEMENTARY_SPECIALS,
    ];
  if (grade <= 8) return middleCore(grade);
  return HIGH_CORE[grade] ?? [];
}

/** Electives open to a grade. */
export function electives(grade: number): Course[] {
  if (grade >= 9) return HIGH_ELECTIVES.filter((e) => grade >= e.low && grade <= e.high);
  if (grade >= 6) return MIDDLE_ELECTIVES;
  return [];
}

/** How many courses a student takes: 6 in middle school, 7 in high school (montana-facts.md has no figure). */
export function courseLoad(grade: number): number {
  return grade >= 9 ? 7 : 6;
}
