import { PageHeading } from '../../components/PageHeading.js';

/** Record an oversight review, or amend or withdraw one, with a reason. */
export function ReviewScreen() {
  return <PageHeading title="Record an oversight review">Record an oversight review</PageHeading>;
}
