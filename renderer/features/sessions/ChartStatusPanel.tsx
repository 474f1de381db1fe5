// What is on file for a chart number, shown when the chart number field is left: consent, good-faith estimate
// (self-pay) and prepaid packages, with buttons to record a missing consent or estimate on the spot.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ChartStatus, SessionKind } from '../../../db/sessions/sessions-contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { StatusBadge } from '../../components/StatusBadge';
import { pluralize } from '../../lib/format';
import { formatCents } from '../revenue/money';
import { RecordConsentModal } from './RecordConsentModal';
import { RecordGoodFaithEstimateModal } from './RecordGoodFaithEstimateModal';

interface ChartStatusPanelProps {
  chartNumber: string;
  status: { isPending: boolean; error: unknown; data: ChartStatus | undefined };
  kind: SessionKind;
  sessionDate: string;
  priceCents: number;
  canRecord: boolean;
}

export function ChartStatusPanel({ chartNumber, status, kind, sessionDate, priceCents, canRecord }: ChartStatusPanelProps) {
  const [dialog, setDialog] = useState<'consent' | 'gfe' | null>(null);
  if (status.isPending) return <PageLoader label={`Checking chart ${chartNumber}`} />;
  if (status.error || !status.data) return <ErrorAlert title={`Could not check chart ${chartNumber}`} error={status.error} />;
  const chart = status.data;
  const activePackages = chart.packages.filter((p) => p.visitsLeft > 0);

  return (
    <Stack gap={6} role="region" aria-label={`Chart ${chartNumber} on file`}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Chart {chart.chartNumber}:
        </Text>
        <Text size="sm">{chart.sessionCount === 0 ? 'new patient (no sessions yet)' : `${pluralize(chart.sessionCount, 'session')} on record`}</Text>
      </Group>
      <Group gap="xs">
        {chart.consent ? (
          <>
            <StatusBadge tone="good">Consent on file</StatusBadge>
            <Text size="sm">
              signed {chart.consent.signedOn}, form {chart.consent.formVersion}
            </Text>
          </>
        ) : (
          <>
            <StatusBadge tone="bad">No consent on file</StatusBadge>
            {canRecord && (
              <Button size="compact-sm" variant="light" onClick={() => setDialog('consent')}>
                Record consent
              </Button>
            )}
          </>
        )}
      </Group>
      {kind === 'self_pay' &&
        (chart.goodFaithEstimate ? (
          <Group gap="xs">
            <StatusBadge tone="good">Good-faith estimate on file</StatusBadge>
            <Text size="sm">
              given {chart.goodFaithEstimate.givenOn}, {formatCents(chart.goodFaithEstimate.amountCents)}, valid until {chart.goodFaithEstimate.validUntil}
            </Text>
          </Group>
        ) : (
          <Alert color="yellow" variant="light" title="! No good-faith estimate on file" p="xs">
            <Group gap="xs" justify="space-between">
              <Text size="sm">A self-pay patient must be given one (No Surprises Act). The session can still be saved.</Text>
              {canRecord && (
                <Button size="compact-sm" variant="light" color="yellow" onClick={() => setDialog('gfe')}>
                  Record good-faith estimate
                </Button>
              )}
            </Group>
          </Alert>
        ))}
      {activePackages.length > 0 && (
        <Group gap="xs">
          <StatusBadge tone="neutral">Prepaid package</StatusBadge>
          <Text size="sm">{activePackages.map((p) => `${p.name}: ${p.visitsLeft} of ${p.visitsTotal} visits left`).join('; ')}</Text>
        </Group>
      )}
      {dialog === 'consent' && <RecordConsentModal chartNumber={chart.chartNumber} signedOn={sessionDate} onClose={() => setDialog(null)} />}
      {dialog === 'gfe' && <RecordGoodFaithEstimateModal chartNumber={chart.chartNumber} givenOn={sessionDate} amountCents={priceCents} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
