// The backup line of the Dashboard's alerts: the last good backup's age, and any stale backup or failed drill.
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/useApiQuery';

export function BackupAlerts() {
  // The Dashboard's own summary carries the backup status (every role may read it); the query is shared.
  const summary = useApiQuery('dashboard.summary', {});
  const headingId = useId();
  const status = summary.data?.backups;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h3" id={headingId}>
        Backups
      </Title>
      {!status ? (
        <Text size="sm">Loading backup status…</Text>
      ) : (
        <>
          <Text size="sm">
            {status.lastGood
              ? `✓ Last good backup ${status.ageDays === 0 ? 'today' : status.ageDays === 1 ? 'yesterday' : `${status.ageDays} days ago`}.`
              : '! No good backup yet.'}
          </Text>
          {status.alerts.map((alert) => (
            <Alert key={alert.code} color="red" variant="light" title="! Backup needs attention">
              {alert.message}
            </Alert>
          ))}
          <Anchor component={Link} to="/settings" size="sm">
            Backups in Settings
          </Anchor>
        </>
      )}
    </Stack>
  );
}
