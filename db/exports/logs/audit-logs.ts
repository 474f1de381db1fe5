// The audit area's logs in a bundle beside audit_events.csv: flags on events that need review (migration 0009).
import type { ExportLog } from '../log-definition';

export const auditLogs: ExportLog[] = [
  {
    name: 'audit_event_flags',
    title: 'Audit events flagged for review',
    area: 'audit',
    description:
      'Events of the range the app flagged for a person to review, such as one stamped earlier than the event before it (a clock set back). The event itself is in audit_events.csv (seq).',
    tables: ['audit_event_flags', 'audit_events'],
    from: 'audit_event_flags t JOIN audit_events e ON e.seq = t.seq',
    where: 'e.at >= @fromInstant AND e.at < @toInstant OR t.flagged_at >= @fromInstant AND t.flagged_at < @toInstant',
    orderBy: 't.seq, t.id',
    includeUndescribedColumns: true,
    columns: [
      { name: 'id', type: 'int', description: 'Flag id' },
      { name: 'seq', type: 'int', description: 'The flagged event (see audit_events.csv)' },
      { name: 'kind', type: 'text', description: 'clock_rollback: stamped earlier than the event before it' },
      { name: 'detail', type: 'free_text', description: 'What was seen' },
      { name: 'flagged_at', type: 'instant', description: 'When it was flagged (UTC, as the clock read)' },
    ],
    pdfColumns: ['seq', 'kind', 'detail', 'flagged_at'],
  },
];
