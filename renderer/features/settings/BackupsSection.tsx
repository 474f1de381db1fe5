// Settings → Backups: status and alerts, back up now, restore drill, restore (manager), the list of copies, and the
// folder and retention settings. Managers and the auditor see it; only a manager acts.
import { Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { BackupActions } from './BackupActions';
import { BackupRestoreModal } from './BackupRestoreModal';
import { BackupSettingsForm } from './BackupSettingsForm';
import { BackupStatusPanel } from './BackupStatusPanel';
import { BackupTable } from './BackupTable';

export function BackupsSection() {
  const { acting } = useClinicSession();
  const canSee = acting.role === 'manager' || acting.role === 'auditor';
  return (
    <Card withBorder component="section" aria-labelledby="settings-backups">
      <Title order={2} size="h4" id="settings-backups" mb="sm">
        Backups
      </Title>
      {canSee ? <BackupsBody canManage={acting.role === 'manager'} /> : <Text>Only a manager or the auditor can see backups.</Text>}
    </Card>
  );
}

function BackupsBody({ canManage }: { canManage: boolean }) {
  const status = useApiQuery('backups.status', {});
  const list = useApiQuery('backups.list', { limit: 100, includePruned: false });
  const settings = useApiQuery('settings.get', {});
  const [isRestoring, setIsRestoring] = useState(false);
  return (
    <Stack>
      {status.isPending ? (
        <PageLoader label="Loading backup status" />
      ) : status.isError ? (
        <ErrorAlert title="Could not read the backup status" error={status.error} />
      ) : (
        <BackupStatusPanel status={status.data} />
      )}
      {canManage && (
        <>
          <Divider />
          <BackupActions />
        </>
      )}
      <Divider />
      <Group justify="space-between">
        <Title order={3} size="h5">
          Backup copies
        </Title>
        {canManage && list.isSuccess && (
          <Button variant="light" color="red" onClick={() => setIsRestoring(true)}>
            Restore…
          </Button>
        )}
      </Group>
      {list.isPending ? <PageLoader label="Loading backups" /> : list.isError ? <ErrorAlert error={list.error} /> : <BackupTable backups={list.data} />}
      <Divider />
      <Title order={3} size="h5">
        Backup folder and retention
      </Title>
      {settings.isPending ? (
        <PageLoader label="Loading settings" />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} />
      ) : (
        <BackupSettingsForm settings={settings.data} canEdit={canManage} />
      )}
      {isRestoring && list.isSuccess && <BackupRestoreModal backups={list.data} onClose={() => setIsRestoring(false)} />}
    </Stack>
  );
}
