// Whether a session is voided, amended, entered after its day was closed or missing a precaution: badges with
// text, so the state reads the same in the list, the detail and on paper.
import { Group } from '@mantine/core';
import type { SessionView } from '../../../db/sessions/sessions-contract';
import { StatusBadge } from '../../components/StatusBadge';
import { pluralize } from '../../lib/format';

/** `isRecordedShown`: say "Recorded" too (the detail page); lists show only what is out of the ordinary. */
export function SessionStatusBadges({ session, isRecordedShown = false }: { session: SessionView; isRecordedShown?: boolean }) {
  return (
    <Group gap={4} wrap="wrap">
      {session.status === 'voided' ? <StatusBadge tone="bad">Voided</StatusBadge> : isRecordedShown && <StatusBadge tone="good">Recorded</StatusBadge>}
      {session.amendmentCount > 0 && <StatusBadge tone="warning">{`Amended (${pluralize(session.amendmentCount, 'time')})`}</StatusBadge>}
      {session.afterCloseReason && <StatusBadge tone="warning">Late entry</StatusBadge>}
      {session.adverseEvent !== 'none' && <StatusBadge tone="warning">Adverse event</StatusBadge>}
      {session.needlesOpened !== session.needlesDisposed && <StatusBadge tone="warning">Count mismatch</StatusBadge>}
    </Group>
  );
}
