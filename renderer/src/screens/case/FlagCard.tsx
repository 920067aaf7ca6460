import type { CaseRuleResult, FlagEvidence } from '../../../../db/contract/index.js';
import { codeText, recordedCheckText, settingTitles, settingValueText, speakText, type CodeKind } from '../../../../db/contract/words/index.js';
import { spokenDate } from '../../../../db/contract/dates.js';
import { basisText, Day, statusTag, statusText } from './format.js';
import { CodeWords } from '../../components/CodeWords.js';
import { TableHead } from '../../components/TableHead.js';

const sourceLabels: Record<FlagEvidence['source'], string> = {
  case: 'Case record',
  registration: 'Registration',
  contact: 'Contact',
  review: 'Review in the app',
  need: 'OASys need',
  staff: 'Staff file',
};

/** What kind of code each source of evidence names: a case-record field, a register, a grade… */
const sourceKinds: Record<FlagEvidence['source'], CodeKind> = {
  case: 'case-field',
  registration: 'register',
  contact: 'contact',
  review: 'review-type',
  need: 'need',
  staff: 'grade',
};

/**
 * The check the flag asks for, as the SPO recorded it in a review since the flag's evidence. The
 * flag stays: the extract is the evidence, and the contact that records the check clears it.
 */
function RecordedCheckNote({ result }: { result: CaseRuleResult }) {
  const recorded = result.recorded;
  if (!recorded) return null;
  // The request and response contacts the rule looks for, from the settings it used.
  const codes = result.explanation.settings.flatMap((s) => (Array.isArray(s.value) && /(Request|Response)Codes$/.test(s.key) ? s.value : []));
  const clears = result.rule.startsWith('ROSH-')
    ? 'a newer OASys RoSH assessment'
    : codes.length
      ? `the nDelius contact (${codes.map((c) => codeText('contact', c)).join(' or ')})`
      : 'the referral contact';
  return (
    <div className="govuk-inset-text" data-field="recorded-check">
      Recorded in review on {spokenDate(recorded.reviewDate)}: {recordedCheckText(recorded)}. This flag clears when {clears} reaches the next imported extract.
    </div>
  );
}

/** One rule that applies to the case, with everything that decided it: the evidence, the dates, the settings and their basis. */
export function FlagCard({ result }: { result: CaseRuleResult }) {
  const x = result.explanation;
  const id = `flag-${result.rule}`;
  return (
    <section className="spo-flag" aria-labelledby={id} data-rule={result.rule}>
      <h3 className="govuk-heading-s spo-flag__title" id={id}>
        {x.title} <span className="spo-flag__rule">({result.rule})</span>
      </h3>
      <p className="govuk-body">
        <strong className={`govuk-tag ${statusTag[result.status]}`}>{statusText(result)}</strong>
      </p>
      <p className="govuk-body" data-field="reason">
        {speakText(result.reason)}
      </p>
      {result.recorded && <RecordedCheckNote result={result} />}
      <dl className="govuk-summary-list govuk-summary-list--no-border spo-flag__facts">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Due date</dt>
          <dd className="govuk-summary-list__value" data-field="due-date">
            <Day iso={result.dueDate} />
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">How it was worked out</dt>
          <dd className="govuk-summary-list__value" data-field="due-rule">
            {speakText(x.dueRule)}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">How firm the timing is</dt>
          <dd className="govuk-summary-list__value">
            <strong>{basisText(x.basis)}</strong>: {x.basisNote}
          </dd>
        </div>
      </dl>
      {x.evidence.length > 0 && (
        <table className="govuk-table spo-table--small">
          <caption className="govuk-table__caption govuk-table__caption--s">Evidence used</caption>
          <TableHead headings={['Source', 'What', 'Date', 'Note']} />
          <tbody className="govuk-table__body">
            {x.evidence.map((e, i) => (
              <tr className="govuk-table__row" key={`${e.source}-${e.code}-${String(i)}`}>
                <td className="govuk-table__cell">{sourceLabels[e.source]}</td>
                <td className="govuk-table__cell">
                  <CodeWords kind={sourceKinds[e.source]} code={e.code} />
                </td>
                <td className="govuk-table__cell">{e.date ? <Day iso={e.date} /> : 'no date'}</td>
                <td className="govuk-table__cell">{speakText(e.note)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {x.settings.length > 0 && (
        <table className="govuk-table spo-table--small">
          <caption className="govuk-table__caption govuk-table__caption--s">Settings used</caption>
          <TableHead headings={['Setting', 'Value', 'Basis']} />
          <tbody className="govuk-table__body">
            {x.settings.map((s) => (
              <tr className="govuk-table__row" key={s.key}>
                <td className="govuk-table__cell">
                  {settingTitles[s.key]} <span className="spo-code">({s.key})</span>
                </td>
                <td className="govuk-table__cell">{settingValueText(s.key, s.value)}</td>
                <td className="govuk-table__cell">
                  <strong>{basisText(s.basis)}</strong>: {s.basisNote}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
