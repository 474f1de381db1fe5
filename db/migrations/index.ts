// Every migration in order. Append new ones; never edit or reorder one that has landed.
import type { Migration } from './migration';
import { migration0001 } from './0001-create-clinic-and-settings';
import { migration0002 } from './0002-create-staff';
import { migration0003 } from './0003-create-audit-events';
import { migration0004 } from './0004-create-inventory';
import { migration0005 } from './0005-create-sessions-and-revenue';
import { migration0006 } from './0006-create-compliance';
import { migration0007 } from './0007-create-exports';
import { migration0008 } from './0008-create-backups';
import { migration0009 } from './0009-create-audit-flags';
import { migration0010 } from './0010-create-payment-days';
import { migration0011 } from './0011-lot-expiry-index-without-balance';

export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011];

export const latestSchemaVersion = migrations.length;
