// Journey: a session is corrected by an amendment with a reason: its needle count and pain score change, the
// stock follows, and the original stays readable beside the change.
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { SessionDetailPage } from '../pages/SessionDetailPage';
import { SessionEntryForm } from '../pages/SessionEntryForm';
import { SessionsListPage } from '../pages/SessionsListPage';
import { ClinicApi } from './clinic-api';

test.setTimeout(180_000);

test('amend a session with a reason; the amendment shows before and after and the original stays visible', async ({ page, seeded }) => {
  const api = ClinicApi.fromOpenUrl(seeded.openUrl);
  const detail = new SessionDetailPage(page);
  const entry = new SessionEntryForm(page);
  const today = await api.today();
  // A session whose needle lot is usable and still holds a needle for the amendment to add (which sessions are
  // newest, and so which lots are used up or recalled, depends on the time of day the demo was seeded).
  const candidates = (await api.call('sessions.list', { from: '2000-01-01', to: today, limit: 50 })).sessions.filter((s) => s.kind === 'plan_of_care' && s.amendmentCount === 0);
  let chosen: { session: (typeof candidates)[number]; lotId: number; onHandBefore: number; opened: number } | null = null;
  for (const candidate of candidates) {
    const needle = (await api.call('sessions.get', { id: candidate.id })).needles[0];
    const lot = needle ? (await api.call('inventory.lotDetail', { lotId: needle.lotId })).lot : null;
    if (needle && lot && lot.effectiveStatus === 'available' && lot.onHand >= 1) {
      chosen = { session: candidate, lotId: needle.lotId, onHandBefore: lot.onHand, opened: needle.quantity };
      break;
    }
  }
  if (!chosen) throw new Error('no session to amend whose needle lot is available with stock left');
  const { session, lotId, onHandBefore, opened } = chosen;

  await page.goto(seeded.openUrl);
  await new AppFrame(page).goTo('Sessions');
  await new SessionsListPage(page).filterBy({ from: session.sessionDate, to: session.sessionDate, chartNumber: session.chartNumber });
  await page.getByRole('link', { name: new RegExp(`^Session #${session.id},`) }).click();
  await expect(detail.heading()).toHaveText(`Session #${session.id}`);
  await page.getByRole('button', { name: 'Amend', exact: true }).click();
  await expect(entry.form()).toHaveAccessibleName('Amend the session');
  await expect(entry.field('Chart number')).toHaveValue(session.chartNumber);
  await entry.needleQuantity(1).fill(String(opened + 1));
  await entry.field('Pain after (0–10)').fill(String(Math.max(0, session.painAfter - 1)));
  await entry.save();
  await expect(entry.field('Reason for the amendment')).toHaveAttribute('aria-invalid', 'true');
  await entry.field('Reason for the amendment').fill('Needle count and pain score corrected from the paper note');
  await entry.save();

  await expect(detail.heading()).toHaveText(`Session #${session.id}`);
  await expect(page.getByRole('main').getByText('Amended (1 time)')).toBeVisible();
  const changes = page.getByRole('table', { name: 'Changes in amendment 1' });
  await expect(changes.getByRole('row').filter({ hasText: 'Needles (lot × count)' })).toContainText(`× ${opened}`);
  await expect(changes.getByRole('row').filter({ hasText: 'Needles (lot × count)' })).toContainText(`× ${opened + 1}`);
  await expect(changes.getByRole('row').filter({ hasText: 'Pain after' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Needle count and pain score corrected from the paper note');
  await page.getByRole('button', { name: 'Show the original record' }).click();
  await expect(page.getByRole('table', { name: 'Original record, as first entered' }).getByRole('row').filter({ hasText: 'Pain after' })).toContainText(String(session.painAfter));
  expect(await api.onHand(lotId)).toBe(onHandBefore - 1);
});
