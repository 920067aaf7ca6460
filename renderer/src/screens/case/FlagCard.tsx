import type { CaseRuleResult } from '../../../../db/contract/index.js';
import { basisText, Day, settingValue, statusTag, statusText } from './format.js';
import { TableHead } from '../../components/TableHead.js';

const sourceLabels: Record<CaseRuleResult['explanation']['evidence'][number]['source'], string> = {
  case: 'Case record',
  registration: 'Registration',
  contact: 'Contact',
  review: 'Review in the app',
  need: 'OASys need',
  staff: 'Staff file',
};

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
      <p className="govuk-body">{result.reason}</p>
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
            {x.dueRule}
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
          <TableHead headings={['Source', 'Code', 'Date', 'Note']} />
          <tbody className="govuk-table__body">
            {x.evidence.map((e, i) => (
              <tr className="govuk-table__row" key={`${e.source}-${e.code}-${String(i)}`}>
                <td className="govuk-table__cell">{sourceLabels[e.source]}</td>
                <td className="govuk-table__cell">{e.code}</td>
                <td className="govuk-table__cell">{e.date ? <Day iso={e.date} /> : 'no date'}</td>
                <td className="govuk-table__cell">{e.note}</td>
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
                <td className="govuk-table__cell">{s.key}</td>
                <td className="govuk-table__cell">{settingValue(s.value)}</td>
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
