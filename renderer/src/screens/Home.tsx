import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CaseloadSummary } from '../../../db/contract/index.js';
import { ProblemSummary } from '../components/ErrorSummary.js';
import { PageHeading } from '../components/PageHeading.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { useApp } from '../store/index.js';
import { QueueScreen } from './queue/QueueScreen.js';
import { SummaryRow as Row } from '../components/SummaryRow.js';
import { SuccessBanner } from '../components/SuccessBanner.js';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

/** The oversight queue once there is a caseload (with the caseload's numbers below it), or, with no data yet, the two ways to get some. */
export function Home() {
  const { caseload, loadSummary, openQueue } = useApp(useShallow((s) => ({ caseload: s.caseload, loadSummary: s.loadSummary, openQueue: s.openQueue })));
  useEffect(() => {
    void loadSummary();
  }, [loadSummary]);
  // The queue is asked for alongside the summary, not after it, so its first rows come a round
  // trip sooner; again once a demo caseload has loaded. (An import happens on its own screen, and
  // coming back here opens the queue afresh.)
  const demoLoaded = caseload.demo.loaded;
  useEffect(() => {
    void openQueue();
  }, [openQueue, demoLoaded]);

  const { summary, demo, error } = caseload;
  const empty = summary !== null && summary.casesInCaseload === 0 && summary.lastImport === null;
  return (
    <>
      {demo.loaded && !demo.running && (
        <SuccessBanner id="demo-loaded" heading="Synthetic demo caseload loaded">
          <p className="govuk-body">Every person in it is made up by the app.</p>
        </SuccessBanner>
      )}
      {error && <ProblemSummary message={error.message} />}
      {demo.error && <ProblemSummary title="The demo caseload was not loaded" message={demo.error.message} />}
      <PageHeading title="Oversight queue">Oversight queue</PageHeading>
      {summary === null ? (
        <p className="govuk-body">Reading the caseload…</p>
      ) : empty || demo.running ? (
        <NoCaseload />
      ) : (
        <>
          <QueueScreen />
          <Summary summary={summary} />
        </>
      )}
    </>
  );
}

function NoCaseload() {
  const { demo, navigate, restartImport, loadDemo } = useApp(
    useShallow((s) => ({ demo: s.caseload.demo, navigate: s.navigate, restartImport: s.restartImport, loadDemo: s.loadDemo })),
  );
  return (
    <>
      <p className="govuk-body-l">There is no caseload yet.</p>
      <h2 className="govuk-heading-m">Import an extract</h2>
      <p className="govuk-body">Import the caseload extract from nDelius and OASys: the CSV files for cases, registrations, contacts, staff and needs. You check what it holds before anything is saved.</p>
      <button
        type="button"
        className="govuk-button"
        disabled={demo.running}
        onClick={() => {
          restartImport();
          navigate({ screen: 'import' });
        }}
      >
        Import an extract
      </button>
      <h2 className="govuk-heading-m">Or look around with synthetic data</h2>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          The demo caseload is a made-up probation delivery unit. No real person’s data is in it.
        </strong>
      </div>
      {demo.running ? (
        <ProgressBar id="demo-progress" label="Loading the synthetic demo caseload" progress={demo.progress} />
      ) : (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void loadDemo()}>
          Load a synthetic demo caseload
        </button>
      )}
    </>
  );
}

function Summary({ summary }: { summary: CaseloadSummary }) {
  const { navigate, restartImport } = useApp(useShallow((s) => ({ navigate: s.navigate, restartImport: s.restartImport })));
  const stats: [number, string][] = [
    [summary.casesInCaseload, 'cases in the caseload'],
    [summary.staff, 'practitioners and managers'],
    [summary.teams, 'teams'],
    [summary.casesLeft, 'cases that have left the caseload'],
  ];
  const last = summary.lastImport;
  return (
    <section aria-labelledby="caseload-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="caseload-heading">
        This caseload
      </h2>
      <ul className="govuk-grid-row spo-stats" aria-label="The caseload in numbers">
        {stats.map(([value, label]) => (
          <li key={label} className="govuk-grid-column-one-quarter">
            <div className="spo-stat">
              <span className="spo-stat__value">{value.toLocaleString('en-GB')}</span>
              <span className="spo-stat__label">{label}</span>
            </div>
          </li>
        ))}
      </ul>
      {last && (
        <>
          <h3 className="govuk-heading-s">Last import</h3>
          <dl className="govuk-summary-list">
            <Row label="Imported">{dateTime.format(new Date(last.at))}</Row>
            <Row label="By">{last.user}</Row>
            <Row label="Files">{last.files}</Row>
            <Row label="Outcome">{last.outcome}</Row>
          </dl>
        </>
      )}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => {
          restartImport();
          navigate({ screen: 'import' });
        }}
      >
        Import a new extract
      </button>
    </section>
  );
}
