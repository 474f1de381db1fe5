// Staff: who works at the clinic, their roles and PINs, and switching the PC to one of them.
import { Alert, Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { StaffMember } from '../../../db/staff/staff-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { ActAsModal } from './ActAsModal';
import type { StaffDialog } from './staff-dialogs';
import { StaffActiveModal } from './StaffActiveModal';
import { StaffFormModal } from './StaffFormModal';
import { StaffPinModal } from './StaffPinModal';
import { StaffTable } from './StaffTable';

export function StaffPage() {
  const { acting } = useClinicSession();
  // Write controls follow the role for a clear screen; the API still decides every call.
  const isManager = acting.role === 'manager';
  const [showInactive, setShowInactive] = useState(false);
  const [dialog, setDialog] = useState<StaffDialog | null>(null);
  const staff = useApiQuery('staff.list', { includeInactive: showInactive });
  const signIn = useApiMutation('session.signIn');
  const close = () => setDialog(null);

  const actAs = (member: StaffMember) => {
    signIn.reset();
    if (member.hasPin) setDialog({ kind: 'act_as', member });
    else signIn.mutate({ staffId: member.id });
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Staff</Title>
          <Text c="dimmed">Everyone who can sign in at this PC. Staff are deactivated, never deleted.</Text>
        </div>
        {isManager && <Button onClick={() => setDialog({ kind: 'create' })}>Add staff member</Button>}
      </Group>
      {!isManager && (
        <Alert color="gray" variant="light">
          Only a manager can add or change staff. You can set your own PIN or switch the PC to someone else.
        </Alert>
      )}
      <Switch label="Show inactive staff" checked={showInactive} onChange={(event) => setShowInactive(event.currentTarget.checked)} />
      {signIn.error && <ErrorAlert title="Could not switch user" error={signIn.error} />}
      {staff.isPending ? (
        <PageLoader label="Loading staff" />
      ) : staff.isError ? (
        <ErrorAlert error={staff.error} />
      ) : (
        <StaffTable staff={staff.data} actingStaffId={acting.staffId} isManager={isManager} onOpen={setDialog} onActAs={actAs} />
      )}

      {dialog?.kind === 'create' && <StaffFormModal member={null} onClose={close} />}
      {dialog?.kind === 'edit' && <StaffFormModal member={dialog.member} onClose={close} />}
      {dialog?.kind === 'pin' && <StaffPinModal member={dialog.member} onClose={close} />}
      {dialog?.kind === 'active' && <StaffActiveModal member={dialog.member} onClose={close} />}
      {dialog?.kind === 'act_as' && <ActAsModal member={dialog.member} onClose={close} />}
    </Stack>
  );
}
