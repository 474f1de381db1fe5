// Journey: a new clinic is set up, a therapist is added and acts, the manager edits them, and the audit log shows who did what.
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { AuditLogPage } from '../pages/AuditLogPage';
import { FirstRunScreen } from '../pages/FirstRunScreen';
import { SignInScreen } from '../pages/SignInScreen';
import { StaffPage } from '../pages/StaffPage';

test('set up a clinic, add a therapist, act as them, edit them as the manager, and read both events in the audit log', async ({
  page,
  clinic,
  cspViolations,
}) => {
  const frame = new AppFrame(page);
  const staff = new StaffPage(page);
  const audit = new AuditLogPage(page);

  await page.goto(clinic.openUrl);
  // The token leaves the address bar as soon as the app has read it.
  await expect(page).not.toHaveURL(/token=/);

  const firstRun = new FirstRunScreen(page);
  await expect(firstRun.heading()).toBeVisible();
  await firstRun.setUp({
    clinicName: 'Harbor Street Physio',
    address: '9 Harbor Street, Norfolk, VA',
    timeZone: 'America/New_York',
    managerName: 'Morgan Blake',
    jobTitle: 'Clinic manager',
  });
  await expect(frame.pageHeading()).toHaveText('Dashboard');
  await expect(frame.header()).toContainText('Harbor Street Physio');
  await expect(frame.actingStaff()).toHaveText('Acting: Morgan Blake (Manager)');

  // Add a therapist with a PIN; the form checks the name with the API's own schema before sending.
  await frame.goTo('Staff');
  await expect(frame.pageHeading()).toHaveText('Staff');
  await staff.openAddDialog();
  await staff.dialog().getByRole('button', { name: 'Add staff member' }).click();
  await expect(staff.dialog().getByText('must not be empty')).toBeVisible();
  await staff.fillNewMember({ name: 'Riley Chen', role: 'Therapist', jobTitle: 'Physical therapist', pin: '2468' });
  await staff.dialog().getByRole('button', { name: 'Add staff member' }).click();
  await expect(staff.dialog()).toBeHidden();
  await expect(staff.row('Riley Chen')).toContainText('Therapist');
  await expect(staff.row('Riley Chen')).toContainText('Physical therapist');
  await expect(staff.row('Riley Chen')).toContainText('Set');

  // Act as the therapist: a wrong PIN is refused beside the field, the right one switches the PC.
  await page.getByRole('button', { name: 'Act as Riley Chen' }).click();
  await staff.dialog().getByLabel('PIN of Riley Chen').fill('1111');
  await staff.dialog().getByRole('button', { name: 'Sign in' }).click();
  await expect(staff.dialog().getByText('That PIN is not correct.')).toBeVisible();
  await staff.dialog().getByLabel('PIN of Riley Chen').fill('2468');
  await staff.dialog().getByRole('button', { name: 'Sign in' }).click();
  await expect(frame.actingStaff()).toHaveText('Acting: Riley Chen (Therapist)');

  // A therapist cannot change staff: no write controls, and the audit log is closed to them.
  await expect(staff.addButton()).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit Morgan Blake' })).toHaveCount(0);
  await frame.goTo('Audit log');
  await expect(page.getByText('The audit log can be read by a manager or an auditor.')).toBeVisible();

  // Switch back to the manager (no PIN) and change the therapist's job title.
  await frame.switchUser();
  const signIn = new SignInScreen(page);
  await expect(signIn.heading()).toHaveText('Sign in');
  await expect(page.getByRole('navigation', { name: 'Areas' })).toHaveCount(0);
  await signIn.signInAs('Morgan Blake');
  await expect(frame.actingStaff()).toHaveText('Acting: Morgan Blake (Manager)');
  await frame.goTo('Staff');
  await staff.editStaffMember('Riley Chen', { jobTitle: 'Senior physical therapist', reason: 'Promoted' });
  await expect(staff.row('Riley Chen')).toContainText('Senior physical therapist');

  // The audit log shows the create and the update, both by the manager, with the change itself.
  await frame.goTo('Audit log');
  await expect(audit.chainStatus()).toContainText('Chain intact');
  await audit.filterBy({ entityType: 'staff' });
  const created = audit.eventRow('create', 'staff #2');
  const updated = audit.eventRow('update', 'staff #2');
  await expect(created).toContainText('Morgan Blake');
  await expect(updated).toContainText('Morgan Blake');
  await expect(updated).toContainText('Promoted');
  await expect(updated).toContainText('jobTitle');
  // The therapist's sign-in is logged against their staff record.
  await expect(audit.eventRow('login', 'staff #2')).toBeVisible();

  const updateSeq = (await updated.getByRole('cell').first().textContent())?.trim() ?? '';
  await audit.showDetails(updateSeq);
  const changes = page.getByRole('table', { name: `Changes in event #${updateSeq}` });
  await expect(changes.getByRole('row').filter({ hasText: 'jobTitle' })).toContainText('Physical therapistSenior physical therapistchanged');

  expect(cspViolations).toEqual([]);
});
