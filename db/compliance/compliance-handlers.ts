// Every compliance handler, gathered from the sub-areas; typed against complianceMethods.
import type { HandlersFor } from '../api/handler-context';
import { calendarHandlers } from './calendar-handlers';
import type { complianceMethods } from './compliance-contract';
import { credentialHandlers } from './credentials-handlers';
import { injuryHandlers } from './injury-handlers';
import { mdrHandlers } from './mdr-handlers';
import { planReviewHandlers } from './plan-review-handlers';
import { sharpsHandlers } from './sharps-handlers';
import { taskHandlers } from './tasks-handlers';
import { trainingHandlers } from './training-handlers';

export const complianceHandlers: HandlersFor<typeof complianceMethods> = {
  ...sharpsHandlers,
  ...injuryHandlers,
  ...mdrHandlers,
  ...trainingHandlers,
  ...planReviewHandlers,
  ...credentialHandlers,
  ...taskHandlers,
  ...calendarHandlers,
};
