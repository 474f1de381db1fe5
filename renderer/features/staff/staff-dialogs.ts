// Which staff dialog is open, and for whom; one at a time.
import type { StaffMember } from '../../../db/staff/staff-contract';

export type StaffDialog =
  | { kind: 'create' }
  | { kind: 'edit'; member: StaffMember }
  | { kind: 'pin'; member: StaffMember }
  | { kind: 'active'; member: StaffMember }
  | { kind: 'act_as'; member: StaffMember };
