// The staff list with the actions the acting user may take on each row.
import { Button, Group, Table, Text } from '@mantine/core';
import type { StaffMember } from '../../../db/staff/staff-contract';
import { StatusBadge } from '../../components/StatusBadge';
import { roleLabel } from '../../lib/format';
import type { StaffDialog } from './staff-dialogs';

interface StaffTableProps {
  staff: StaffMember[];
  actingStaffId: number;
  isManager: boolean;
  onOpen: (dialog: StaffDialog) => void;
  onActAs: (member: StaffMember) => void;
}

export function StaffTable({ staff, actingStaffId, isManager, onOpen, onActAs }: StaffTableProps) {
  if (staff.length === 0) return <Text>No staff to show.</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label="Staff">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Job title</Table.Th>
            <Table.Th scope="col">PIN</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((member) => {
            const isSelf = member.id === actingStaffId;
            return (
              <Table.Tr key={member.id}>
                <Table.Th scope="row" fw={500}>
                  {member.name}
                  {isSelf && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (you)
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>{roleLabel(member.role)}</Table.Td>
                <Table.Td>{member.jobTitle || <Text span c="dimmed">—</Text>}</Table.Td>
                <Table.Td>{member.hasPin ? 'Set' : 'Not set'}</Table.Td>
                <Table.Td>
                  {member.isActive ? <StatusBadge tone="good">Active</StatusBadge> : <StatusBadge tone="neutral">Inactive</StatusBadge>}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {isManager && (
                      <Button size="compact-sm" variant="default" aria-label={`Edit ${member.name}`} onClick={() => onOpen({ kind: 'edit', member })}>
                        Edit
                      </Button>
                    )}
                    {(isManager || isSelf) && (
                      <Button size="compact-sm" variant="default" aria-label={`PIN for ${member.name}`} onClick={() => onOpen({ kind: 'pin', member })}>
                        PIN
                      </Button>
                    )}
                    {isManager && !isSelf && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        aria-label={`${member.isActive ? 'Deactivate' : 'Reactivate'} ${member.name}`}
                        onClick={() => onOpen({ kind: 'active', member })}
                      >
                        {member.isActive ? 'Deactivate' : 'Reactivate'}
                      </Button>
                    )}
                    {member.isActive && !isSelf && (
                      <Button size="compact-sm" variant="light" aria-label={`Act as ${member.name}`} onClick={() => onActAs(member)}>
                        Act as
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
