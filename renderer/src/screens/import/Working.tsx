import { useShallow } from 'zustand/react/shallow';
import { PageHeading } from '../../components/PageHeading.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useApp } from '../../store/index.js';

export function Working({ title, label }: { title: string; label: string }) {
  const { progress, source } = useApp(useShallow((s) => ({ progress: s.importFlow.progress, source: s.importFlow.source })));
  return (
    <>
      <PageHeading title={title} caption="Import an extract">
        {title}
      </PageHeading>
      {source && <p className="govuk-body">{source}</p>}
      <ProgressBar id="import-progress" label={label} progress={progress} />
    </>
  );
}
