// The top of every compliance page: its title, a line on what it is for, page actions, and the compliance
// sub-navigation (only the pages the acting role may open).
import { Button, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { MethodName } from '../../../db/api/contract';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { canCall } from './compliance-forms';
import { compliancePaths } from './compliance-paths';

interface CompliancePageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

export function CompliancePageHeader({ title, description, actions }: CompliancePageHeaderProps) {
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{title}</Title>
          {description && <Text c="dimmed">{description}</Text>}
        </div>
        {actions && (
          <Group gap="sm" data-print="hide">
            {actions}
          </Group>
        )}
      </Group>
      <ComplianceNav />
    </>
  );
}

const pages: ReadonlyArray<{ to: string; label: string; method: MethodName }> = [
  { to: compliancePaths.calendar, label: 'Calendar', method: 'compliance.calendar' },
  { to: compliancePaths.containers, label: 'Sharps containers', method: 'compliance.listContainers' },
  { to: compliancePaths.pickups(), label: 'Waste pickups', method: 'compliance.listPickups' },
  { to: compliancePaths.injuries, label: 'Injury log', method: 'compliance.listInjuries' },
  { to: compliancePaths.mdr(), label: 'MDR', method: 'compliance.listMdr' },
  { to: compliancePaths.training(), label: 'Training', method: 'compliance.trainingStatus' },
  { to: compliancePaths.vaccination(), label: 'Vaccination', method: 'compliance.listHbvOffers' },
  { to: compliancePaths.planReviews, label: 'Plan reviews', method: 'compliance.listPlanReviews' },
  { to: compliancePaths.credentials(), label: 'Credentials', method: 'compliance.listCredentials' },
  { to: compliancePaths.tasks(), label: 'Tasks', method: 'compliance.listTasks' },
  { to: compliancePaths.inspector, label: 'Inspector view', method: 'compliance.inspectorView' },
];

function ComplianceNav() {
  const { pathname } = useLocation();
  const { acting } = useClinicSession();
  const isActive = (to: string) => (to === compliancePaths.calendar ? pathname === to || pathname === `${to}/` : pathname.startsWith(to));
  return (
    <Group component="nav" aria-label="Compliance pages" gap={4} data-print="hide">
      {pages
        .filter((page) => canCall(page.method, acting.role))
        .map((page) => (
          <Button
            key={page.to}
            component={Link}
            to={page.to}
            size="compact-md"
            variant={isActive(page.to) ? 'light' : 'subtle'}
            aria-current={isActive(page.to) ? 'page' : undefined}
          >
            {page.label}
          </Button>
        ))}
    </Group>
  );
}
