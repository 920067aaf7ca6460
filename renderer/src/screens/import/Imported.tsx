import { useShallow } from 'zustand/react/shallow';
import { PageHeading } from '../../components/PageHeading.js';
import { count } from '../../format.js';
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
          {count(cases.new, 'new case', 'new cases')}, {cases.updated.toLocaleString('en-GB')} updated
        </div>
      </div>
      <p className="govuk-body govuk-!-margin-top-6">
        Unchanged: {count(cases.unchanged, 'case')}. Left the caseload: {count(cases.leftCaseload, 'case')}.
        {report.rejected > 0 && ` Left out: ${count(report.rejected, 'row')} with errors, recorded in the import log.`}
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
