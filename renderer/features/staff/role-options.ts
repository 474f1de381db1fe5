// The role choices of staff forms, in the order roles are defined.
import { roleLabels, staffRoles } from '../../../db/api/roles';

export const roleOptions = staffRoles.map((role) => ({ value: role, label: roleLabels[role] }));
