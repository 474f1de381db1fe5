// Active staff counted by role, in the order roles are listed everywhere else.
import { staffRoles, type StaffRole } from '../../../db/api/roles';
import type { StaffMember } from '../../../db/staff/staff-contract';

export function countActiveStaffByRole(staff: readonly Pick<StaffMember, 'role' | 'isActive'>[]): Array<{ role: StaffRole; count: number }> {
  return staffRoles.map((role) => ({ role, count: staff.filter((s) => s.isActive && s.role === role).length }));
}
