// Pays a self-pay session with one visit of the chart's prepaid package.
import { Modal, NativeSelect, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import type { SessionView } from '../../../db/sessions/sessions-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { PageLoader } from '../../components/PageLoader';
import { useFormState } from '../../components/useFormState';

export function UsePackageModal({ session, onClose }: { session: Pick<SessionView, 'id' | 'chartNumber'>; onClose: () => void }) {
  const chart = useApiQuery('sessions.chartStatus', { chartNumber: session.chartNumber });
  const use = useApiMutation('revenue.payWithPackage');
  const open = (chart.data?.packages ?? []).filter((p) => p.visitsLeft > 0);
  const form = useFormState({ packageId: '' });
  const packageId = form.values.packageId || String(open[0]?.id ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!packageId) return form.showFieldErrors({ packageId: 'choose the package' });
    use.mutate({ sessionId: session.id, packageId: Number(packageId) }, { onSuccess: onClose, onError: form.showSubmitError });
  };

  return (
    <Modal opened onClose={onClose} title={`Use a prepaid visit for session #${session.id}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {form.alert && <ErrorAlert title="Not saved" error={form.alert} />}
          {chart.isPending ? (
            <PageLoader label="Loading packages" />
          ) : open.length === 0 ? (
            <Text>Chart {session.chartNumber} has no package with visits left.</Text>
          ) : (
            <NativeSelect
              label="Package"
              data-autofocus
              data={open.map((p) => ({ value: String(p.id), label: `${p.name} (${p.visitsLeft} of ${p.visitsTotal} left)` }))}
              {...form.textProps('packageId')}
              value={packageId}
            />
          )}
          <FormButtons isSaving={use.isPending} submitLabel="Use one visit" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
