// API methods for staff members, roles, PINs and who is acting at the shared PC. Pure: shared with the renderer.
import { z } from 'zod';
import { changeReason, optionalText, pin, recordId, requiredText } from '../api/common-schemas';
import { method } from '../api/define-method';
import { everyone, managersOnly, readers, staffRoles, type StaffRole } from '../api/roles';

export interface StaffMember {
  id: number;
  name: string;
  role: StaffRole;
  jobTitle: string;
  hasPin: boolean;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What the sign-in screen may show: names and roles only, no clinical data. */
export interface SignInChoice {
  id: number;
  name: string;
  role: StaffRole;
  hasPin: boolean;
}

const roleSchema = z.enum(staffRoles, { error: `must be one of: ${staffRoles.join(', ')}` });

export const staffMethods = {
  'staff.list': method<StaffMember[]>()({
    input: z.strictObject({ includeInactive: z.boolean().default(false) }),
    kind: 'read',
    roles: readers,
    summary: 'Staff members by name; inactive ones only when asked.',
  }),
  'staff.create': method<StaffMember>()({
    input: z.strictObject({
      name: requiredText(120),
      role: roleSchema,
      jobTitle: optionalText(120),
      pin: pin.optional(),
    }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Adds a staff member with a role and an optional PIN.',
  }),
  'staff.update': method<StaffMember>()({
    input: z.strictObject({
      id: recordId,
      name: requiredText(120),
      role: roleSchema,
      jobTitle: optionalText(120),
      reason: z.string().trim().max(500).optional(),
    }),
    kind: 'write',
    roles: managersOnly,
    summary: "Edits a staff member's name, role or job title; the old values stay in the audit log.",
  }),
  'staff.setPin': method<StaffMember>()({
    input: z.strictObject({ id: recordId, pin: pin.nullable() }),
    kind: 'write',
    roles: everyone,
    summary: 'Sets or clears a PIN. Managers may set anyone\'s; others only their own.',
  }),
  'staff.deactivate': method<StaffMember>()({
    input: z.strictObject({ id: recordId, reason: changeReason }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Deactivates a staff member (never deletes): they can no longer sign in or be chosen.',
  }),
  'staff.reactivate': method<StaffMember>()({
    input: z.strictObject({ id: recordId, reason: changeReason }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Makes a deactivated staff member active again.',
  }),
  'session.signInChoices': method<SignInChoice[]>()({
    input: z.strictObject({}),
    kind: 'read',
    roles: 'signed_out',
    summary: 'Active staff who can sign in at this PC (names and roles only).',
  }),
  'session.signIn': method<SignInChoice>()({
    input: z.strictObject({ staffId: recordId, pin: z.string().max(8).optional() }),
    kind: 'write',
    roles: 'signed_out',
    summary: 'Makes a staff member the acting user (switch user); checks the PIN when they have one.',
  }),
  'session.touch': method<null>()({
    input: z.strictObject({}),
    kind: 'read',
    roles: everyone,
    summary: 'Tells the server the acting user is still at the PC (typing counts as activity for the idle lock).',
  }),
  'session.lock': method<null>()({
    input: z.strictObject({}),
    kind: 'write',
    roles: everyone,
    summary: 'Locks the PC: no acting user until someone signs in again.',
  }),
};
