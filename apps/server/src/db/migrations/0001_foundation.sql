-- 0001 foundation: organisation, school years, profile code values, persons and enrollments.
-- Frozen once released: change the schema with a new numbered file, never by editing this one.
-- Identifier formats: montana-aim.md §1.2 (district 4, school 4, calendar 3 characters) and §1.3
-- (9-digit state IDs, zero-padded). Identifiers are text with a format CHECK, not char(n): char(n) compared
-- with text casts the column and loses its index. District number is the future distribution column (ARCHITECTURE §1).

CREATE TABLE state_profile (
  id text PRIMARY KEY,
  name text NOT NULL,
  content_hash text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE code_value (
  code_set text NOT NULL,
  code text NOT NULL,
  label text NOT NULL,
  provisional boolean NOT NULL DEFAULT false,
  sort_order integer NOT NULL,
  PRIMARY KEY (code_set, code)
);

CREATE TABLE school_year (
  end_year integer PRIMARY KEY CHECK (end_year BETWEEN 1990 AND 2100),
  label text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  CHECK (start_date < end_date)
);

CREATE TABLE district (
  district_number text PRIMARY KEY CHECK (district_number ~ '^[0-9]{4}$'),
  name text NOT NULL,
  nces_leaid text UNIQUE,
  level text NOT NULL CHECK (level IN ('elementary', 'high_school', 'k12', 'state_agency')),
  ccd_enrollment integer,
  ccd_staff_fte numeric(9, 2)
);

CREATE TABLE legal_entity (
  le_code text PRIMARY KEY CHECK (le_code ~ '^[0-9]{4}$'),
  district_number text NOT NULL REFERENCES district,
  kind text NOT NULL CHECK (kind IN ('elementary', 'high_school')),
  name text NOT NULL
);
CREATE INDEX legal_entity_district ON legal_entity (district_number);

CREATE TABLE school (
  school_number text PRIMARY KEY CHECK (school_number ~ '^[0-9]{4}$'),
  district_number text NOT NULL REFERENCES district,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('elementary', 'middle', 'high', 'k12')),
  low_grade text NOT NULL,
  high_grade text NOT NULL
);
CREATE INDEX school_district ON school (district_number);

CREATE TABLE calendar (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  school_number text NOT NULL REFERENCES school,
  school_year integer NOT NULL REFERENCES school_year,
  calendar_number text NOT NULL CHECK (calendar_number ~ '^[0-9A-Za-z]{3}$'),
  name text NOT NULL,
  calendar_type text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  instructional_days integer NOT NULL,
  state_exclude boolean NOT NULL DEFAULT false,
  UNIQUE (school_number, school_year, calendar_number),
  CHECK (start_date <= end_date)
);

CREATE TABLE student (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  state_id text NOT NULL UNIQUE CHECK (state_id ~ '^[0-9]{9}$'),
  last_name text NOT NULL,
  first_name text NOT NULL,
  middle_name text,
  name_suffix text,
  birth_date date,
  gender text,
  hispanic boolean,
  race_codes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A student's local number in each district that has enrolled them (montana-aim.md §1.3 Local ID).
CREATE TABLE student_district (
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  local_id text,
  last_seen_year integer,
  PRIMARY KEY (district_number, student_id)
);
CREATE INDEX student_district_student ON student_district (student_id);
CREATE UNIQUE INDEX student_district_local ON student_district (district_number, local_id) WHERE local_id IS NOT NULL;

CREATE TABLE staff (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  staff_state_id text NOT NULL UNIQUE CHECK (staff_state_id ~ '^[0-9]{9}$'),
  last_name text NOT NULL,
  first_name text NOT NULL,
  gender text,
  birth_date date,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_district (
  staff_id bigint NOT NULL REFERENCES staff,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL,
  PRIMARY KEY (district_number, staff_id, school_year)
);

-- One row per student × school calendar × grade × date span (montana-aim.md §2.2).
CREATE TABLE enrollment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  student_id bigint NOT NULL REFERENCES student,
  district_number text NOT NULL REFERENCES district,
  school_number text NOT NULL REFERENCES school,
  calendar_id bigint NOT NULL REFERENCES calendar,
  school_year integer NOT NULL REFERENCES school_year,
  grade_level text NOT NULL,
  start_date date NOT NULL,
  start_status text NOT NULL,
  end_date date,
  end_status text,
  service_type text NOT NULL,
  no_show boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX enrollment_district_year ON enrollment (district_number, school_year);
CREATE INDEX enrollment_student ON enrollment (student_id, start_date);
CREATE INDEX enrollment_school_year ON enrollment (school_number, school_year);

-- New state IDs come from here; never reused (montana-aim.md §1.3: follows the student for life).
CREATE SEQUENCE student_state_id_seq MINVALUE 1 MAXVALUE 999999999 START 1;
CREATE SEQUENCE staff_state_id_seq MINVALUE 1 MAXVALUE 999999999 START 1;
