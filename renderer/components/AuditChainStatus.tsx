// The audit chain check (audit.verify) in one line: intact with its size and head, or the first broken event in red.
import { Alert, Group, Text } from '@mantine/core';
import { useApiQuery } from '../api/useApiQuery';
import { pluralize, shortHash } from '../lib/format';
import { ErrorAlert } from './ErrorAlert';
import { PageLoader } from './PageLoader';
import { StatusBadge } from './StatusBadge';

export function AuditChainStatus() {
  const verify = useApiQuery('audit.verify', {});
  if (verify.isPending) return <PageLoader label="Checking the audit chain" />;
  if (verify.isError) return <ErrorAlert title="Could not check the audit chain" error={verify.error} />;
  const chain = verify.data;
  if (chain.isIntact) {
    return (
      <Group gap="sm" aria-label="Audit chain status" role="group">
        <StatusBadge tone="good">Chain intact</StatusBadge>
        <Text size="sm">
          {pluralize(chain.eventCount, 'event')}, head <code title={chain.headHash}>{shortHash(chain.headHash)}</code>
        </Text>
      </Group>
    );
  }
  return (
    <Alert color="red" variant="light" title="✗ Audit chain broken" role="alert">
      {chain.firstProblem
        ? `Event #${chain.firstProblem.seq}: ${chain.firstProblem.message}`
        : 'The chain does not verify, but no event was named.'}
    </Alert>
  );
}
