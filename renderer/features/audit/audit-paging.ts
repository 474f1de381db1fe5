// Keyset paging over the audit log: "Older" follows the server's cursor, "Newer" pops back along the way we came.

export interface AuditPaging {
  /** The `beforeSeq` of each older page we moved to; empty while showing the newest page. */
  readonly cursors: readonly number[];
}

export const newestPage: AuditPaging = { cursors: [] };

export function currentBeforeSeq(paging: AuditPaging): number | undefined {
  return paging.cursors.at(-1);
}

export function toOlderPage(paging: AuditPaging, nextCursor: number): AuditPaging {
  return { cursors: [...paging.cursors, nextCursor] };
}

export function toNewerPage(paging: AuditPaging): AuditPaging {
  return { cursors: paging.cursors.slice(0, -1) };
}

export function hasNewerPage(paging: AuditPaging): boolean {
  return paging.cursors.length > 0;
}

/** 1 for the newest page. */
export function pageNumber(paging: AuditPaging): number {
  return paging.cursors.length + 1;
}
