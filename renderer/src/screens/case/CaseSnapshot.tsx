import type { CaseDetail, CaseFlagsView } from '../../../../db/contract/index.js';
import { roshLabels } from '../../../../db/contract/words/index.js';
import { Day } from './format.js';
import { CodeWords } from '../../components/CodeWords.js';
import { SummaryRow as Row } from '../../components/SummaryRow.js';
import { TableHead } from '../../components/TableHead.js';

const roshSource = { registration: 'from the highest active RoSH registration', oasys: 'from OASys', none: 'no RoSH registration or OASys level' } as const;

/** The case at a glance: who, risk, MAPPA, who holds it; then its registrations and needs. */
export function CaseSnapshot({ detail, flags }: { detail: CaseDetail; flags: CaseFlagsView }) {
  const s = flags.status;
  const p = detail.practitioner;
  return (
    <section aria-labelledby="snapshot-heading">
      <h2 className="govuk-heading-m" id="snapshot-heading">
        The case now
      </h2>
      <dl className="govuk-summary-list">
        <Row label="CRN">{detail.crn}</Row>
        <Row label="Date of birth">{detail.dateOfBirth ? <Day iso={detail.dateOfBirth} /> : 'not held'}</Row>
        <Row label="In the caseload">{detail.inCaseload ? 'Yes' : 'No: the case has left the caseload'}</Row>
        <Row label="Tier">{detail.tier ?? 'not held'}</Row>
        <Row label="Case type">{detail.caseType ? <CodeWords kind="case-type" code={detail.caseType} /> : 'not held'}</Row>
        <Row label="Sentence">{detail.sentenceType ? <CodeWords kind="sentence-type" code={detail.sentenceType} /> : 'not held'}</Row>
        <Row label="Allocated">
          <Day iso={detail.allocationDate} />
        </Row>
        <Row label="RoSH">
          {roshLabels[s.effectiveRosh]} ({roshSource[s.roshSource]})
        </Row>
        <Row label="OASys RoSH">
          {detail.rosh.level ? (
            <>
              <CodeWords kind="rosh" code={detail.rosh.level} />, assessed <Day iso={detail.rosh.assessedOn} />
            </>
          ) : (
            'not assessed'
          )}
        </Row>
        <Row label="MAPPA">
          {s.mappaLevel ? (
            <>
              <CodeWords kind="mappa-level" code={s.mappaLevel} /> since <Day iso={s.mappaSince} />
            </>
          ) : (
            'Not MAPPA'
          )}
        </Row>
        <Row label="Practitioner">
          {p.name ?? 'not in the staff file'} ({p.staffCode})
          {p.grade && (
            <>
              , <CodeWords kind="grade" code={p.grade} />
            </>
          )}
        </Row>
        <Row label="Team">{detail.team.code ? `${detail.team.name ?? detail.team.code} (${detail.team.code})` : 'not known'}</Row>
        <Row label="PDU">{detail.team.pduCode ? `${detail.team.pduName ?? detail.team.pduCode} (${detail.team.pduCode})` : 'not known'}</Row>
      </dl>

      <h3 className="govuk-heading-s">Registrations</h3>
      {detail.registrations.length === 0 ? (
        <p className="govuk-body">None.</p>
      ) : (
        <table className="govuk-table spo-table--small">
          <caption className="govuk-visually-hidden">Registrations, newest first</caption>
          <TableHead headings={['Register', 'Level', 'Category', 'Registered', 'Next review', 'Status']} />
          <tbody className="govuk-table__body">
            {detail.registrations.map((r, i) => (
              <tr className="govuk-table__row" key={`${r.code}-${r.registrationDate}-${String(i)}`}>
                <td className="govuk-table__cell">
                  <CodeWords kind="register" code={r.code} />
                </td>
                <td className="govuk-table__cell">{r.level ? r.code === 'MAPP' ? <CodeWords kind="mappa-level" code={r.level} /> : r.level : ''}</td>
                <td className="govuk-table__cell">{r.category ? r.code === 'MAPP' ? <CodeWords kind="mappa-category" code={r.category} /> : r.category : ''}</td>
                <td className="govuk-table__cell">
                  <Day iso={r.registrationDate} />
                </td>
                <td className="govuk-table__cell">{r.nextReviewDate ? <Day iso={r.nextReviewDate} /> : ''}</td>
                <td className="govuk-table__cell">
                  {r.active ? (
                    'Active'
                  ) : r.deregistrationDate ? (
                    <>
                      Ended <Day iso={r.deregistrationDate} />
                    </>
                  ) : (
                    'Not yet active'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 className="govuk-heading-s">OASys needs</h3>
      {detail.needs.length === 0 ? (
        <p className="govuk-body">None held.</p>
      ) : (
        <table className="govuk-table spo-table--small">
          <caption className="govuk-visually-hidden">OASys needs</caption>
          <TableHead headings={['Need', 'Severity', 'Linked to harm', 'Linked to reoffending']} />
          <tbody className="govuk-table__body">
            {detail.needs.map((n) => (
              <tr className="govuk-table__row" key={n.need}>
                <td className="govuk-table__cell">
                  <CodeWords kind="need" code={n.need} />
                </td>
                <td className="govuk-table__cell">{n.severity ? <CodeWords kind="need-severity" code={n.severity} /> : 'not recorded'}</td>
                <td className="govuk-table__cell">{n.linkedToHarm ? 'Yes' : 'No'}</td>
                <td className="govuk-table__cell">{n.linkedToReoffending ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
