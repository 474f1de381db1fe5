// Settings: the clinic profile and the values a clinic tunes. Everyone may read them; managers change them.
import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { BackupsSection } from './BackupsSection';
import { ClinicProfileForm } from './ClinicProfileForm';
import { ClinicSettingsForm } from './ClinicSettingsForm';

export function SettingsPage() {
  const { clinic, acting, appVersion } = useClinicSession();
  const settings = useApiQuery('settings.get', {});
  const canEdit = acting.role === 'manager';
  return (
    <Stack maw={820}>
      <Title order={1}>Settings</Title>
      {!canEdit && (
        <Alert color="gray" variant="light">
          Only a manager can change settings.
        </Alert>
      )}
      <Card withBorder component="section" aria-labelledby="settings-profile">
        <Title order={2} size="h4" id="settings-profile" mb="sm">
          Clinic profile
        </Title>
        <ClinicProfileForm clinic={clinic} canEdit={canEdit} />
      </Card>
      <Card withBorder component="section" aria-labelledby="settings-values">
        <Title order={2} size="h4" id="settings-values" mb="sm">
          Clinic settings
        </Title>
        {settings.isPending ? (
          <PageLoader label="Loading settings" />
        ) : settings.isError ? (
          <ErrorAlert error={settings.error} />
        ) : (
          <ClinicSettingsForm settings={settings.data} canEdit={canEdit} />
        )}
      </Card>
      <BackupsSection />
      <Text size="xs" c="dimmed">
        Clinic Ops {appVersion}
      </Text>
    </Stack>
  );
}
