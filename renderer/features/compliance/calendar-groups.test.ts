import { describe, expect, it } from 'vitest';
import type { CalendarItem } from '../../../db/compliance/calendar-contract';
import { calendarHeadline, describeItemDue, groupCalendarItems } from './calendar-groups';

const item = (title: string, severity: CalendarItem['severity'], dueOn: string): CalendarItem => ({
  kind: 'task_due',
  severity,
  title,
  detail: '',
  dueOn,
  link: { area: 'tasks', id: 1 },
});

describe('groupCalendarItems', () => {
  it('puts overdue items first and keeps the calendar order inside each group', () => {
    const items = [item('A', 'overdue', '2026-01-01'), item('B', 'due_soon', '2026-01-05'), item('C', 'overdue', '2026-01-03'), item('D', 'due_soon', '2026-01-09')];
    const groups = groupCalendarItems(items);
    expect(groups.map((g) => [g.title, g.items.map((i) => i.title)])).toEqual([
      ['Overdue', ['A', 'C']],
      ['Due within 30 days', ['B', 'D']],
    ]);
  });

  it('leaves out empty groups', () => {
    expect(groupCalendarItems([item('B', 'due_soon', '2026-01-05')]).map((g) => g.severity)).toEqual(['due_soon']);
    expect(groupCalendarItems([])).toEqual([]);
  });
});

describe('calendarHeadline', () => {
  it('is green when nothing is overdue, and says what is coming', () => {
    expect(calendarHeadline({ isInspectionReady: true, overdueCount: 0, dueSoonCount: 0 })).toEqual({
      isReady: true,
      title: 'Inspection-ready',
      text: 'Nothing is overdue. Nothing is due in the next 30 days.',
    });
    expect(calendarHeadline({ isInspectionReady: true, overdueCount: 0, dueSoonCount: 2 }).text).toBe('Nothing is overdue. 2 items due within 30 days.');
  });

  it('counts the overdue items otherwise', () => {
    const headline = calendarHeadline({ isInspectionReady: false, overdueCount: 1, dueSoonCount: 1 });
    expect(headline.isReady).toBe(false);
    expect(headline.title).toBe('Not inspection-ready: 1 overdue item');
    expect(headline.text).toBe('Fix the overdue item below. 1 item due within 30 days.');
    expect(calendarHeadline({ isInspectionReady: false, overdueCount: 3, dueSoonCount: 0 }).title).toBe('Not inspection-ready: 3 overdue items');
  });
});

describe('describeItemDue', () => {
  it('says an overdue item dated today must be fixed now, and counts days otherwise', () => {
    expect(describeItemDue({ severity: 'overdue', dueOn: '2026-03-02' }, '2026-03-02')).toBe('overdue: fix it now');
    expect(describeItemDue({ severity: 'overdue', dueOn: '2026-02-28' }, '2026-03-02')).toBe('2 days overdue');
    expect(describeItemDue({ severity: 'due_soon', dueOn: '2026-03-02' }, '2026-03-02')).toBe('due today');
  });
});
