// Recurring compliance tasks: cadence, window, owner, the current period, when last done and every missed
// occurrence (never rolled forward silently); mark one done, record a missed one done late, add or edit (managers).
import { Button, Checkbox, Group, List, NativeSelect, SimpleGrid, Switch, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { staffRoles } from '../../../db/api/roles';
import { cadences, type TaskOccurrenceView, type TaskView } from '../../../db/compliance/tasks-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { roleLabel } from '../../lib/format';
import { canCall } from './compliance-forms';
import { cadenceLabels, describeDue, describeOwner, describeWindow, lastDoneOn, occurrenceStatusStyles } from './compliance-labels';
import { CompliancePageHeader } from './CompliancePageHeader';
import { FormModal, PrintButton, StyleBadge, ToneBadge, useComplianceForm } from './ComplianceParts';
import { newTaskValues, taskToFormValues, toCompleteMissedInput, toCompleteTaskInput, toCreateTaskInput, toUpdateTaskInput } from './records-forms';
import { highlightProps, useHighlightedId } from './useHighlightedId';

type Dialog = { kind: 'create' } | { kind: 'edit'; task: TaskView } | { kind: 'done'; task: TaskView } | { kind: 'late'; task: TaskView; occurrence: TaskOccurrenceView };

export function TasksPage() {
  const { acting } = useClinicSession();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const tasks = useApiQuery('compliance.listTasks', { includeInactive });
  const close = () => setDialog(null);
  return (
    <>
      <CompliancePageHeader
        title="Recurring tasks"
        description="Checks the clinic repeats, each with a window and an owner. One not done in its window is recorded as missed."
        actions={
          <>
            {canCall('compliance.createTask', acting.role) && <Button onClick={() => setDialog({ kind: 'create' })}>Add task</Button>}
            <PrintButton what="the recurring tasks" />
          </>
        }
      />
      <Switch label="Show retired tasks" checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} data-print="hide" />
      {tasks.isPending ? (
        <PageLoader label="Loading recurring tasks" />
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} />
      ) : (
        <TaskTable tasks={tasks.data} onDialog={setDialog} />
      )}
      {dialog?.kind === 'create' && <TaskModal task={null} onClose={close} />}
      {dialog?.kind === 'edit' && <TaskModal task={dialog.task} onClose={close} />}
      {dialog?.kind === 'done' && <DoneModal task={dialog.task} occurrence={null} onClose={close} />}
      {dialog?.kind === 'late' && <DoneModal task={dialog.task} occurrence={dialog.occurrence} onClose={close} />}
    </>
  );
}

function TaskTable({ tasks, onDialog }: { tasks: TaskView[]; onDialog: (dialog: Dialog) => void }) {
  const { acting, today } = useClinicSession();
  const highlighted = useHighlightedId('id');
  const canComplete = canCall('compliance.completeTask', acting.role);
  const canEdit = canCall('compliance.updateTask', acting.role);
  if (tasks.length === 0) return <Text>No recurring tasks.</Text>;
  return (
    <Table.ScrollContainer minWidth={1050}>
      <Table striped aria-label="Recurring tasks" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Task</Table.Th>
            <Table.Th scope="col">Cadence and window</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">This period</Table.Th>
            <Table.Th scope="col">Last done</Table.Th>
            <Table.Th scope="col">Missed</Table.Th>
            {(canComplete || canEdit) && (
              <Table.Th scope="col" data-print="hide">
                Actions
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => {
            const current = task.current;
            return (
              <Table.Tr key={task.id} c={task.isActive ? undefined : 'dimmed'} {...highlightProps(task.id === highlighted)}>
                <Table.Th scope="row" fw={500} miw={200}>
                  {task.title}
                  {!task.isActive && (
                    <>
                      {' '}
                      <ToneBadge tone="neutral">Retired</ToneBadge>
                    </>
                  )}
                  <Text size="xs" c="dimmed" fw={400}>
                    {task.description}
                  </Text>
                </Table.Th>
                <Table.Td>
                  {cadenceLabels[task.cadence]}
                  <Text size="xs">{describeWindow(task)}</Text>
                </Table.Td>
                <Table.Td>{describeOwner(task)}</Table.Td>
                <Table.Td miw={170}>
                  {current ? (
                    <>
                      <StyleBadge style={occurrenceStatusStyles[current.status]} />
                      <Text size="xs">
                        {current.periodStart} to {current.dueOn}
                        {current.status === 'open' ? ` (${describeDue(current.dueOn, today)})` : ''}
                      </Text>
                      {current.evidence && <Text size="xs" c="dimmed">{current.evidence}</Text>}
                    </>
                  ) : (
                    'Not started yet'
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{lastDoneOn(task) ?? 'Never'}</Table.Td>
                <Table.Td miw={task.missed.length === 0 ? undefined : 220}>
                  {task.missed.length === 0 ? (
                    'None'
                  ) : (
                    <List size="xs" spacing={4} aria-label={`Missed occurrences of ${task.title}`}>
                      {task.missed.map((m) => (
                        <List.Item key={`${m.periodStart}`}>
                          <ToneBadge tone="bad">Missed</ToneBadge> {m.periodStart} to {m.dueOn}{' '}
                          {canComplete && m.id !== null && (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              onClick={() => onDialog({ kind: 'late', task, occurrence: m })}
                              aria-label={`Record ${task.title} for ${m.periodStart} as done late`}
                              data-print="hide"
                            >
                              Done late
                            </Button>
                          )}
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
                {(canComplete || canEdit) && (
                  <Table.Td data-print="hide">
                    <Group gap={4} wrap="nowrap">
                      {canComplete && task.isActive && current?.status === 'open' && (
                        <Button size="compact-sm" variant="light" onClick={() => onDialog({ kind: 'done', task })} aria-label={`Mark ${task.title} done`}>
                          Mark done
                        </Button>
                      )}
                      {canEdit && (
                        <Button size="compact-sm" variant="subtle" onClick={() => onDialog({ kind: 'edit', task })} aria-label={`Edit ${task.title}`}>
                          Edit
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DoneModal({ task, occurrence, onClose }: { task: TaskView; occurrence: TaskOccurrenceView | null; onClose: () => void }) {
  const { today } = useClinicSession();
  const complete = useApiMutation('compliance.completeTask');
  const completeLate = useApiMutation('compliance.completeMissedTask');
  const form = useComplianceForm({ doneOn: today, note: '' });
  const submit = () => (occurrence ? form.send(toCompleteMissedInput(occurrence.id ?? Number.NaN, form.values), completeLate, onClose) : form.send(toCompleteTaskInput(task.id, form.values), complete, onClose));
  return (
    <FormModal
      title={occurrence ? `Done late: ${task.title}` : `Mark done: ${task.title}`}
      onClose={onClose}
      {...form.modalProps(submit, complete.isPending || completeLate.isPending)}
      submitLabel={occurrence ? 'Record done late' : 'Mark done'}
    >
      {occurrence && <Text size="sm">The window from {occurrence.periodStart} to {occurrence.dueOn} stays recorded as missed; this adds when it was done.</Text>}
      <TextInput type="date" label="Done on" required data-autofocus {...form.textProps('doneOn')} />
      <Textarea label={occurrence ? 'What was done, and why late' : 'Note'} required={occurrence !== null} autosize minRows={2} {...form.textProps('note')} />
    </FormModal>
  );
}

function TaskModal({ task, onClose }: { task: TaskView | null; onClose: () => void }) {
  const { today } = useClinicSession();
  const create = useApiMutation('compliance.createTask');
  const update = useApiMutation('compliance.updateTask');
  const staff = useApiQuery('staff.list', { includeInactive: false });
  const form = useComplianceForm(task ? taskToFormValues(task) : newTaskValues(today));
  const submit = () => (task ? form.send(toUpdateTaskInput(task.id, form.values), update, onClose) : form.send(toCreateTaskInput(form.values), create, onClose));
  const ownerOptions = [
    { value: '', label: 'Anyone' },
    ...staffRoles.filter((r) => r !== 'auditor').map((r) => ({ value: `role:${r}`, label: `Any ${roleLabel(r).toLowerCase()}` })),
    ...(staff.data ?? []).filter((s) => s.role !== 'auditor').map((s) => ({ value: `staff:${s.id}`, label: s.name })),
  ];
  return (
    <FormModal
      title={task ? `Edit ${task.title}` : 'Add a recurring task'}
      onClose={onClose}
      {...form.modalProps(submit, create.isPending || update.isPending)}
      submitLabel={task ? 'Save changes' : 'Add task'}
    >
      <TextInput label="Title" required data-autofocus {...form.textProps('title')} />
      <Textarea label="What to do" autosize minRows={2} {...form.textProps('description')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect label="How often" disabled={task !== null} description={task ? 'The cadence of a task does not change' : undefined} data={cadences.map((c) => ({ value: c, label: cadenceLabels[c] }))} {...form.textProps('cadence')} />
        <TextInput label="Window (days)" description="Days from the start of each period; blank for the whole period" inputMode="numeric" {...form.textProps('windowDays')} />
        <TextInput type="date" label="Starts on" disabled={task !== null} {...form.textProps('startsOn')} />
        <NativeSelect label="Owner" data={ownerOptions} {...form.textProps('owner')} />
      </SimpleGrid>
      {task && (
        <>
          <Checkbox label="Active (uncheck to retire the task; its history stays)" {...form.checkboxProps('isActive')} />
          <Textarea label="Reason for the change" required autosize minRows={2} {...form.textProps('reason')} />
        </>
      )}
    </FormModal>
  );
}
