import { useEffect, useState, type SyntheticEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isSameSpo, sampleAnswers, sampleCheckItems, sampleOutcomes, type Review, type SampleOutcome } from '../../../../db/contract/index.js';
import { ErrorSummary, ProblemSummary } from '../../components/ErrorSummary.js';
import { CharacterCount, describedBy, ErrorMessage, FormGroup, overLimit } from '../../components/FormGroup.js';
import { BackLink } from '../../components/BackLink.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useApp } from '../../store/index.js';
import { sampleAnswerLabels, sampleCheckLabels, sampleOutcomeLabels } from './labels.js';
import { SummaryRow as Row } from '../../components/SummaryRow.js';
import { ReviewVersionDetails } from '../../components/ReviewVersionDetails.js';
import { reviewTypeLabels } from '../../../../db/contract/words/index.js';
import { Day } from '../case/format.js';

type Answer = (typeof sampleAnswers)[number];

/** The contract's limit on the re-reader's note (sampleRecordInput). */
const noteLimit = 20_000;
type Item = (typeof sampleCheckItems)[number];

/** Re-reading one sampled review: the review as recorded, a checklist, and an outcome. */
export function SampleItemScreen() {
  const { route, samples, profile, openItem, record, navigate } = useApp(
    useShallow((s) => ({ route: s.route, samples: s.samples, profile: s.profile, openItem: s.openSampleItem, record: s.recordSampleItem, navigate: s.navigate })),
  );
  const id = route.screen === 'sample-item' ? route.id : 0;
  const position = route.screen === 'sample-item' ? route.position : 0;
  useEffect(() => {
    void openItem(id, position);
  }, [openItem, id, position]);
  const item = samples.current?.id === id ? samples.current.chosen.find((c) => c.position === position) : undefined;
  const [answers, setAnswers] = useState<Partial<Record<Item, Answer>>>({});
  const [outcome, setOutcome] = useState<SampleOutcome | ''>('');
  const [note, setNote] = useState('');
  const [own, setOwn] = useState<{ outcome?: string; note?: string }>({});
  const [tries, setTries] = useState(0);
  const back = () => {
    navigate({ screen: 'sample', id });
  };
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    const found = {
      ...(outcome ? {} : { outcome: 'Select an outcome for this review' }),
      ...(note.trim().length > noteLimit ? { note: `Note must be ${noteLimit.toLocaleString('en-GB')} characters or fewer` } : {}),
    };
    setOwn(found);
    if (found.outcome || found.note || !outcome) {
      setTries((n) => n + 1);
      return;
    }
    const checks = sampleCheckItems.flatMap((i) => {
      const answer = answers[i];
      return answer ? [{ item: i, answer, note: '' }] : [];
    });
    if (await record({ sampleId: id, position, checks, outcome, note })) back();
  };
  // The form's own checks first; then what the service refused, in the plain words it carries.
  const outcomeError = own.outcome ?? samples.recordErrors.messages.outcome;
  const noteError = own.note ?? samples.recordErrors.messages.note;
  const summary = [
    ...(outcomeError ? [{ href: '#sample-outcome-good', text: outcomeError }] : []),
    ...(noteError ? [{ href: '#sample-note', text: noteError }] : []),
  ];
  const missing = summary.length > 0;
  return (
    <>
      <ErrorSummary errors={summary} attempt={tries + samples.attempt} />
      {samples.error && <ProblemSummary key={samples.attempt} message={samples.error} />}
      <BackLink href={`#sample/${String(id)}`} onBack={back}>
        Sample {id}
      </BackLink>
      <PageHeading title={`Re-read review ${String(position)} of sample ${String(id)}`} caption={`Sample ${String(id)}`} error={missing || samples.error !== null}>
        Re-read {item ? item.crn : 'review'}
      </PageHeading>
      {samples.review ? <ReviewAsRecorded review={samples.review} version={item?.reviewVersion} /> : <p className="govuk-body">Reading the review…</p>}
      {item?.result && (
        <div className="govuk-inset-text">
          Re-read before: {sampleOutcomeLabels[item.result.outcome]} ({item.result.recordedBy ?? item.result.recordedByOs}). Recording again keeps the earlier re-reading.
        </div>
      )}
      {item && profile && isSameSpo(profile, item.spo) ? (
        <div className="govuk-warning-text" data-field="own-review">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            You recorded this review, so you cannot re-read it for QA. Another reader must record this result; the sample shows it as needing another reader.
          </strong>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h2 className="govuk-heading-m">Checklist</h2>
          {sampleCheckItems.map((check) => (
            <div className="govuk-form-group" key={check}>
              <fieldset className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{sampleCheckLabels[check]}</legend>
                <div className="govuk-radios govuk-radios--small govuk-radios--inline">
                  {sampleAnswers.map((a) => (
                    <div className="govuk-radios__item" key={a}>
                      <input
                        className="govuk-radios__input"
                        id={`sample-${check}-${a}`}
                        name={`sample-${check}`}
                        type="radio"
                        checked={answers[check] === a}
                        onChange={() => {
                          setAnswers((prev) => ({ ...prev, [check]: a }));
                        }}
                      />
                      <label className="govuk-label govuk-radios__label" htmlFor={`sample-${check}-${a}`}>
                        {sampleAnswerLabels[a]}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
          ))}
          <div className={`govuk-form-group${outcomeError ? ' govuk-form-group--error' : ''}`}>
            <fieldset className="govuk-fieldset" aria-describedby={outcomeError ? 'sample-outcome-error' : undefined}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 className="govuk-fieldset__heading">Outcome</h2>
              </legend>
              <ErrorMessage id="sample-outcome" error={outcomeError} />
              <div className="govuk-radios">
                {sampleOutcomes.map((o) => (
                  <div className="govuk-radios__item" key={o}>
                    <input
                      className="govuk-radios__input"
                      id={`sample-outcome-${o}`}
                      name="sample-outcome"
                      type="radio"
                      checked={outcome === o}
                      onChange={() => {
                        setOutcome(o);
                      }}
                    />
                    <label className="govuk-label govuk-radios__label" htmlFor={`sample-outcome-${o}`}>
                      {sampleOutcomeLabels[o]}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <FormGroup id="sample-note" label="Note (optional)" hint="What was good, what was missing, what the SPO should do" error={noteError} className="govuk-character-count">
            <textarea
              className={`govuk-textarea${noteError || overLimit(note.length, noteLimit) ? ' govuk-textarea--error' : ''}`}
              id="sample-note"
              rows={4}
              aria-describedby={`${describedBy('sample-note', true, noteError) ?? ''} sample-note-info`}
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
              }}
            />
            <CharacterCount id="sample-note" length={note.length} limit={noteLimit} />
          </FormGroup>
          <button type="submit" className="govuk-button" disabled={samples.busy}>
            Record the re-reading
          </button>
        </form>
      )}
    </>
  );
}

function ReviewAsRecorded({ review, version }: { review: Review; version: number | undefined }) {
  const v = review.versions.find((x) => x.version === version) ?? review.current;
  return (
    <>
      <h2 className="govuk-heading-m">The review as recorded</h2>
      {(review.withdrawn || v.version !== review.current.version) && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {review.withdrawn ? 'This review has since been withdrawn.' : `This review has been corrected since it was sampled (now version ${String(review.current.version)}).`}
          </strong>
        </div>
      )}
      <ReviewVersionDetails version={v}>
        <Row label="Review">
          {reviewTypeLabels[v.type]} on <Day iso={v.date} />, version {v.version}
        </Row>
      </ReviewVersionDetails>
    </>
  );
}
