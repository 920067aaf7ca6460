import { ruleTitles } from '../../contract/words/index.js';
import { checkRule } from './check.js';

/** DA-POLICE-CHECK: a domestic-abuse registration calls for a police domestic-abuse enquiry and its response. */
export const daPoliceCheck = checkRule({
  id: 'DA-POLICE-CHECK',
  title: ruleTitles['DA-POLICE-CHECK'],
  what: 'Domestic abuse registration',
  enquiry: 'police domestic-abuse enquiry',
  trigger: 'domesticAbuseCodes',
  request: 'policeCheckRequestCodes',
  response: 'policeCheckResponseCodes',
});
