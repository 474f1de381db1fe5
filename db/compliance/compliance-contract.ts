// Every compliance API method, gathered from the sub-areas. Pure: the renderer imports it through db/api/contract.ts.
import { calendarMethods } from './calendar-contract';
import { credentialMethods } from './credentials-contract';
import { injuryMethods } from './injury-contract';
import { mdrMethods } from './mdr-contract';
import { planReviewMethods } from './plan-review-contract';
import { sharpsMethods } from './sharps-contract';
import { taskMethods } from './tasks-contract';
import { trainingMethods } from './training-contract';

export const complianceMethods = {
  ...sharpsMethods,
  ...injuryMethods,
  ...mdrMethods,
  ...trainingMethods,
  ...planReviewMethods,
  ...credentialMethods,
  ...taskMethods,
  ...calendarMethods,
};
