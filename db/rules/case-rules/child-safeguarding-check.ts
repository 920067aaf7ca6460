import { ruleTitles } from '../../contract/words/index.js';
import { checkRule } from './check.js';

/** CHILD-SAFEGUARDING-CHECK: a child safeguarding registration calls for a children's services enquiry and its response. */
export const childSafeguardingCheck = checkRule({
  id: 'CHILD-SAFEGUARDING-CHECK',
  title: ruleTitles['CHILD-SAFEGUARDING-CHECK'],
  what: 'Child safeguarding registration',
  enquiry: 'children’s services safeguarding enquiry',
  trigger: 'childSafeguardingCodes',
  request: 'childrenCheckRequestCodes',
  response: 'childrenCheckResponseCodes',
});
