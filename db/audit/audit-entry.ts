// One change to record in the audit log, as handlers describe it. Pure type.
export interface AuditEntry {
  /** What happened: create, update, void, amend, deactivate, login, export, ... */
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}
