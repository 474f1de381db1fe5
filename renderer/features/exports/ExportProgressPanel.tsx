// One export followed every 300 ms while it runs: stage, rows or bytes, a progress bar and Cancel; when it is done,
// Download and the hashes an auditor compares. Polling is a query, so the rest of the app stays usable meanwhile.
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ExportProgressView } from '../../../db/exports/exports-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { StatusBadge } from '../../components/StatusBadge';
import { formatBytes } from './bundle-chunks';
import { DownloadBundleButton } from './DownloadBundleButton';
import { clampPercent, exportStateStyles, formatExportProgress } from './export-progress';

const pollEveryMs = 300;

export function ExportProgressPanel({ exportId, onDismiss }: { exportId: string; onDismiss: () => void }) {
  const queryClient = useQueryClient();
  const progress = useApiQuery(
    'exports.progress',
    { exportId },
    { refetchInterval: (query) => (query.state.data === undefined || query.state.data.state === 'running' ? pollEveryMs : false) },
  );
  const cancel = useApiMutation('exports.cancel');
  const state = progress.data?.state;

  // The export log gains its row when the job ends; refresh the list then rather than on every poll.
  useEffect(() => {
    if (state !== undefined && state !== 'running') void queryClient.invalidateQueries({ queryKey: ['exports.list'] });
  }, [state, queryClient]);

  if (progress.isPending) return <PageLoader label="Loading the export's progress" />;
  if (progress.isError) {
    return (
      <Stack gap="xs">
        <ErrorAlert title="Could not follow the export" error={progress.error} />
        <Group>
          <Button variant="subtle" onClick={onDismiss}>
            Close
          </Button>
        </Group>
      </Stack>
    );
  }
  const view = progress.data;
  return (
    <Stack gap="sm" role="group" aria-label="Export progress">
      <Group justify="space-between">
        <Group gap="sm">
          <StatusBadge tone={exportStateStyles[view.state].tone}>{exportStateStyles[view.state].label}</StatusBadge>
          <Text size="sm" aria-live="polite">
            {formatExportProgress(view)}
          </Text>
        </Group>
        {view.state === 'running' ? (
          <Button color="red" variant="light" onClick={() => cancel.mutate({ exportId })} loading={cancel.isPending}>
            Cancel export
          </Button>
        ) : (
          <Button variant="subtle" onClick={onDismiss}>
            Close
          </Button>
        )}
      </Group>
      <Progress
        size="lg"
        value={clampPercent(view.percent)}
        animated={view.state === 'running'}
        color={view.state === 'failed' ? 'red' : view.state === 'cancelled' ? 'yellow' : undefined}
        aria-label={`Export ${clampPercent(view.percent)}% done`}
      />
      <ErrorAlert title="Could not cancel" error={cancel.error} />
      {view.state === 'done' && <FinishedExport view={view} />}
    </Stack>
  );
}

function FinishedExport({ view }: { view: ExportProgressView }) {
  const record = view.record;
  const fileName = view.fileName ?? record?.fileName ?? 'audit-bundle.zip';
  return (
    <Alert color="teal" variant="light" title="✓ Bundle ready">
      <Stack gap="xs">
        <Text size="sm">
          {fileName}
          {record?.sizeBytes != null && ` (${formatBytes(record.sizeBytes)})`}
        </Text>
        {record?.manifestSha256 && (
          <Text size="sm">
            Manifest SHA-256: <code data-testid="manifest-hash">{record.manifestSha256}</code>
          </Text>
        )}
        {record?.chainHeadHash && (
          <Text size="sm">
            Audit chain head{record.chainEventCount != null && ` (${record.chainEventCount.toLocaleString('en-US')} events)`}:{' '}
            <code data-testid="head-hash">{record.chainHeadHash}</code>
          </Text>
        )}
        <div>
          <DownloadBundleButton exportId={view.exportId} fileName={fileName} />
        </div>
      </Stack>
    </Alert>
  );
}
