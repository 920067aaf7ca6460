import type { Progress } from '../../../db/contract/index.js';

/**
 * Progress of a long operation. The bar is indeterminate until the engine reports totals; the
 * phase is announced politely so screen reader users hear it move on without being interrupted.
 */
export function ProgressBar({ id, label, progress }: { id: string; label: string; progress: Progress | null }) {
  const known = progress && progress.total > 0;
  const percent = known ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : undefined;
  return (
    <div className="spo-progress govuk-!-margin-bottom-6">
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <progress id={id} className="spo-progress__bar" max={100} {...(percent === undefined ? {} : { value: percent })}>
        {percent === undefined ? 'Working' : `${String(percent)}%`}
      </progress>
      <p className="govuk-body-s govuk-!-margin-top-2" aria-live="polite">
        {progress ? `${capitalise(progress.phase)}${known ? ` (${progress.done.toLocaleString('en-GB')} of ${progress.total.toLocaleString('en-GB')})` : ''}` : 'Starting…'}
      </p>
    </div>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
