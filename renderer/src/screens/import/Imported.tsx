import { useShallow } from 'zustand/react/shallow';
import { PageHeading } from '../../components/PageHeading.js';
import { useApp } from '../../store/index.js';

export function Imported() {
  const { report, navigate } = useApp(useShallow((s) => ({ report: s.importFlow.imported, navigate: s.navigate })));
  if (!report) return null;
  const { cases } = report;
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <PageHeading title="Extract imported">
          <span className="govuk-panel__title">Extract imported</span>
        </PageHeading>
        <div className="govuk-panel__body">
          {cases.new.toLocaleString('en-GB')} new cases, {cases.updated.toLocaleString('en-GB')} updated
        </div>
      </div>
      <p className="govuk-body">
        {cases.unchanged.toLocaleString('en-GB')} cases were unchanged and {cases.leftCaseload.toLocaleString('en-GB')} have left the caseload.
        {report.rejected > 0 && ` ${report.rejected.toLocaleString('en-GB')} rows with errors were left out; they are recorded in the import log.`}
      </p>
      <button
        type="button"
        className="govuk-button"
        onClick={() => {
          navigate({ screen: 'home' });
        }}
      >
        Go to the caseload
      </button>
    </>
  );
}
