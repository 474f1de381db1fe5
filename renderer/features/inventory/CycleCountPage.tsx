// Cycle count: every lot of a category with the quantity the ledger expects; type what is on the shelf, see each
// variance before committing, then commit them as count adjustments and see what was adjusted.
import { Alert, Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { itemCategories, type ItemCategory, type LotView, type MovementView } from '../../../db/inventory/inventory-contract';
import { ApiCallFailed } from '../../api/client';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { StatusBadge } from '../../components/StatusBadge';
import type { FieldErrors } from '../../lib/form-errors';
import { messageForField } from '../../lib/form-errors';
import { pluralize } from '../../lib/format';
import { countErrorField, countFieldOfLot, sortCountSheet, summariseCount, toCommitCountInput, toCountRows, type CountRow } from './cycle-count';
import { canCall } from './form-numbers';
import { InventoryPageHeader } from './InventoryPageHeader';
import { formatSignedQuantity, formatUnits, itemCategoryLabels } from './inventory-labels';
import { inventoryPaths } from './inventory-paths';
import { LotStatusBadge } from './LotStatusBadge';
import { lotName } from './LotTable';

interface CommittedCount {
  category: ItemCategory;
  adjustments: MovementView[];
  lotsById: Map<number, LotView>;
}

export function CycleCountPage() {
  const { today, acting } = useClinicSession();
  const [category, setCategory] = useState<ItemCategory | ''>('');
  const [counted, setCounted] = useState<Record<number, string>>({});
  const [countedOn, setCountedOn] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [committed, setCommitted] = useState<CommittedCount | null>(null);
  const sheet = useApiQuery('inventory.cycleCountSheet', { category: category || 'needle' }, { enabled: category !== '' });
  const commit = useApiMutation('inventory.commitCycleCount');
  const rows = useMemo(() => toCountRows(sortCountSheet(sheet.data ?? []), counted), [sheet.data, counted]);
  const summary = summariseCount(rows);
  const canCommit = canCall('inventory.commitCycleCount', acting.role);

  const chooseCategory = (next: string) => {
    setCategory(next as ItemCategory | '');
    setCounted({});
    setErrors({});
    setAlert(null);
  };

  const submit = () => {
    if (category === '') return;
    const check = toCommitCountInput(category, countedOn, note, rows);
    if (!check.ok) {
      setErrors(check.fieldErrors);
      setAlert(null);
      return;
    }
    const lotsById = new Map(rows.map((row) => [row.lot.id, row.lot]));
    const sentLotIds = check.input.counts.map((c) => c.lotId);
    commit.mutate(check.input, {
      onSuccess: (result) => {
        setCommitted({ category, adjustments: result.adjustments, lotsById });
        setCounted({});
        setErrors({});
        setAlert(null);
      },
      onError: (error) => {
        const field = error instanceof ApiCallFailed ? countErrorField(error.field, sentLotIds) : undefined;
        const message = error instanceof ApiCallFailed && error.field ? messageForField(error.message, error.field) : error.message;
        if (field && (field.startsWith('count.') || field === 'countedOn' || field === 'note')) {
          setErrors({ [field]: message });
          setAlert(null);
        } else {
          setErrors({});
          setAlert(error.message);
        }
      },
    });
  };

  const categoryOptions = [{ value: '', label: 'Choose a category' }, ...itemCategories.map((c) => ({ value: c, label: itemCategoryLabels[c] }))];
  return (
    <>
      <InventoryPageHeader title="Cycle count" description="Count every lot of one category on the shelf; variances become count adjustments." />
      {!canCommit && (
        <Alert color="gray" variant="light">
          Anyone can fill in the sheet; only a manager can commit the count.
        </Alert>
      )}
      {committed && <CommittedSummary committed={committed} onDismiss={() => setCommitted(null)} />}
      <Group align="flex-end" gap="sm">
        <NativeSelect label="Category" data={categoryOptions} value={category} onChange={(e) => chooseCategory(e.currentTarget.value)} w={220} />
        <TextInput type="date" label="Counted on" value={countedOn} onChange={(e) => setCountedOn(e.currentTarget.value)} error={errors.countedOn} w={170} />
        <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} w={280} placeholder="e.g. quarterly count" />
      </Group>
      {category === '' ? (
        <Text>Choose a category to see its lots.</Text>
      ) : sheet.isPending ? (
        <PageLoader label="Loading count sheet" />
      ) : sheet.isError ? (
        <ErrorAlert error={sheet.error} />
      ) : rows.length === 0 ? (
        <Text>No lots of {itemCategoryLabels[category]} hold stock.</Text>
      ) : (
        <Stack gap="sm">
          <CountSheet rows={rows} errors={errors} label={`Count sheet: ${itemCategoryLabels[category]}`} onCount={(lotId, text) => setCounted((c) => ({ ...c, [lotId]: text }))} />
          <Text aria-live="polite" role="status">
            {summary.countedCount} of {pluralize(summary.lotCount, 'lot')} counted; {pluralize(summary.withVariance, 'variance')}
            {summary.withVariance > 0 && ` (${summary.unitsOver.toLocaleString('en-US')} over, ${summary.unitsUnder.toLocaleString('en-US')} under)`}.
            {summary.countedCount < summary.lotCount && ' Lots left blank keep their ledger quantity.'}
          </Text>
          {errors.counts && <ErrorAlert title="Not committed" error={errors.counts} />}
          {alert && <ErrorAlert title="Not committed" error={alert} />}
          {canCommit && (
            <Group>
              <Button onClick={submit} loading={commit.isPending} disabled={summary.countedCount === 0 && !summary.hasErrors}>
                Commit count
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}

function CountSheet({ rows, errors, label, onCount }: { rows: CountRow[]; errors: FieldErrors; label: string; onCount: (lotId: number, text: string) => void }) {
  // Enter moves down the counted column, as on a paper sheet.
  const moveDown = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const next = document.querySelector<HTMLInputElement>(`input[data-count-row="${index + 1}"]`);
    next?.focus();
  };
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col">Lot</Table.Th>
            <Table.Th scope="col">Expiry</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" ta="right">Expected</Table.Th>
            <Table.Th scope="col">Counted</Table.Th>
            <Table.Th scope="col">Variance</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => {
            const { lot } = row;
            const error = errors[countFieldOfLot(lot.id)] ?? row.error ?? undefined;
            return (
              <Table.Tr key={lot.id}>
                <Table.Td>{lot.itemName}</Table.Td>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={inventoryPaths.lot(lot.id)}>
                    {lotName(lot)}
                  </Anchor>
                </Table.Th>
                <Table.Td>{lot.expiryDate ?? '—'}</Table.Td>
                <Table.Td>
                  <LotStatusBadge status={lot.effectiveStatus} />
                </Table.Td>
                <Table.Td ta="right">{formatUnits(lot.onHand, lot.unit)}</Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Counted, lot ${lotName(lot)} of ${lot.itemName}`}
                    inputMode="numeric"
                    size="xs"
                    w={110}
                    value={row.countedText}
                    error={error}
                    data-count-row={index}
                    onChange={(e) => onCount(lot.id, e.currentTarget.value)}
                    onKeyDown={(e) => moveDown(e, index)}
                  />
                </Table.Td>
                <Table.Td>
                  <VarianceBadge variance={row.variance} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function VarianceBadge({ variance }: { variance: number | null }) {
  if (variance === null) return <Text c="dimmed">—</Text>;
  if (variance === 0) return <StatusBadge tone="good">Matches</StatusBadge>;
  return <StatusBadge tone="warning">{`${formatSignedQuantity(variance)} ${variance > 0 ? 'over' : 'short'}`}</StatusBadge>;
}

function CommittedSummary({ committed, onDismiss }: { committed: CommittedCount; onDismiss: () => void }) {
  const { adjustments, lotsById } = committed;
  return (
    <Alert color="teal" variant="light" title={`✓ Count of ${itemCategoryLabels[committed.category]} committed`} withCloseButton onClose={onDismiss} closeButtonLabel="Dismiss">
      {adjustments.length === 0 ? (
        <Text size="sm">Every counted lot matched the ledger; nothing was adjusted.</Text>
      ) : (
        <Stack gap="xs">
          <Title order={2} size="h5">
            {pluralize(adjustments.length, 'adjustment')}
          </Title>
          <Table aria-label="Count adjustments" fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Lot</Table.Th>
                <Table.Th scope="col">Item</Table.Th>
                <Table.Th scope="col" ta="right">Adjustment</Table.Th>
                <Table.Th scope="col" ta="right">On hand now</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {adjustments.map((movement) => {
                const lot = lotsById.get(movement.lotId);
                return (
                  <Table.Tr key={movement.id}>
                    <Table.Td>
                      <Anchor component={Link} to={inventoryPaths.lot(movement.lotId)}>
                        {lot ? lotName(lot) : `#${movement.lotId}`}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{lot?.itemName ?? ''}</Table.Td>
                    <Table.Td ta="right">{formatSignedQuantity(movement.quantity)}</Table.Td>
                    <Table.Td ta="right">{movement.balanceAfter.toLocaleString('en-US')}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Alert>
  );
}
