import { useApp } from '../store/index.js';
import { PageHeading } from '../components/PageHeading.js';
import { ProblemSummary } from '../components/ErrorSummary.js';

/** While the app asks the host who is using it; or why it could not. */
export function Starting() {
  const error = useApp((s) => s.startupError);
  if (!error) {
    return <p className="govuk-body">Opening SPO Oversight…</p>;
  }
  return (
    <>
      <PageHeading title="SPO Oversight could not start" error>
        SPO Oversight could not start
      </PageHeading>
      <ProblemSummary message={error.message} />
    </>
  );
}
