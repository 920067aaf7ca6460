import { PageHeading } from '../../components/PageHeading.js';
import { useApp } from '../../store/index.js';

/** One case: the snapshot, each flag with its explanation, the evidence timeline, the reviews. */
export function CaseScreen() {
  const route = useApp((s) => s.route);
  const crn = route.screen === 'case' ? route.crn : '';
  return <PageHeading title={`Case ${crn}`}>Case {crn}</PageHeading>;
}
