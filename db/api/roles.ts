// Staff roles and which of them may do what. Pure: shared with the renderer.
export const staffRoles = ['manager', 'therapist', 'front_desk', 'auditor'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const roleLabels: Record<StaffRole, string> = {
  manager: 'Manager',
  therapist: 'Therapist',
  front_desk: 'Front desk',
  auditor: 'Auditor (read-only)',
};

/** Role groups used by method specs, so a rule like "the auditor only reads" is stated once. */
export const everyone: readonly StaffRole[] = staffRoles;
export const clinicalStaff: readonly StaffRole[] = ['manager', 'therapist', 'front_desk'];
export const managersOnly: readonly StaffRole[] = ['manager'];
export const readers: readonly StaffRole[] = staffRoles;
export const oversight: readonly StaffRole[] = ['manager', 'auditor'];
