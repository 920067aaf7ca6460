import type { ReactNode } from 'react';
import type { CaseRuleId, ReviewCheck, ReviewSnapshot, ReviewVersion } from '../../../db/contract/index.js';
import { checkDatesText, checkLabels, checkOutcomeLabels, contactsToEnterText, referralText, roshLabels, ruleTitles } from '../../../db/contract/words/index.js';
import { Day } from '../screens/case/format.js';
import { CodeWords } from './CodeWords.js';
import { SummaryRow as Row } from './SummaryRow.js';

const isRule = (t: string): t is CaseRuleId => Object.hasOwn(ruleTitles, t);
/** A trigger in words with its rule id beside it, as the queue shows it. */
export const triggerWords = (t: string): string => (isRule(t) ? `${ruleTitles[t]} (${t})` : t);

/** A check as recorded: its outcome and dates, the outcome in words, each need's answer and the nDelius contacts to enter. */
function CheckLine({ check: c }: { check: ReviewCheck }) {
  const dates = checkDatesText(c);
  return (
    <>
      <strong>{checkLabels[c.item]}</strong>: {checkOutcomeLabels[c.outcome].toLowerCase()}
      {dates ? `, ${dates}` : ''}
      {c.note ? `. ${c.note}` : ''}
      {c.referrals.length > 0 && (
        <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
          {c.referrals.map((r) => (
            <li key={r.need}>{referralText(r)}</li>
          ))}
        </ul>
      )}
      {c.enter.length > 0 && <span className="govuk-hint govuk-!-margin-bottom-0 spo-block">Enter in nDelius: {contactsToEnterText(c.enter)}</span>}
    </>
  );
}

/**
 * What one version of a review records, in words: the SPO, what prompted it, the checks, the
 * analysis and decision, the actions, the next review and the nDelius contact. The case's review
 * history and the QA re-reading show a review the same way; `children` are rows shown first.
 */
export function ReviewVersionDetails({ version: v, children }: { version: ReviewVersion; children?: ReactNode }) {
  return (
    <dl className="govuk-summary-list">
      {children}
      <Row label="SPO">
        {v.spo.name}
        {v.spo.staffCode ? ` (${v.spo.staffCode})` : ''}
      </Row>
      <Row label="Prompted by">{v.triggers.length ? v.triggers.map(triggerWords).join('; ') : 'not recorded'}</Row>
      <Row label="Checked">
        {v.checks.length ? (
          <ul className="govuk-list">
            {v.checks.map((c) => (
              <li key={c.item} data-check={c.item}>
                <CheckLine check={c} />
              </li>
            ))}
          </ul>
        ) : (
          'nothing recorded'
        )}
      </Row>
      {v.analysis && (
        <Row label="Analysis">
          <span className="spo-pre">{v.analysis}</span>
        </Row>
      )}
      <Row label="Decision">
        <span className="spo-pre">{v.decision}</span>
      </Row>
      <Row label="Actions">
        {v.actions.length ? (
          <ul className="govuk-list">
            {v.actions.map((a, i) => (
              <li key={`${a.text}-${String(i)}`}>
                {a.text}: {a.owner}, due <Day iso={a.due} />
              </li>
            ))}
          </ul>
        ) : (
          'none'
        )}
      </Row>
      <Row label="Next review">{v.nextReviewDate ? <Day iso={v.nextReviewDate} /> : 'not set'}</Row>
      <Row label="nDelius contact">
        {v.ndelius.contactCode ? <CodeWords kind="contact" code={v.ndelius.contactCode} /> : 'no code'}
        {v.ndelius.contactId ? `, contact ID ${v.ndelius.contactId}` : ', not yet entered'}
      </Row>
      <SnapshotRows snapshot={v.snapshot} />
    </dl>
  );
}

const roshSource = { registration: 'from a RoSH registration', oasys: 'from OASys', none: 'no RoSH registration or OASys level' } as const;

/** What the SPO saw when the review was recorded (DOMAIN.md's oversight log), in words with the codes beside them. */
function SnapshotRows({ snapshot: s }: { snapshot: ReviewSnapshot }) {
  const r = s.effectiveRosh;
  return (
    <>
      <Row label="RoSH when reviewed">
        {roshLabels[r.level]}
        {r.source === 'registration' && r.registrationCode ? (
          <>
            , from the registration <CodeWords kind="register" code={r.registrationCode} />
            {r.registeredOn && (
              <>
                {' '}
                of <Day iso={r.registeredOn} />
              </>
            )}
          </>
        ) : (
          `, ${roshSource[r.source]}`
        )}
      </Row>
      <Row label="MAPPA when reviewed">
        {s.mappa ? (
          <>
            {s.mappa.level ? <CodeWords kind="mappa-level" code={s.mappa.level} /> : 'level not recorded'};{' '}
            {s.mappa.category ? <CodeWords kind="mappa-category" code={s.mappa.category} /> : 'category not recorded'}
          </>
        ) : (
          'Not MAPPA'
        )}
      </Row>
      <Row label="Registrations when reviewed">
        {s.registrations.length ? (
          <ul className="govuk-list">
            {s.registrations.map((g, i) => (
              <li key={`${g.code}-${g.registrationDate}-${String(i)}`}>
                <CodeWords kind="register" code={g.code} />, since <Day iso={g.registrationDate} />
              </li>
            ))}
          </ul>
        ) : (
          'none active'
        )}
      </Row>
      <Row label="Practitioner when reviewed">
        {s.practitioner.name ?? s.practitioner.staffCode} ({s.practitioner.staffCode})
        {s.practitioner.grade && (
          <>
            , <CodeWords kind="grade" code={s.practitioner.grade} />
          </>
        )}
      </Row>
    </>
  );
}
