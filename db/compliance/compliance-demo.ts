// Demo compliance records: credentials for the demo therapists, sharps containers through their whole life in two
// rooms over the demo's years with weekly checks and quarterly pickups, BBP training, vaccination offers, plan reviews, one sharps injury,
// MDR decisions for the demo's adverse events, and the recurring tasks with a clinic-defined one.
import type { LocalCaller } from '../api/local-caller';
import type { AppEnvironment } from '../api/handler-context';
import type { DemoScale, DemoStep } from '../demo/seed-demo';
import { addDays, addWorkDays, firstOfMonth, addMonths } from './compliance-dates';
import { sessionsPerTherapistDay } from '../inventory/inventory-demo';
import { demoNeedlesPerSession } from '../sessions/sessions-demo';
import type { FillLevel } from './sharps-contract';

const rooms = ['Room 1', 'Room 2'];
/** Days each demo container stays in service before it reaches its fill line (under the 90-day default). */
const containerLifeDays = 70;

async function todayOf(call: LocalCaller): Promise<string> {
  return (await call('clinic.status', {})).today;
}

const therapistsOf = async (call: LocalCaller) => (await call('staff.list', {})).filter((s) => s.role === 'therapist');

/**
 * Credentials valid since well before the first demo session, so sessions seeded after this step pass the
 * credential check; one expires soon to show the warning. Therapists who already hold one are left alone.
 */
export const seedDemoCredentials: DemoStep = {
  name: 'dry-needling credentials',
  async run(call, _env, _progress, scale) {
    const today = await todayOf(call);
    const start = addDays(today, -scale.years * 365);
    const { selectedState, credentials } = await call('compliance.listCredentials', {});
    const holders = new Set(credentials.map((c) => c.staffId));
    for (const [i, therapist] of (await therapistsOf(call)).entries()) {
      if (holders.has(therapist.id)) continue;
      const base = { staffId: therapist.id, state: selectedState, certificateNumber: `DN-${1000 + therapist.id}` };
      switch (i % 4) {
        case 0:
          await call('compliance.recordCredential', { ...base, course: 'Dry Needling Level 1 and 2', provider: 'Myopain Seminars', hours: 54, completedOn: addDays(start, -90) });
          break;
        case 1:
          // Expires in 40 days: the calendar warns 60 days ahead.
          await call('compliance.recordCredential', { ...base, course: 'Certified Dry Needling Practitioner', provider: 'Evidence in Motion', hours: 60, completedOn: addDays(start, -120), expiresOn: addDays(today, 40) });
          break;
        case 2:
          await call('compliance.recordCredential', { ...base, course: 'Functional Dry Needling Level 1', provider: 'Kinetacore', hours: 27, completedOn: addDays(start, -200) });
          await call('compliance.recordCredential', { ...base, certificateNumber: `${base.certificateNumber}-2`, course: 'Functional Dry Needling Level 2', provider: 'Kinetacore', hours: 27, completedOn: addDays(start, -100) });
          break;
        default:
          await call('compliance.recordCredential', { ...base, course: 'Integrative Dry Needling', provider: 'iDN', hours: 56, completedOn: addDays(start, -60), expiresOn: addDays(today, 700) });
      }
    }
  },
};

function levelAt(fraction: number): FillLevel {
  if (fraction < 0.35) return 'quarter';
  if (fraction < 0.7) return 'half';
  return 'three_quarter';
}

/** How often the demo's hauler collects sealed containers. */
const pickupEveryDays = 91;
/** Days from a pickup to its certificate of destruction (the calendar follows up after 35). */
const certificateAfterDays = 28;

/**
 * Needles a demo container is sized for: what its room's therapists put in it over its life would fill four fifths,
 * so it is sealed at three quarters (sessions on weekdays; each room has half the therapists).
 */
function demoContainerCapacity(scale: DemoScale): number {
  const needlesPerSession = (demoNeedlesPerSession.fewest + demoNeedlesPerSession.most) / 2;
  const needlesPerDay = Math.ceil(scale.therapists / rooms.length) * sessionsPerTherapistDay(scale) * (5 / 7) * needlesPerSession;
  return Math.ceil((needlesPerDay * containerLifeDays) / 0.8 / 10) * 10;
}

/**
 * Each room's containers since the demo's first day, registered before the sessions so that every session's needles
 * go into the one in service in its room that day (sessions.record picks it). Each is placed the day the one before
 * it is sealed; the rooms' seals fall two weeks apart, so the first in Room 2 serves two weeks longer.
 */
export const seedDemoContainers: DemoStep = {
  name: 'sharps containers in the treatment rooms',
  async run(call, _env, _progress, scale) {
    const today = await todayOf(call);
    const start = addDays(today, -scale.years * 365);
    const capacityNeedles = demoContainerCapacity(scale);
    for (const [r, room] of rooms.entries()) {
      let placedOn = start;
      let sealedOn = addDays(start, containerLifeDays + r * 14);
      for (let k = 0; ; k += 1) {
        await call('compliance.registerContainer', {
          label: `R${r + 1}-${String(k + 1).padStart(3, '0')}`,
          size: '2 gal',
          make: 'BD Home Sharps',
          room,
          capacityNeedles,
          placedInServiceOn: placedOn,
          note: 'Wall bracket beside the treatment table.',
        });
        if (sealedOn >= today) break;
        placedOn = sealedOn;
        sealedOn = addDays(sealedOn, containerLifeDays);
      }
    }
  },
};

/**
 * The containers' lives after the sessions filled them: checked weekly at the level their needles reached, sealed the
 * day the next one was placed; a pickup with its manifest every quarter takes what has been sealed, and its
 * certificate of destruction follows four weeks later (the newest may still be on its way).
 */
async function checkSealAndCollect(call: LocalCaller, env: AppEnvironment, today: string, scale: DemoScale): Promise<void> {
  const start = addDays(today, -scale.years * 365);
  const { containers } = await call('compliance.listContainers', { includeClosed: true });
  // The demo reads the sessions' needle counts; every record it writes still goes through the API.
  const needlesBy = env.db.prepare<[number, string], number>(
    "SELECT coalesce(sum(needles_disposed), 0) FROM sessions WHERE sharps_container_id = ? AND status = 'recorded' AND session_date <= ?",
  ).pluck();
  const levelOn = (c: { id: number; capacityNeedles: number }, date: string) => levelAt((needlesBy.get(c.id, date) ?? 0) / c.capacityNeedles);
  const sealed: Array<{ id: number; sealedOn: string }> = [];
  for (const room of rooms) {
    const inRoom = containers.filter((c) => c.room === room).sort((a, b) => a.placedInServiceOn.localeCompare(b.placedInServiceOn) || a.id - b.id);
    for (const [k, c] of inRoom.entries()) {
      const sealedOn = inRoom[k + 1]?.placedInServiceOn ?? null;
      for (let day = 7; addDays(c.placedInServiceOn, day) < (sealedOn ?? today); day += 7) {
        const checkedOn = addDays(c.placedInServiceOn, day);
        await call('compliance.recordFillCheck', { containerId: c.id, checkedOn, level: levelOn(c, checkedOn), isUprightAndClosed: true });
      }
      if (sealedOn === null) continue;
      const level = levelOn(c, sealedOn);
      await call('compliance.recordFillCheck', { containerId: c.id, checkedOn: sealedOn, level, isUprightAndClosed: true, note: 'At the fill line: sealed and replaced.' });
      await call('compliance.sealContainer', { containerId: c.id, sealedOn, level });
      sealed.push({ id: c.id, sealedOn });
    }
  }
  sealed.sort((a, b) => a.sealedOn.localeCompare(b.sealedOn));
  let next = 0;
  for (let pickedUpOn = addDays(start, pickupEveryDays); pickedUpOn < today; pickedUpOn = addDays(pickedUpOn, pickupEveryDays)) {
    const containerIds: number[] = [];
    for (; next < sealed.length && (sealed[next]?.sealedOn ?? today) <= pickedUpOn; next += 1) containerIds.push(sealed[next]?.id ?? 0);
    if (containerIds.length === 0) continue;
    const receivedOn = addDays(pickedUpOn, certificateAfterDays);
    const pickup = await call('compliance.recordPickup', {
      pickedUpOn,
      hauler: 'Stericycle (registered transporter MW-1182)',
      manifestNumber: `STC-${pickedUpOn.replaceAll('-', '')}-01`,
      containerIds,
      weight: Math.round(containerIds.length * 1.8 * 10) / 10,
      weightUnit: 'kg',
      note: receivedOn > today ? 'Certificate of destruction to follow by e-mail.' : '',
    });
    if (receivedOn <= today) await call('compliance.recordCertificate', { pickupId: pickup.id, certificateReference: `COD-${pickup.manifestNumber?.slice(4)}`, receivedOn });
  }
}

async function seedStaffRecords(call: LocalCaller, today: string, scale: DemoScale): Promise<void> {
  const staff = (await call('staff.list', {})).filter((s) => s.role !== 'auditor');
  const therapists = staff.filter((s) => s.role === 'therapist');
  const training = {
    trainingType: 'annual' as const,
    contentSummary:
      'All 14 elements of 1910.1030(g)(2)(vii): the standard, bloodborne diseases and transmission, our exposure control plan, ' +
      'needle handling and point-of-use disposal, PPE, hepatitis B vaccine, what to do after a needlestick; live questions and answers.',
    trainerName: 'Lena Ortiz, MPH, CIC',
    trainerQualifications: 'Certified in Infection Control (CBIC); 12 years as an occupational health nurse',
    attendeeStaffIds: staff.map((s) => s.id),
  };
  await call('compliance.recordTraining', { ...training, trainedOn: addDays(today, -485) });
  await call('compliance.recordTraining', { ...training, trainedOn: addDays(today, -120) });

  const assignedOn = addDays(today, -scale.years * 365 - 60);
  for (const [i, t] of therapists.entries()) {
    const isDecliner = i === 2;
    await call('compliance.recordHbvOffer', {
      staffId: t.id,
      assignedOn,
      offeredOn: addWorkDays(assignedOn, 3),
      response: isDecliner ? 'declined' : 'accepted',
      isDeclinationSigned: isDecliner,
      note: isDecliner ? 'Previously vaccinated; titer on file with her physician. Signed Appendix A declination.' : 'Series given by Riverside Occupational Health.',
    });
  }

  const frontline = therapists.slice(0, 2).map((t) => `${t.name} (PT)`).join(', ');
  const review = {
    reviewer: 'Dana Whitfield, clinic manager',
    saferDevicesConsidered:
      'No engineered sharps-injury-protection filiform needle is on the market. Considered single-needle guide-tube packs (adopted), ' +
      'one-handed temporary-closure containers (adopted) and cart-mounted containers for the gym area (not needed: needling only in rooms).',
    isFrontlineConsulted: true,
    frontlineNames: frontline || 'treating therapists',
  };
  await call('compliance.recordPlanReview', { ...review, reviewedOn: addDays(today, -440), changes: 'Moved containers to wall brackets at arm’s reach of every table.' });
  await call('compliance.recordPlanReview', { ...review, reviewedOn: addDays(today, -75), changes: 'Exposure determination updated for the new aide position; needlestick reviewed (case below).' });
}

async function seedInjury(call: LocalCaller, today: string): Promise<void> {
  const lot = (await call('inventory.listLots', { includeEmpty: true })).find((l) => l.itemKind === 'needle');
  const therapists = await therapistsOf(call);
  const employee = therapists[1] ?? therapists[0];
  if (!employee) return;
  const occurredOn = addDays(today, -150);
  await call('compliance.recordInjury', {
    occurredOn,
    occurredTime: '14:20',
    deviceType: 'filiform_dry_needle',
    deviceBrand: '',
    lotId: lot?.id ?? null,
    workArea: 'Treatment room 1',
    howItHappened: "A withdrawn needle slipped from its guide tube while carried to the sharps container and pricked the therapist's left index finger through the glove.",
    procedurePhase: 'disposal',
    bodyPart: 'left index finger',
    jobClassification: 'Physical therapist',
    protocolFollowed: 'Washed with soap and water at once; reported to the manager; source patient consented to testing; occupational health seen the same day.',
    followUps: [
      { on: occurredOn, what: 'Occupational health evaluation and baseline tests' },
      { on: addDays(occurredOn, 42), what: '6-week HIV and HCV tests (negative)' },
      { on: addDays(occurredOn, 90), what: '3-month follow-up (negative); case closed' },
    ],
    employeeStaffId: employee.id,
  });
}

const reasoningFor: Record<string, string> = {
  bruising: 'Expected minor effect of needle insertion; no device malfunction; not a death or serious injury (21 CFR 803.3), so not reportable.',
  bleeding: 'Expected minor bleeding at the insertion site, stopped with pressure; no device malfunction; not a serious injury (803.3).',
  fainting: 'Vasovagal response to the procedure, not caused by a device failure; recovered on site; not a serious injury (803.3).',
  suspected_pneumothorax: 'ED chest X-ray negative; no pneumothorax and no device malfunction; not a serious injury (803.3). Kept for the annual trend review.',
};

/** Every adverse event the demo sessions recorded gets its evaluation and a manager's decision with reasoning. */
async function seedMdrDecisions(call: LocalCaller, env: AppEnvironment, today: string): Promise<void> {
  const unevaluated = (await call('compliance.listMdr', {})).unevaluatedSessions;
  const batch = 200;
  for (let i = 0; i < unevaluated.length; i += batch) {
    // One commit per batch keeps seeding fast; each call is still its own (nested) transaction.
    env.db.exec('BEGIN IMMEDIATE');
    try {
      for (const s of unevaluated.slice(i, i + batch)) await call('compliance.openMdrForSession', { sessionId: s.sessionId, awareOn: s.sessionDate, summary: '' });
      env.db.exec('COMMIT');
    } catch (error) {
      env.db.exec('ROLLBACK');
      throw error;
    }
  }
  const open = (await call('compliance.listMdr', { status: 'open' })).evaluations.filter((e) => e.source === 'adverse_event');
  // The newest one stays open (it is still inside its 10 work days) so the calendar shows a live deadline.
  const toDecide = open.filter((e, index) => !(index === 0 && e.deadlineOn >= today));
  for (let i = 0; i < toDecide.length; i += batch) {
    env.db.exec('BEGIN IMMEDIATE');
    try {
      for (const e of toDecide.slice(i, i + batch)) {
        const decidedOn = addWorkDays(e.awareOn, 1) <= today ? addWorkDays(e.awareOn, 1) : today;
        await call('compliance.decideMdr', { id: e.id, reportable: 'no', reasoning: reasoningFor[e.adverseEvent ?? ''] ?? 'No device malfunction and no serious injury (803.3); not reportable.', decidedOn });
      }
      env.db.exec('COMMIT');
    } catch (error) {
      env.db.exec('ROLLBACK');
      throw error;
    }
  }

  const lot = (await call('inventory.listLots', { includeEmpty: true })).find((l) => l.itemKind === 'needle');
  if (!lot) return;
  const eventOn = addDays(today, -45) > lot.firstReceivedOn ? addDays(today, -45) : lot.firstReceivedOn;
  const defect = await call('compliance.openMdrForDefect', {
    lotId: lot.id,
    defect: 'broken_needle',
    eventOn,
    awareOn: eventOn,
    summary: 'Needle shaft separated from the handle on withdrawal from the gluteal region; fragment visible and removed with forceps at once.',
  });
  await call('compliance.decideMdr', {
    id: defect.id,
    reportable: 'no',
    reasoning: 'Fragment removed at once without further intervention: not a serious injury (803.3). Reported to the manufacturer as a complaint; lot watched for repeats.',
    decidedOn: addWorkDays(eventOn, 2) <= today ? addWorkDays(eventOn, 2) : today,
  });
}

async function seedTasks(call: LocalCaller, today: string): Promise<void> {
  const defaults = await call('compliance.listTasks', {});
  const ppe = defaults.find((t) => t.title.startsWith('Monthly PPE'));
  if (ppe?.current?.status === 'open' && ppe.current.periodStart <= today) {
    await call('compliance.completeTask', { taskId: ppe.id, doneOn: today, note: 'Gloves S/M/L, masks, eye protection and hand rub stocked in both rooms.' });
  }
  const startsOn = addMonths(firstOfMonth(today), -5);
  const eyewash = await call('compliance.createTask', {
    title: 'Eyewash station check',
    description: 'Flush the eyewash for 3 minutes and initial the tag (ANSI Z358.1 weekly activation, done monthly here).',
    cadence: 'monthly',
    windowDays: 7,
    startsOn,
    ownerRole: 'front_desk',
  });
  for (let m = 0; m < 5; m += 1) {
    await call('compliance.completeTask', { taskId: eyewash.id, doneOn: addDays(addMonths(startsOn, m), 2), note: 'Flushed 3 minutes; water clear.' });
  }
}

export const seedDemoCompliance: DemoStep = {
  name: 'OSHA compliance records',
  async run(call, env, progress, scale) {
    const today = await todayOf(call);
    await seedDemoCredentials.run(call, env, progress, scale);
    progress('  sharps container checks, seals and pickups');
    await checkSealAndCollect(call, env, today, scale);
    progress('  training, vaccination offers, plan reviews, injury log');
    await seedStaffRecords(call, today, scale);
    await seedInjury(call, today);
    progress('  MDR evaluations');
    await seedMdrDecisions(call, env, today);
    await seedTasks(call, today);
    const calendar = await call('compliance.calendar', {});
    progress(`  compliance calendar: ${calendar.overdueCount} overdue, ${calendar.dueSoonCount} due soon`);
  },
};
