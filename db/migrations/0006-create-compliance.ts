// OSHA bloodborne-pathogens records (29 CFR 1910.1030), FDA MDR evaluations (21 CFR 803), dry-needling
// credentials with per-state rule profiles as data, and recurring compliance tasks. Nothing here is ever deleted.
import type { Migration } from './migration';

/** Fill levels a check may record; three_quarter is the manufacturer's fill line (compliance.md 1.8). */
const fillLevels = "('quarter', 'half', 'three_quarter', 'over_full')";

/** A table whose rows are voided or amended with a reason, never deleted (retention, compliance.md 7). */
function refuseDelete(table: string): string {
  return `CREATE TRIGGER ${table}_refuse_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} rows are kept for their retention period: void them instead'); END;`;
}

/** Per-state dry-needling rules from compliance.md 4.2 and 9.15; is_verified = 0 where the research says [verify]. */
const stateProfiles: Array<Record<string, string | number | null>> = [
  {
    state: 'VA', state_name: 'Virginia', is_dn_permitted: 1, min_hours_total: 54, min_hours_in_person: null, min_hours_before_clinical_use: null,
    completion_window_years: null, min_practice_years: null, supervised_sessions: null, consent_written_required: 1, consent_copy_to_patient: 1,
    consent_must_state_not_acupuncture: 1, referral_required: 1, board_filing: '', adverse_event_report_days: null, adverse_event_report_to: '',
    sources: '18VAC112-20-121 (https://townhall.virginia.gov/L/ViewXML.cfm?textid=13315); https://therapycomply.com/Virginia-PT-Dry-Needling',
    notes: 'Didactic plus face-to-face lab with theory and practical exam; never beyond the highest training level; not delegable to PTAs; separate procedure note per treatment.',
    is_verified: 0, verification_note: '54 h is long-standing Board guidance; verify in final 18VAC112-20-121.',
  },
  {
    state: 'CO', state_name: 'Colorado', is_dn_permitted: 1, min_hours_total: 46, min_hours_in_person: 46, min_hours_before_clinical_use: null,
    completion_window_years: null, min_practice_years: 2, supervised_sessions: null, consent_written_required: 1, consent_copy_to_patient: 1,
    consent_must_state_not_acupuncture: 0, referral_required: 0, board_filing: '', adverse_event_report_days: null, adverse_event_report_to: '',
    sources: '4 CCR 732-1 Rule 11 (https://www.masterdryneedling.com/state-training-guidelines/); https://www.pphc.co/resources',
    notes: 'Written consent for every DN patient, signed, patient receives a copy; DN excludes auricular and distal points.',
    is_verified: 0, verification_note: 'A 2026 summary reports 50 h (40 in person, 30 before clinical use, 4 years to finish); verify the current rule.',
  },
  {
    state: 'MD', state_name: 'Maryland', is_dn_permitted: 1, min_hours_total: 80, min_hours_in_person: 40, min_hours_before_clinical_use: null,
    completion_window_years: null, min_practice_years: 2, supervised_sessions: null, consent_written_required: 1, consent_copy_to_patient: 0,
    consent_must_state_not_acupuncture: 0, referral_required: 0, board_filing: 'board approval before any dry-needling use', adverse_event_report_days: null,
    adverse_event_report_to: '',
    sources: 'COMAR 10.38.12 (https://www.myopainseminars.com/resources/us-rulings/maryland/)',
    notes: '80 h = at least 40 h live theory + at least 40 h supervised practical. Dec 2025 proposed amendments would cut live theory to 10 h and drop written consent.',
    is_verified: 1, verification_note: 'Watch the December 2025 proposed amendments.',
  },
  {
    state: 'FL', state_name: 'Florida', is_dn_permitted: 1, min_hours_total: 50, min_hours_in_person: 50, min_hours_before_clinical_use: null,
    completion_window_years: null, min_practice_years: 2, supervised_sessions: 25, consent_written_required: 1, consent_copy_to_patient: 0,
    consent_must_state_not_acupuncture: 0, referral_required: 0, board_filing: 'attestation form DH5057-MQA', adverse_event_report_days: 15,
    adverse_event_report_to: 'Board of Physical Therapy (adverse medical incidents)',
    sources: 'Fla. Stat. 486.117; Fla. Admin. Code 64B17-6.008 (http://flrules.elaws.us/rule/64B17-6.008)',
    notes: '50 h face-to-face CE incl. biohazard waste and adverse-event recordkeeping; 25 supervised patient sessions; not delegable.',
    is_verified: 0, verification_note: 'The 15-day adverse-incident reporting window is from a summary; verify.',
  },
  {
    state: 'DE', state_name: 'Delaware', is_dn_permitted: 1, min_hours_total: 54, min_hours_in_person: 54, min_hours_before_clinical_use: 25,
    completion_window_years: 2, min_practice_years: 2, supervised_sessions: null, consent_written_required: 0, consent_copy_to_patient: 0,
    consent_must_state_not_acupuncture: 0, referral_required: 0, board_filing: '', adverse_event_report_days: null, adverse_event_report_to: '',
    sources: 'https://www.pphc.co/resources', notes: '54 in-person hours, 25 before clinical use, finished within 2 years.',
    is_verified: 0, verification_note: 'From a course provider summary; verify against the Delaware rule.',
  },
  {
    state: 'GA', state_name: 'Georgia', is_dn_permitted: 1, min_hours_total: 50, min_hours_in_person: 50, min_hours_before_clinical_use: null,
    completion_window_years: null, min_practice_years: null, supervised_sessions: null, consent_written_required: 0, consent_copy_to_patient: 0,
    consent_must_state_not_acupuncture: 0, referral_required: 0, board_filing: "upload DN education documentation to the board's online record",
    adverse_event_report_days: null, adverse_event_report_to: '',
    sources: 'Rule 490-9-.05 per https://www.pphc.co/resources', notes: '50 in-person hours.',
    is_verified: 0, verification_note: 'From a course provider summary; verify Rule 490-9-.05.',
  },
  {
    state: 'AZ', state_name: 'Arizona', is_dn_permitted: 1, min_hours_total: 24, min_hours_in_person: null, min_hours_before_clinical_use: null,
    completion_window_years: null, min_practice_years: null, supervised_sessions: null, consent_written_required: 0, consent_copy_to_patient: 0,
    consent_must_state_not_acupuncture: 0, referral_required: 0, board_filing: 'proof of qualifications within 30 days of the course',
    adverse_event_report_days: null, adverse_event_report_to: '',
    sources: 'https://www.pphc.co/resources', notes: '24 hours of training.',
    is_verified: 0, verification_note: 'From a course provider summary; verify against the Arizona rule.',
  },
];

/** The recurring checks every clinic starts with; their schedule starts the first time anyone reads it. */
const defaultTasks = [
  ['Weekly sharps container check', 'Check every sharps container in service: fill level, upright, closed, not overfilled (1910.1030(d)(4)(iii)(A)(2)).', 'weekly', 'therapist', 'fill_check'],
  ['Monthly PPE stock check', 'Gloves in every size, masks, eye protection and hand rub readily accessible where needling happens (1910.1030(d)(3)(iii)).', 'monthly', 'front_desk', null],
  ['Annual exposure control plan review', 'Review and update the exposure control plan, documenting safer devices considered and frontline input (1910.1030(c)(1)(iv)-(v)).', 'yearly', 'manager', 'plan_review'],
  ['Annual bloodborne pathogens training', 'Train everyone with occupational exposure within a year of their last training (1910.1030(g)(2)(ii)(B)).', 'yearly', 'manager', 'bbp_training'],
] as const;

export const migration0006: Migration = {
  version: 6,
  name: 'create compliance',
  up(db) {
    db.exec(`
      -- Fill estimates sum needles per container, and the MDR safety net finds sessions with an adverse event.
      CREATE INDEX sessions_by_sharps_container_id ON sessions (sharps_container_id, session_date) WHERE sharps_container_id IS NOT NULL;
      CREATE INDEX sessions_by_adverse_event ON sessions (session_date, status) WHERE adverse_event <> 'none';

      -- Regulated-medical-waste pickups: the manifest or tracking document (state law, compliance.md 1.9).
      CREATE TABLE sharps_pickups (
        id INTEGER PRIMARY KEY,
        picked_up_on TEXT NOT NULL,
        hauler TEXT NOT NULL CHECK (length(trim(hauler)) > 0),
        manifest_number TEXT NOT NULL CHECK (length(trim(manifest_number)) > 0),
        weight REAL CHECK (weight IS NULL OR weight > 0),
        weight_unit TEXT CHECK (weight_unit IN ('lb', 'kg')),
        note TEXT NOT NULL DEFAULT '',
        certificate_reference TEXT,
        certificate_received_on TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        voided_at TEXT,
        voided_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        void_reason TEXT,
        CHECK ((weight IS NULL) = (weight_unit IS NULL)),
        CHECK ((certificate_reference IS NULL) = (certificate_received_on IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX sharps_pickups_by_manifest_number ON sharps_pickups (manifest_number) WHERE voided_at IS NULL;
      CREATE INDEX sharps_pickups_by_picked_up_on ON sharps_pickups (picked_up_on);

      -- A sharps container from placement to pickup; status derives from sealed_on and the pickups it is in.
      CREATE TABLE sharps_containers (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL CHECK (length(trim(label)) > 0),
        size TEXT NOT NULL CHECK (length(trim(size)) > 0),
        make TEXT NOT NULL DEFAULT '',
        room TEXT NOT NULL CHECK (length(trim(room)) > 0),
        -- Needles it holds up to its fill line (the manufacturer's line, usually about 3/4).
        capacity_needles INTEGER NOT NULL CHECK (capacity_needles > 0),
        placed_in_service_on TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        -- Closed before removal, 1910.1030(d)(4)(iii)(A)(3)(i).
        sealed_on TEXT,
        sealed_level TEXT CHECK (sealed_level IN ${fillLevels}),
        sealed_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        voided_at TEXT,
        voided_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        void_reason TEXT,
        CHECK ((sealed_on IS NULL) = (sealed_level IS NULL)),
        CHECK (sealed_on IS NULL OR sealed_on >= placed_in_service_on)
      ) STRICT;
      CREATE UNIQUE INDEX sharps_containers_by_label ON sharps_containers (label COLLATE NOCASE) WHERE voided_at IS NULL;
      CREATE INDEX sharps_containers_by_room_placed_in_service_on ON sharps_containers (room COLLATE NOCASE, placed_in_service_on);

      -- Which containers left in which pickup; append-only, a voided pickup keeps its rows.
      CREATE TABLE sharps_pickup_containers (
        pickup_id INTEGER NOT NULL REFERENCES sharps_pickups (id) ON DELETE RESTRICT,
        container_id INTEGER NOT NULL REFERENCES sharps_containers (id) ON DELETE RESTRICT,
        PRIMARY KEY (pickup_id, container_id)
      ) STRICT;
      CREATE INDEX sharps_pickup_containers_by_container_id ON sharps_pickup_containers (container_id);
      CREATE TRIGGER sharps_pickup_containers_refuse_update BEFORE UPDATE ON sharps_pickup_containers
      BEGIN SELECT RAISE(ABORT, 'pickup contents are append-only'); END;

      -- Routine checks: evidence that containers are replaced and never overfilled, (d)(4)(iii)(A)(2).
      CREATE TABLE sharps_container_checks (
        id INTEGER PRIMARY KEY,
        container_id INTEGER NOT NULL REFERENCES sharps_containers (id) ON DELETE RESTRICT,
        checked_on TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ${fillLevels}),
        is_upright_and_closed INTEGER NOT NULL CHECK (is_upright_and_closed IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        checked_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        recorded_at TEXT NOT NULL,
        voided_at TEXT,
        voided_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        void_reason TEXT
      ) STRICT;
      CREATE INDEX sharps_container_checks_by_container_id_checked_on ON sharps_container_checks (container_id, checked_on);
      CREATE INDEX sharps_container_checks_by_checked_on ON sharps_container_checks (checked_on);
      CREATE TRIGGER sharps_container_checks_refuse_update
      BEFORE UPDATE OF container_id, checked_on, level, is_upright_and_closed, note, checked_by, recorded_at ON sharps_container_checks
      BEGIN SELECT RAISE(ABORT, 'a fill check is evidence: void it, never edit it'); END;

      -- Sharps injury log, 1910.1030(h)(5): device, work area, how it happened. No identity in this table.
      CREATE TABLE sharps_injuries (
        id INTEGER PRIMARY KEY,
        case_number TEXT NOT NULL UNIQUE,
        occurred_on TEXT NOT NULL,
        occurred_time TEXT NOT NULL,
        device_type TEXT NOT NULL CHECK (device_type IN ('filiform_dry_needle', 'hypodermic_needle', 'lancet', 'other_sharp')),
        device_brand TEXT NOT NULL CHECK (length(trim(device_brand)) > 0),
        stock_item_id INTEGER REFERENCES stock_items (id) ON DELETE RESTRICT,
        lot_id INTEGER REFERENCES stock_lots (id) ON DELETE RESTRICT,
        work_area TEXT NOT NULL CHECK (length(trim(work_area)) > 0),
        how_it_happened TEXT NOT NULL CHECK (length(trim(how_it_happened)) > 0),
        procedure_phase TEXT,
        body_part TEXT NOT NULL DEFAULT '',
        job_classification TEXT NOT NULL DEFAULT '',
        protocol_followed TEXT NOT NULL DEFAULT '',
        follow_ups_json TEXT NOT NULL DEFAULT '[]',
        amendment_count INTEGER NOT NULL DEFAULT 0,
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        updated_at TEXT NOT NULL,
        voided_at TEXT,
        voided_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        void_reason TEXT
      ) STRICT;
      CREATE INDEX sharps_injuries_by_occurred_on ON sharps_injuries (occurred_on);

      -- The confidential privacy-case list (1904.29(b)(6)-(9)): case to employee, and the source session for
      -- (f)(3) follow-up. Append-only: the newest row of an injury is current, earlier ones stay as history.
      CREATE TABLE sharps_injury_identities (
        id INTEGER PRIMARY KEY,
        injury_id INTEGER NOT NULL REFERENCES sharps_injuries (id) ON DELETE RESTRICT,
        staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        source_session_id INTEGER REFERENCES sessions (id) ON DELETE RESTRICT,
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT
      ) STRICT;
      CREATE INDEX sharps_injury_identities_by_injury_id ON sharps_injury_identities (injury_id, id);
      CREATE TRIGGER sharps_injury_identities_refuse_update BEFORE UPDATE ON sharps_injury_identities
      BEGIN SELECT RAISE(ABORT, 'injury identities are append-only'); END;

      -- MDR event files, 21 CFR 803.17-803.18: every adverse event and needle defect is evaluated, with reasoning.
      CREATE TABLE mdr_evaluations (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL CHECK (source IN ('adverse_event', 'needle_defect')),
        session_id INTEGER REFERENCES sessions (id) ON DELETE RESTRICT,
        lot_id INTEGER REFERENCES stock_lots (id) ON DELETE RESTRICT,
        defect TEXT CHECK (defect IN ('broken_needle', 'non_sterile_pack', 'other_defect')),
        event_on TEXT NOT NULL,
        summary TEXT NOT NULL CHECK (length(trim(summary)) > 0),
        aware_on TEXT NOT NULL,
        -- 10 work days after awareness, 803.10(a).
        deadline_on TEXT NOT NULL,
        reportable TEXT NOT NULL DEFAULT 'undecided' CHECK (reportable IN ('undecided', 'yes', 'no')),
        reasoning TEXT NOT NULL DEFAULT '',
        decided_on TEXT,
        decided_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        reported_on TEXT,
        reported_to TEXT,
        report_reference TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        voided_at TEXT,
        voided_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        void_reason TEXT,
        CHECK (source <> 'adverse_event' OR session_id IS NOT NULL),
        CHECK (source <> 'needle_defect' OR (lot_id IS NOT NULL AND defect IS NOT NULL)),
        -- 803.18(b)(1)(ii): the deliberation behind a decision is part of the file.
        CHECK (reportable = 'undecided' OR (length(trim(reasoning)) > 0 AND decided_on IS NOT NULL)),
        CHECK (reported_on IS NULL OR reportable = 'yes')
      ) STRICT;
      CREATE UNIQUE INDEX mdr_evaluations_by_session_id ON mdr_evaluations (session_id)
        WHERE source = 'adverse_event' AND voided_at IS NULL;
      CREATE INDEX mdr_evaluations_by_aware_on ON mdr_evaluations (aware_on);
      CREATE INDEX mdr_evaluations_reportable_by_event_on ON mdr_evaluations (event_on) WHERE reportable = 'yes' AND voided_at IS NULL;
      -- The calendar lists only evaluations still needing action; a busy clinic holds thousands decided.
      CREATE INDEX mdr_evaluations_needing_action ON mdr_evaluations (aware_on)
        WHERE voided_at IS NULL AND reported_on IS NULL AND reportable IN ('undecided', 'yes');

      -- Form FDA 3419, the user-facility annual report (803.33).
      CREATE TABLE mdr_annual_reports (
        year INTEGER PRIMARY KEY,
        submitted_on TEXT NOT NULL,
        reference TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT
      ) STRICT;

      -- BBP training records, 1910.1030(h)(2)(i)(A)-(D).
      CREATE TABLE bbp_trainings (
        id INTEGER PRIMARY KEY,
        trained_on TEXT NOT NULL,
        training_type TEXT NOT NULL CHECK (training_type IN ('initial', 'annual', 'change')),
        content_summary TEXT NOT NULL CHECK (length(trim(content_summary)) > 0),
        trainer_name TEXT NOT NULL CHECK (length(trim(trainer_name)) > 0),
        trainer_qualifications TEXT NOT NULL CHECK (length(trim(trainer_qualifications)) > 0),
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        voided_at TEXT,
        voided_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        void_reason TEXT
      ) STRICT;
      CREATE INDEX bbp_trainings_by_trained_on ON bbp_trainings (trained_on);

      -- Names and job titles as they were on the day, (h)(2)(i)(D).
      CREATE TABLE bbp_training_attendees (
        training_id INTEGER NOT NULL REFERENCES bbp_trainings (id) ON DELETE RESTRICT,
        staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        staff_name TEXT NOT NULL,
        job_title TEXT NOT NULL,
        PRIMARY KEY (training_id, staff_id)
      ) STRICT;
      CREATE INDEX bbp_training_attendees_by_staff_id ON bbp_training_attendees (staff_id);
      CREATE TRIGGER bbp_training_attendees_refuse_update BEFORE UPDATE ON bbp_training_attendees
      BEGIN SELECT RAISE(ABORT, 'training attendance is append-only'); END;

      -- Hepatitis B vaccination offer, summary only (1910.1030(f)(2)); medical details stay with the provider.
      CREATE TABLE hbv_vaccination_offers (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL UNIQUE REFERENCES staff (id) ON DELETE RESTRICT,
        assigned_on TEXT NOT NULL,
        offered_on TEXT NOT NULL,
        response TEXT NOT NULL CHECK (response IN ('pending', 'accepted', 'declined')),
        is_declination_signed INTEGER NOT NULL CHECK (is_declination_signed IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        amendment_count INTEGER NOT NULL DEFAULT 0,
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Exposure control plan annual reviews, 1910.1030(c)(1)(iv)-(v).
      CREATE TABLE ecp_reviews (
        id INTEGER PRIMARY KEY,
        reviewed_on TEXT NOT NULL,
        reviewer TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
        changes TEXT NOT NULL CHECK (length(trim(changes)) > 0),
        safer_devices_considered TEXT NOT NULL CHECK (length(trim(safer_devices_considered)) > 0),
        is_frontline_consulted INTEGER NOT NULL CHECK (is_frontline_consulted IN (0, 1)),
        frontline_names TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        voided_at TEXT,
        voided_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        void_reason TEXT,
        CHECK (is_frontline_consulted = 0 OR length(trim(frontline_names)) > 0)
      ) STRICT;
      CREATE INDEX ecp_reviews_by_reviewed_on ON ecp_reviews (reviewed_on);

      -- Per-state dry-needling rules: data the clinic can correct, never code (compliance.md 9.15).
      CREATE TABLE dn_state_profiles (
        state TEXT PRIMARY KEY CHECK (length(state) = 2 AND state = upper(state)),
        state_name TEXT NOT NULL,
        is_dn_permitted INTEGER NOT NULL CHECK (is_dn_permitted IN (0, 1)),
        min_hours_total REAL,
        min_hours_in_person REAL,
        min_hours_before_clinical_use REAL,
        completion_window_years INTEGER,
        min_practice_years INTEGER,
        supervised_sessions INTEGER,
        consent_written_required INTEGER NOT NULL CHECK (consent_written_required IN (0, 1)),
        consent_copy_to_patient INTEGER NOT NULL CHECK (consent_copy_to_patient IN (0, 1)),
        consent_must_state_not_acupuncture INTEGER NOT NULL CHECK (consent_must_state_not_acupuncture IN (0, 1)),
        referral_required INTEGER NOT NULL CHECK (referral_required IN (0, 1)),
        board_filing TEXT NOT NULL DEFAULT '',
        adverse_event_report_days INTEGER,
        adverse_event_report_to TEXT NOT NULL DEFAULT '',
        sources TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        is_verified INTEGER NOT NULL CHECK (is_verified IN (0, 1)),
        verification_note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT
      ) STRICT;

      -- Therapist dry-needling courses (compliance.md 4.3, 9.9).
      CREATE TABLE dn_credentials (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        course TEXT NOT NULL CHECK (length(trim(course)) > 0),
        provider TEXT NOT NULL CHECK (length(trim(provider)) > 0),
        hours REAL NOT NULL CHECK (hours > 0),
        completed_on TEXT NOT NULL,
        certificate_number TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL CHECK (length(state) = 2),
        expires_on TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        voided_at TEXT,
        voided_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        void_reason TEXT,
        CHECK (expires_on IS NULL OR expires_on >= completed_on)
      ) STRICT;
      CREATE INDEX dn_credentials_by_staff_id_completed_on ON dn_credentials (staff_id, completed_on);

      -- Clinic-defined recurring checks; starts_on NULL means "from the first time the schedule is read".
      CREATE TABLE compliance_tasks (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        description TEXT NOT NULL DEFAULT '',
        cadence TEXT NOT NULL CHECK (cadence IN ('weekly', 'monthly', 'yearly')),
        -- Days from the start of each period within which it must be done; NULL = the whole period.
        window_days INTEGER CHECK (window_days IS NULL OR window_days >= 1),
        starts_on TEXT,
        -- Occurrences due before this date are not recorded (set when the schedule starts or a retired task returns).
        counts_from TEXT,
        owner_role TEXT CHECK (owner_role IN ('manager', 'therapist', 'front_desk', 'auditor')),
        owner_staff_id INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        -- A record that completes an occurrence by itself (a fill check, a plan review, a training session).
        evidence TEXT CHECK (evidence IN ('fill_check', 'plan_review', 'bbp_training')),
        is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- One row per closed or completed occurrence: done in its window, or missed (never rolled forward).
      CREATE TABLE compliance_task_occurrences (
        id INTEGER PRIMARY KEY,
        task_id INTEGER NOT NULL REFERENCES compliance_tasks (id) ON DELETE RESTRICT,
        period_start TEXT NOT NULL,
        due_on TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('done', 'missed')),
        done_on TEXT,
        done_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        evidence TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        late_done_on TEXT,
        late_done_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        late_note TEXT,
        recorded_at TEXT NOT NULL,
        UNIQUE (task_id, period_start),
        CHECK (status = 'missed' OR done_on IS NOT NULL),
        CHECK (late_done_on IS NULL OR status = 'missed')
      ) STRICT;
      CREATE TRIGGER compliance_task_occurrences_refuse_update
      BEFORE UPDATE OF task_id, period_start, due_on, status, done_on, done_by, evidence, note ON compliance_task_occurrences
      BEGIN SELECT RAISE(ABORT, 'a recorded occurrence stays as recorded; a missed one may only be marked done late'); END;

      ${[
        'sharps_pickups',
        'sharps_containers',
        'sharps_pickup_containers',
        'sharps_container_checks',
        'sharps_injuries',
        'sharps_injury_identities',
        'mdr_evaluations',
        'mdr_annual_reports',
        'bbp_trainings',
        'bbp_training_attendees',
        'hbv_vaccination_offers',
        'ecp_reviews',
        'dn_state_profiles',
        'dn_credentials',
        'compliance_tasks',
        'compliance_task_occurrences',
      ]
        .map(refuseDelete)
        .join('\n      ')}
    `);

    const insertProfile = db.prepare(
      `INSERT INTO dn_state_profiles (state, state_name, is_dn_permitted, min_hours_total, min_hours_in_person,
         min_hours_before_clinical_use, completion_window_years, min_practice_years, supervised_sessions,
         consent_written_required, consent_copy_to_patient, consent_must_state_not_acupuncture, referral_required,
         board_filing, adverse_event_report_days, adverse_event_report_to, sources, notes, is_verified, verification_note,
         updated_at, updated_by)
       VALUES (@state, @state_name, @is_dn_permitted, @min_hours_total, @min_hours_in_person,
         @min_hours_before_clinical_use, @completion_window_years, @min_practice_years, @supervised_sessions,
         @consent_written_required, @consent_copy_to_patient, @consent_must_state_not_acupuncture, @referral_required,
         @board_filing, @adverse_event_report_days, @adverse_event_report_to, @sources, @notes, @is_verified, @verification_note,
         '2026-01-31T00:00:00.000Z', NULL)`,
    );
    for (const profile of stateProfiles) insertProfile.run(profile);

    const insertTask = db.prepare(
      `INSERT INTO compliance_tasks (title, description, cadence, window_days, starts_on, owner_role, evidence, is_default, created_at, updated_at)
       VALUES (?, ?, ?, NULL, NULL, ?, ?, 1, '2026-01-31T00:00:00.000Z', '2026-01-31T00:00:00.000Z')`,
    );
    for (const task of defaultTasks) insertTask.run(...task);
  },
};
