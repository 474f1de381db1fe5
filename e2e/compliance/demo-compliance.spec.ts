// Journey: the seeded demo clinic's compliance screens open: the calendar with its readiness answer, the sharps
// containers and pickups, the sharps injury log without identities (a manager may show them, and is told it is
// audited), its CSV without names, and the inspector view; every other compliance page loads too.
import { readFileSync } from 'node:fs';
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { CompliancePage, type ComplianceSubPage } from '../pages/CompliancePage';
import { ComplianceInjuryLogPage } from '../pages/ComplianceInjuryLogPage';
import { ComplianceSharpsPage } from '../pages/ComplianceSharpsPage';
import { SignInScreen } from '../pages/SignInScreen';

const screenshotDir = process.env.COMPLIANCE_SCREENSHOTS;

// The first test of a run may also seed the demo clinic (about half a minute).
test.setTimeout(180_000);

test('the demo clinic shows the compliance calendar, containers, the injury log without identities and the inspector view', async ({ page, seeded, cspViolations }) => {
  const frame = new AppFrame(page);
  const compliance = new CompliancePage(page);
  const sharps = new ComplianceSharpsPage(page);
  const injuries = new ComplianceInjuryLogPage(page);

  await page.goto(seeded.openUrl);
  await expect(frame.pageHeading()).toHaveText('Dashboard');

  // The calendar answers the question and lists items with links to fix them.
  await frame.goTo('Compliance');
  await expect(compliance.heading()).toHaveText('Compliance calendar');
  await expect(compliance.readiness()).toContainText(/Inspection-ready|Not inspection-ready/);
  await expect(compliance.calendarRows().first()).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: /^Open / }).first()).toBeVisible();
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/demo-calendar.png`, fullPage: true });

  // Containers in service, each with its room, and the pickups with their manifests.
  await compliance.goTo('Sharps containers');
  await expect(sharps.containerTable()).toBeVisible();
  await expect(sharps.containerTable().getByRole('rowheader').first()).toBeVisible();
  await expect(sharps.containerTable()).toContainText('In service');
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/demo-containers.png`, fullPage: true });
  await sharps.containerTable().getByRole('rowheader').first().getByRole('link').click();
  await expect(compliance.heading()).toHaveText(/^Sharps container /);
  await expect(page.getByRole('table', { name: /^Fill checks of / })).toBeVisible();
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/demo-container-detail.png`, fullPage: true });
  await compliance.goTo('Waste pickups');
  // A pickup every quarter of the demo's two years.
  await expect(sharps.pickupTable().getByRole('rowheader')).toHaveCount(8);
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/demo-pickups.png`, fullPage: true });

  // The injury log: no identity column by default, retention and the voluntary note shown.
  await compliance.goTo('Injury log');
  await expect(compliance.heading()).toHaveText('Sharps injury log');
  await expect(injuries.log().getByRole('rowheader')).toHaveCount(1);
  await expect(injuries.identityColumn()).toHaveCount(0);
  await expect(injuries.about()).toContainText('Maintained voluntarily');
  await expect(injuries.about()).toContainText('5 years after the end of the calendar year');
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/demo-injury-log.png`, fullPage: true });

  // Its CSV carries no names either.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('sharps-injury-log-all.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('case_number');
  expect(csv).not.toContain('employee');

  // A manager may show identities; the page says that view is audited.
  await expect(injuries.showIdentities()).toBeVisible();
  await injuries.showIdentities().check({ force: true });
  await expect(injuries.identityColumn()).toBeVisible();
  await expect(injuries.identitiesShownNotice()).toContainText('recorded in the audit log');
  await injuries.showIdentities().uncheck({ force: true });
  await expect(injuries.identityColumn()).toHaveCount(0);

  // The inspector view lists each record with its status and evidence.
  await compliance.goTo('Inspector view');
  await expect(compliance.heading()).toHaveText('Inspector view');
  await expect(injuries.inspectorRecord('Sharps injury log')).toContainText('Kept');
  await expect(injuries.inspectorRecord('Bloodborne pathogens training records')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Retention periods' })).toBeVisible();
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/demo-inspector.png`, fullPage: true });

  // Every other page loads with its main table.
  const others: Array<[ComplianceSubPage, string, string]> = [
    ['MDR', 'MDR evaluations', 'All MDR evaluations'],
    ['Training', 'Bloodborne pathogens training', 'Training status by staff member'],
    ['Vaccination', 'Hepatitis B vaccination offers', 'Vaccination offers'],
    ['Plan reviews', 'Exposure control plan reviews', ''],
    ['Credentials', 'Dry-needling credentials', 'Therapists cleared to dry-needle today'],
    ['Tasks', 'Recurring tasks', 'Recurring tasks'],
  ];
  for (const [subPage, heading, table] of others) {
    await compliance.goTo(subPage);
    await expect(compliance.heading()).toHaveText(heading);
    if (table) await expect(page.getByRole('table', { name: table, exact: true })).toBeVisible();
    else await expect(page.getByRole('article').first()).toBeVisible();
    if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/demo-${subPage.toLowerCase().replaceAll(' ', '-')}.png`, fullPage: true });
  }
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The read-only auditor: the inspector view and the log without identities, and nothing to change.
  await frame.switchUser();
  await new SignInScreen(page).signInAs('Sam Ortiz');
  await expect(frame.actingStaff()).toContainText('Sam Ortiz');
  await frame.goTo('Compliance');
  await expect(compliance.readiness()).toBeVisible();
  await compliance.goTo('Inspector view');
  await expect(injuries.inspectorRecord('Sharps injury log')).toBeVisible();
  await compliance.goTo('Injury log');
  await expect(injuries.log().getByRole('rowheader')).toHaveCount(1);
  await expect(injuries.showIdentities()).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Record injury' })).toHaveCount(0);
  await compliance.goTo('Sharps containers');
  await expect(sharps.containerTable()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Register container' })).toHaveCount(0);
  await expect(compliance.subNavigation().getByRole('link', { name: 'Vaccination' })).toHaveCount(0);

  expect(cspViolations).toEqual([]);
});
