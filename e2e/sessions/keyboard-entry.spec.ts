// Journey: the front desk records a session with the keyboard only (Tab, typing, arrows, Ctrl+Enter), and a bad
// pain score is named beside its field with the focus moved there. The time is noted, not asserted.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { SessionEntryForm } from '../pages/SessionEntryForm';
import { ClinicApi } from './clinic-api';

test.setTimeout(180_000);

/** Presses Tab until the target has the focus: proves it is reachable from the keyboard, in order. */
async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target.toString()} was not reached within ${maxPresses} Tab presses`);
}

test('a plan-of-care session recorded by keyboard only', async ({ page, seeded }) => {
  const api = ClinicApi.fromOpenUrl(seeded.openUrl);
  const frame = new AppFrame(page);
  const entry = new SessionEntryForm(page);
  const today = await api.today();
  // A returning patient with consent on file, from the demo clinic's last weeks.
  const recent = await api.call('sessions.list', { from: '2000-01-01', to: today, limit: 20 });
  const chartNumber = recent.sessions[0]?.chartNumber ?? '';
  expect((await api.call('sessions.chartStatus', { chartNumber })).consent).not.toBeNull();
  const needleLotsBefore = await api.call('sessions.formDefaults', { kind: 'plan_of_care', date: today });
  const needle = needleLotsBefore.needleItems.find((n) => n.lotId !== null);
  const onHandBefore = await api.onHand(needle?.lotId ?? 0);

  await page.goto(seeded.openUrl);
  await expect(frame.pageHeading()).toHaveText('Dashboard');
  await tabTo(page, frame.navigation().getByRole('link', { name: 'Sessions', exact: true }));
  await page.keyboard.press('Enter');
  await expect(frame.pageHeading()).toHaveText('Sessions');
  await tabTo(page, page.getByRole('link', { name: 'Record session' }));
  await page.keyboard.press('Enter');
  await expect(entry.form()).toBeVisible();

  const started = Date.now();
  // The manager is not a needling therapist by default: the therapist field has the focus.
  await expect(entry.field('Therapist')).toBeFocused();
  await page.keyboard.type('Marcus');
  await expect(entry.field('Therapist').locator('option:checked')).toHaveText('Marcus Lee');
  await page.keyboard.press('Tab');
  await expect(entry.field('Chart number')).toBeFocused();
  await page.keyboard.type(chartNumber);
  await page.keyboard.press('Tab');
  await expect(entry.chartStatus(chartNumber)).toContainText('Consent on file');
  // Plan of care is the default kind; the room stays blank.
  await tabTo(page, page.getByRole('combobox', { name: 'Body regions treated' }));
  await page.keyboard.type('Low back');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Glut');
  await page.keyboard.press('Enter');
  await tabTo(page, entry.needleQuantity(1));
  await page.keyboard.type('5');
  await tabTo(page, entry.field('Pain before (0–10)'));
  await page.keyboard.type('11');
  await page.keyboard.press('Tab');
  await page.keyboard.type('3');
  await page.keyboard.press('Control+Enter');

  // The bad score is refused before anything is sent, beside its field, with the focus taken there.
  await expect(entry.form().getByText('must be from 0 to 10')).toBeVisible();
  await expect(entry.field('Pain before (0–10)')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('7');
  await page.keyboard.press('Control+Enter');

  await expect(entry.saved()).toContainText('recorded');
  const elapsedMs = Date.now() - started;
  test.info().annotations.push({ type: 'keyboard entry time', description: `${(elapsedMs / 1000).toFixed(1)} s (not asserted)` });
  await expect(entry.saved()).toContainText(`Chart ${chartNumber}`);
  await expect(entry.saved()).toContainText('Marcus Lee, Plan of care');
  await expect(entry.saved()).toContainText('5 needles');

  const session = await api.call('sessions.get', { id: await entry.savedSessionId() });
  expect(session).toMatchObject({ therapistName: 'Marcus Lee', chartNumber, kind: 'plan_of_care', bodyRegions: ['low_back', 'gluteal_hip'], painBefore: 7, painAfter: 3, needlesOpened: 5, needlesDisposed: 5 });
  expect(session.needles[0]?.lotId).toBe(needle?.lotId);
  expect(await api.onHand(needle?.lotId ?? 0)).toBe(onHandBefore - 5);

  // A fresh form is ready for the next patient, keeping the therapist, with the focus on the chart number.
  await expect(entry.field('Chart number')).toBeFocused();
  await expect(entry.field('Chart number')).toHaveValue('');
  await expect(entry.field('Therapist').locator('option:checked')).toHaveText('Marcus Lee');
});
