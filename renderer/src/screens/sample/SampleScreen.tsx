import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isSameSpo, type Sample } from '../../../../db/contract/index.js';
import { ProblemSummary } from '../../components/ErrorSummary.js';
import { BackLink } from '../../components/BackLink.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useApp } from '../../store/index.js';
import { shortDate, spokenDate } from '../../../../db/contract/dates.js';
import { reviewTypeLabels, roshLabels } from '../../../../db/contract/words/index.js';
import { sampleOutcomeLabels } from './labels.js';
import { SummaryRow as Row } from '../../components/SummaryRow.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { TableHead } from '../../components/TableHead.js';


/** One sample: how it was drawn, and each review in it with its re-reading, if any. */
export function SampleScreen() {
  const { route, samples, open, navigate } = useApp(useShallow((s) => ({ route: s.route, samples: s.samples, open: s.openSample, navigate: s.navigate })));
  const id = route.screen === 'sample' ? route.id : 0;
  useEffect(() => {
    void open(id);
  }, [open, id]);
  const sample = samples.current?.id === id ? samples.current : null;
  return (
    <>
      {samples.done && (
        <SuccessBanner id="sample-done" heading={samples.done} />
      )}
      {samples.error && <ProblemSummary message={samples.error} />}
      <BackLink
        href="#samples"
        onBack={() => {
          navigate({ screen: 'samples' });
        }}
      >
        All samples
      </BackLink>
      <PageHeading title={`Sample ${String(id)}`} caption="Quality assurance">
        Sample {id}
      </PageHeading>
      {sample ? <SampleDetail sample={sample} /> : <p className="govuk-body">Reading the sample…</p>}
    </>
  );
}

function SampleDetail({ sample }: { sample: Sample }) {
  const { navigate, profile } = useApp(useShallow((s) => ({ navigate: s.navigate, profile: s.profile })));
  return (
    <>
      <dl className="govuk-summary-list">
        <Row label="Reviews dated">
          {spokenDate(sample.from)} to {spokenDate(sample.to)}
          {sample.team ? `, team ${sample.team}` : ', every team'}
        </Row>
        <Row label="Drawn">
          {sample.items} of {sample.population} reviews (asked for {sample.size}), by {sample.createdBy ?? sample.createdByOs}
        </Row>
        <Row label="Seed">
          <code>{sample.seed}</code> — drawing again with this seed and these dates picks the same reviews
        </Row>
        <Row label="Re-read">
          {sample.recorded} of {sample.items}
        </Row>
      </dl>
      <h2 className="govuk-heading-m">Reviews to re-read</h2>
      <div className="spo-scroll-x" tabIndex={0} role="region" aria-label="Reviews in the sample">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Reviews in the sample</caption>
          <TableHead headings={['No.', 'CRN', 'Practitioner', 'Risk', 'Review', 'Outcome']} />
          <tbody className="govuk-table__body">
            {sample.chosen.map((item) => (
              <tr key={item.position} className="govuk-table__row">
                <td className="govuk-table__cell">{item.position}</td>
                <td className="govuk-table__cell">
                  <a
                    className="govuk-link"
                    href={`#sample/${String(sample.id)}/${String(item.position)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ screen: 'sample-item', id: sample.id, position: item.position });
                    }}
                  >
                    {item.crn}
                    <span className="govuk-visually-hidden">: re-read review {item.position}</span>
                  </a>
                </td>
                <td className="govuk-table__cell">{item.staffCode}</td>
                <td className="govuk-table__cell">{roshLabels[item.risk]}</td>
                <td className="govuk-table__cell">
                  {reviewTypeLabels[item.reviewType]}, {shortDate(item.reviewDate)}
                </td>
                <td className="govuk-table__cell">
                  {item.result ? (
                    <strong className="govuk-tag govuk-tag--grey">{sampleOutcomeLabels[item.result.outcome]}</strong>
                  ) : profile && isSameSpo(profile, item.spo) ? (
                    <>
                      <strong className="govuk-tag govuk-tag--yellow">Needs another reader</strong>
                      <span className="govuk-visually-hidden"> (you recorded this review)</span>
                    </>
                  ) : (
                    'Not re-read yet'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">How the sample was spread</span>
        </summary>
        <div className="govuk-details__text">
          <table className="govuk-table spo-table--small">
            <caption className="govuk-table__caption govuk-table__caption--s">Reviews by practitioner and risk level</caption>
            <TableHead headings={['Practitioner', 'Risk', { text: 'Reviews', numeric: true }, { text: 'Sampled', numeric: true }]} />
            <tbody className="govuk-table__body">
              {sample.strata.map((s) => (
                <tr key={`${s.staffCode}-${s.risk}`} className="govuk-table__row">
                  <td className="govuk-table__cell">{s.staffCode}</td>
                  <td className="govuk-table__cell">{roshLabels[s.risk]}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{s.population}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{s.chosen}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
