// The audit log: every recorded change, filtered and paged newest first, with the hash-chain check on top.
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { oversight } from '../../../db/api/roles';
import { auditListInput } from '../../../db/audit/audit-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { AuditChainStatus } from '../../components/AuditChainStatus';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { checkWithSchema } from '../../lib/form-errors';
import { AuditEventTable } from './AuditEventTable';
import { staffNamesById } from './audit-labels';
import { noAuditFilters, toAuditListInput, type AuditFilterValues } from './audit-filters';
import { AuditFilters } from './AuditFilters';
import { currentBeforeSeq, hasNewerPage, newestPage, pageNumber, toNewerPage, toOlderPage } from './audit-paging';

export function AuditLogPage() {
  const { acting } = useClinicSession();
  return (
    <Stack>
      <Title order={1}>Audit log</Title>
      {oversight.includes(acting.role) ? (
        <AuditLogView />
      ) : (
        <Alert color="gray" variant="light" title="Managers and auditors only">
          The audit log can be read by a manager or an auditor. Switch user to one of them to open it.
        </Alert>
      )}
    </Stack>
  );
}

function AuditLogView() {
  const { clinic } = useClinicSession();
  const [filters, setFilters] = useState<AuditFilterValues>(noAuditFilters);
  const [pageSize, setPageSize] = useState(50);
  const [paging, setPaging] = useState(newestPage);
  const input = toAuditListInput(filters, currentBeforeSeq(paging), pageSize);
  const check = checkWithSchema(auditListInput, input);
  // Keep the current page on screen while the next one loads, so the pager does not jump.
  const events = useApiQuery('audit.list', input, { enabled: check.ok, placeholderData: keepPreviousData });
  const staff = useApiQuery('staff.list', { includeInactive: true });
  const staffNames = useMemo(() => staffNamesById(staff.data ?? []), [staff.data]);

  // Any new filter starts again from the newest event.
  const changeFilters = (next: AuditFilterValues) => {
    setFilters(next);
    setPaging(newestPage);
  };
  const changePageSize = (next: number) => {
    setPageSize(next);
    setPaging(newestPage);
  };
  const nextCursor = events.data?.nextCursor ?? null;

  return (
    <Stack>
      <AuditChainStatus />
      <AuditFilters
        values={filters}
        staff={staff.data ?? []}
        errors={check.ok ? {} : check.fieldErrors}
        pageSize={pageSize}
        onChange={changeFilters}
        onPageSizeChange={changePageSize}
      />
      {!check.ok ? (
        <Text c="red">Fix the filters above to see events.</Text>
      ) : events.isPending ? (
        <PageLoader label="Loading audit events" />
      ) : events.isError ? (
        <ErrorAlert error={events.error} />
      ) : (
        <AuditEventTable events={events.data.events} timeZone={clinic.timeZone} staffNames={staffNames} />
      )}
      <Group justify="space-between" role="navigation" aria-label="Audit log pages">
        <Group gap="xs">
          <Button variant="default" disabled={!hasNewerPage(paging)} onClick={() => setPaging(newestPage)}>
            Newest
          </Button>
          <Button variant="default" disabled={!hasNewerPage(paging)} onClick={() => setPaging(toNewerPage(paging))}>
            Newer
          </Button>
        </Group>
        <Text size="sm" aria-live="polite">
          Page {pageNumber(paging)}
          {events.isFetching && !events.isPending ? ' (loading…)' : ''}
        </Text>
        <Button
          variant="default"
          disabled={nextCursor === null || events.isPlaceholderData}
          onClick={() => nextCursor !== null && setPaging(toOlderPage(paging, nextCursor))}
        >
          Older
        </Button>
      </Group>
    </Stack>
  );
}
