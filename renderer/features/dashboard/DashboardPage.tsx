// The first page after sign-in: the clinic, today's date, who works here, and whether the audit chain is intact.
import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { oversight } from '../../../db/api/roles';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { AuditChainStatus } from '../../components/AuditChainStatus';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { formatBusinessDateLong, roleLabel } from '../../lib/format';
import { countActiveStaffByRole } from './staff-counts';

export function DashboardPage() {
  const { clinic, today, acting } = useClinicSession();
  return (
    <Stack>
      <div>
        <Title order={1}>Dashboard</Title>
        <Text c="dimmed">
          {clinic.name} · {formatBusinessDateLong(today)}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="dashboard-staff">
          <Title order={2} size="h4" id="dashboard-staff" mb="sm">
            Staff
          </Title>
          <StaffCounts />
        </Card>
        <Card withBorder component="section" aria-labelledby="dashboard-audit">
          <Title order={2} size="h4" id="dashboard-audit" mb="sm">
            Audit log
          </Title>
          {oversight.includes(acting.role) ? (
            <AuditChainStatus />
          ) : (
            <Text size="sm">The audit chain check is shown to managers and auditors.</Text>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

function StaffCounts() {
  const staff = useApiQuery('staff.list', { includeInactive: false });
  if (staff.isPending) return <PageLoader label="Loading staff" />;
  if (staff.isError) return <ErrorAlert error={staff.error} />;
  return (
    <Table aria-label="Active staff by role">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Role</Table.Th>
          <Table.Th ta="right">Active staff</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {countActiveStaffByRole(staff.data).map(({ role, count }) => (
          <Table.Tr key={role}>
            <Table.Td>{roleLabel(role)}</Table.Td>
            <Table.Td ta="right">{count}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
