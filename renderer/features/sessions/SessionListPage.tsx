// The sessions list: filters held in the address (chart bars link here), keyset paging, print-ready.
import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { sessionListFilter } from '../../../db/sessions/sessions-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { checkWithSchema } from '../../lib/form-errors';
import { pluralize } from '../../lib/format';
import { PrintButton } from '../../components/PrintButton';
import {
  currentCursor,
  filtersFromSearchParams,
  filtersToSearchParams,
  firstSessionPage,
  sessionPageNumber,
  toNextPage,
  toPreviousPage,
  toSessionListInput,
  type SessionFilterValues,
} from './session-filters';
import { kindLabel } from './session-labels';
import { SessionFilters } from './SessionFilters';
import { SessionTable } from './SessionTable';

const pageSizes = [25, 50, 100, 200];

export function SessionListPage() {
  const { today, acting } = useClinicSession();
  const [params, setParams] = useSearchParams();
  // The filters start from the address (a chart bar links here) and are written back to it, so a reload or
  // Back shows the same list; the form's own state stays the source while typing, so no keystroke is lost.
  const [filters, setFilters] = useState(() => filtersFromSearchParams(params, today));
  const [pageSize, setPageSize] = useState(50);
  const [paging, setPaging] = useState(firstSessionPage);
  const page = paging;
  const input = toSessionListInput(filters, currentCursor(page), pageSize);
  const check = checkWithSchema(sessionListFilter, input);
  const sessions = useApiQuery('sessions.list', input, { enabled: check.ok, placeholderData: keepPreviousData });
  const staff = useApiQuery('staff.list', { includeInactive: true });
  const therapistName = staff.data?.find((s) => String(s.id) === filters.therapistId)?.name;
  const changeFilters = (next: SessionFilterValues) => {
    setFilters(next);
    // Any new filter starts again from the newest session.
    setPaging(firstSessionPage);
    setParams(filtersToSearchParams(next), { replace: true });
  };
  const next = sessions.data?.next ?? null;
  const canRecord = acting.role !== 'auditor';

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" data-print="hide">
        <div>
          <Title order={1}>Sessions</Title>
          <Text c="dimmed">Dry-needling visits, newest first. Corrections are amendments; voided sessions stay listed when asked.</Text>
        </div>
        <Group>
          <Anchor component={Link} to="/sessions/effectiveness">
            Effectiveness report
          </Anchor>
          <PrintButton what="the sessions list" />
          {canRecord && (
            <Button component={Link} to="/sessions/new">
              Record session
            </Button>
          )}
        </Group>
      </Group>
      {/* On paper the filters are gone, so the sheet says what it lists. */}
      <Text className="print-only" fw={600} data-testid="sessions-print-heading">
        Sessions {filters.from} to {filters.to}
        {filters.kind ? `, ${kindLabel(filters.kind)}` : ''}
        {therapistName ? `, ${therapistName}` : ''}
        {filters.chartNumber ? `, chart ${filters.chartNumber}` : ''}
        {filters.includeVoided ? ', voided included' : ''}
      </Text>
      <SessionFilters values={filters} staff={staff.data ?? []} errors={check.ok ? {} : check.fieldErrors} today={today} onChange={changeFilters} />
      {!check.ok ? (
        <Alert color="red" variant="light" title="Fix the filters above to see sessions" />
      ) : sessions.isPending ? (
        <PageLoader label="Loading sessions" />
      ) : sessions.isError ? (
        <ErrorAlert error={sessions.error} />
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {pluralize(sessions.data.total, 'session')} match{sessions.data.total === 1 ? 'es' : ''}; page {sessionPageNumber(page)} shows {sessions.data.sessions.length}.
            {sessions.isFetching ? ' (loading…)' : ''}
          </Text>
          <SessionTable sessions={sessions.data.sessions} />
        </>
      )}
      <Group justify="space-between" role="navigation" aria-label="Session pages" data-print="hide">
        <Group gap="xs">
          <Button variant="default" disabled={page.cursors.length === 0} onClick={() => setPaging(firstSessionPage)}>
            Newest
          </Button>
          <Button variant="default" disabled={page.cursors.length === 0} onClick={() => setPaging(toPreviousPage(page))}>
            Previous page
          </Button>
        </Group>
        <NativeSelect
          label="Sessions per page"
          data={pageSizes.map(String)}
          value={String(pageSize)}
          onChange={(e) => {
            setPageSize(Number(e.currentTarget.value));
            setPaging(firstSessionPage);
          }}
          w={150}
        />
        <Button
          variant="default"
          disabled={next === null || sessions.isPlaceholderData}
          onClick={() => next && setPaging(toNextPage(page, next))}
        >
          Next page
        </Button>
      </Group>
    </Stack>
  );
}
