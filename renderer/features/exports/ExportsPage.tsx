// Exports: the audit bundle (form, progress, download), how an auditor verifies it, the export log and the HIPAA
// accounting of disclosures. Managers and the auditor use it; the running export's id survives leaving the page.
import { Alert, Card, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { BundleForm } from './BundleForm';
import { DisclosuresSection } from './DisclosuresSection';
import { ExportHistoryTable } from './ExportHistoryTable';
import { ExportProgressPanel } from './ExportProgressPanel';
import { VerifyBundleHelp } from './VerifyBundleHelp';

/** The export being followed, kept for this tab so coming back to the page picks up its progress. */
const activeExportKey = 'clinic-ops.exports.active';

function readActiveExport(): string | null {
  try {
    return sessionStorage.getItem(activeExportKey);
  } catch {
    return null;
  }
}

function writeActiveExport(exportId: string | null): void {
  try {
    if (exportId === null) sessionStorage.removeItem(activeExportKey);
    else sessionStorage.setItem(activeExportKey, exportId);
  } catch {
    // Storage can be off; the page then only forgets the export when left.
  }
}

export function ExportsPage() {
  const { acting } = useClinicSession();
  const [activeExportId, setActiveExportId] = useState<string | null>(readActiveExport);
  const follow = (exportId: string | null) => {
    writeActiveExport(exportId);
    setActiveExportId(exportId);
  };
  const canExport = acting.role === 'manager' || acting.role === 'auditor';

  if (!canExport) {
    return (
      <Stack>
        <Title order={1}>Exports</Title>
        <Alert color="gray" variant="light" title="Managers and auditors only">
          Audit bundles and the accounting of disclosures are for the clinic&apos;s manager and its auditor.
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack maw={1200}>
      <Title order={1}>Exports</Title>
      <Card withBorder component="section" aria-labelledby="exports-bundle">
        <Title order={2} size="h4" id="exports-bundle" mb="sm">
          Audit bundle
        </Title>
        <Stack>
          <BundleFormWithProgress activeExportId={activeExportId} onFollow={follow} />
        </Stack>
      </Card>
      <Card withBorder component="section" aria-labelledby="exports-verify">
        <Title order={2} size="h4" id="exports-verify" mb="sm">
          How an auditor verifies a bundle
        </Title>
        <VerifyBundleHelp />
      </Card>
      <Card withBorder component="section" aria-labelledby="exports-history">
        <Title order={2} size="h4" id="exports-history" mb="sm">
          Past exports
        </Title>
        <ExportHistory />
      </Card>
      <Card withBorder component="section" aria-labelledby="exports-disclosures">
        <Title order={2} size="h4" id="exports-disclosures" mb="sm">
          Accounting of disclosures
        </Title>
        <DisclosuresSection />
      </Card>
    </Stack>
  );
}

function BundleFormWithProgress({ activeExportId, onFollow }: { activeExportId: string | null; onFollow: (exportId: string | null) => void }) {
  const progress = useApiQuery('exports.progress', { exportId: activeExportId ?? '' }, { enabled: activeExportId !== null });
  const isRunning = activeExportId !== null && (progress.data === undefined || progress.data.state === 'running') && !progress.isError;
  return (
    <>
      <BundleForm isExportRunning={isRunning} onStarted={onFollow} />
      {activeExportId !== null && <ExportProgressPanel exportId={activeExportId} onDismiss={() => onFollow(null)} />}
    </>
  );
}

function ExportHistory() {
  const list = useApiQuery('exports.list', { limit: 100 });
  if (list.isPending) return <PageLoader label="Loading past exports" />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  return <ExportHistoryTable records={list.data} />;
}
