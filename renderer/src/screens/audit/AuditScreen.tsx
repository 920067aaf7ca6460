import { useEffect, type SyntheticEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { operationTitle, s62Operations, type AuditEntry, type S62Operation } from '../../../../db/contract/index.js';
import { ErrorSummary, ProblemSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TableHead } from '../../components/TableHead.js';
import { DateInput, datePartId } from '../../components/DateInput.js';
import { TextInput } from '../../components/TextInput.js';
import { auditFields, auditPageSize, type AuditField } from '../../store/audit.js';
import { useApp } from '../../store/index.js';
import { AuditChain } from './AuditChain.js';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/London' });

const operationLabels: Record<S62Operation, string> = {
  collection: 'Collection',
  alteration: 'Alteration',
  consultation: 'Consultation',
  disclosure: 'Disclosure',
  combination: 'Combination',
  erasure: 'Erasure',
};

/** The DPA 2018 s.62 log: who did what to which cases, when and why. Reading it is logged too. */
export function AuditScreen() {
  const { audit, setFilter, load, clear } = useApp(
    useShallow((s) => ({ audit: s.audit, setFilter: s.setAuditFilter, load: s.loadAudit, clear: s.clearAuditFilters })),
  );
  useEffect(() => {
    void load(0);
  }, [load]);
  const { filters, page, offset, loading, error, fieldErrors, attempt } = audit;
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void load(0);
  };
  const { messages, parts } = fieldErrors;
  const inline = (f: AuditField) => messages[f];
  const link = (f: AuditField) => (f === 'from' || f === 'to' ? `#${datePartId(`audit-${f}`, parts[f]?.[0] ?? 'day')}` : `#audit-${f}`);
  const summary = auditFields.flatMap((f) => (messages[f] ? [{ href: link(f), text: messages[f] }] : []));
  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      {error && <ProblemSummary key={attempt} message={error} />}
      <PageHeading title="Audit log" error={error !== null || summary.length > 0}>
        Audit log
      </PageHeading>
      <p className="govuk-body">
        Every collection, alteration, consultation and disclosure of case data, as the Data Protection Act 2018 (section 62) requires. Entries are chained: changing or
        removing one breaks the chain. Opening this page is recorded here too.
      </p>
      <AuditChain />
      <div>
        <form className="spo-audit-filters" onSubmit={submit} noValidate aria-label="Filter the audit log">
          <h2 className="govuk-heading-m">Filter</h2>
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="audit-operation">
              Operation
            </label>
            <select
              id="audit-operation"
              className="govuk-select"
              value={filters.operation}
              onChange={(e) => {
                const value = s62Operations.find((o) => o === e.target.value) ?? '';
                setFilter('operation', value);
              }}
            >
              <option value="">Any</option>
              {s62Operations.map((o) => (
                <option key={o} value={o}>
                  {operationLabels[o]}
                </option>
              ))}
            </select>
          </div>
          <div className="spo-inline-fields">
            <TextInput id="audit-user" label="User" hint="App user or computer account" value={filters.user} error={inline('user')} onChange={(e) => { setFilter('user', e.target.value); }} width="govuk-input--width-20" />
            <TextInput id="audit-crn" label="CRN" hint="For example, X123456" value={filters.crn} error={inline('crn')} onChange={(e) => { setFilter('crn', e.target.value); }} width="govuk-input--width-10" autoComplete="off" />
          </div>
          <div className="spo-inline-fields">
            <DateInput id="audit-from" legend="From" value={filters.from} error={inline('from')} errorParts={parts.from} onChange={(d) => { setFilter('from', d); }} />
            <DateInput id="audit-to" legend="To" value={filters.to} error={inline('to')} errorParts={parts.to} onChange={(d) => { setFilter('to', d); }} />
          </div>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              Apply filters
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void clear()}>
              Clear filters
            </button>
          </div>
        </form>
      </div>
      {page === null ? (
        <p className="govuk-body">{loading ? 'Reading the audit log…' : ''}</p>
      ) : page.entries.length === 0 ? (
        <p className="govuk-body" role="status">
          No entries match these filters.
        </p>
      ) : (
        <>
          <p className="govuk-body" role="status">
            Showing entries {offset + 1} to {offset + page.entries.length} of {page.total.toLocaleString('en-GB')}, newest first.
          </p>
          <EntriesTable entries={page.entries} crn={filters.crn.trim().toUpperCase()} />
          <nav className="govuk-pagination govuk-pagination--block" aria-label="Audit log pages">
            {offset > 0 && (
              <div className="govuk-pagination__prev">
                <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void load(Math.max(0, offset - auditPageSize))}>
                  Newer entries
                </button>
              </div>
            )}
            {offset + page.entries.length < page.total && (
              <div className="govuk-pagination__next">
                <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void load(offset + auditPageSize)}>
                  Older entries
                </button>
              </div>
            )}
          </nav>
        </>
      )}
    </>
  );
}

function EntriesTable({ entries, crn }: { entries: readonly AuditEntry[]; crn: string }) {
  return (
    <div className="spo-scroll-x" tabIndex={0} role="region" aria-label="Audit log entries">
      <table className="govuk-table spo-audit-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Audit log entries</caption>
        <TableHead headings={['Entry', 'When', 'Operation', 'What', 'User', 'Cases', 'Why', 'Recipients']} />
        <tbody className="govuk-table__body">
          {entries.map((e) => (
            <tr key={e.id} className="govuk-table__row">
              <td className="govuk-table__cell">{e.id}</td>
              <td className="govuk-table__cell">{when.format(new Date(e.at))}</td>
              <td className="govuk-table__cell">{operationLabels[e.operation]}</td>
              <td className="govuk-table__cell">
                {operationTitle(e.op)} <code className="spo-code spo-code__raw">{e.op}</code>
              </td>
              <td className="govuk-table__cell">{e.appUser ? `${e.appUser} (${e.osUser})` : e.osUser}</td>
              <td className="govuk-table__cell">{crnList(e.crns, crn)}</td>
              <td className="govuk-table__cell">{e.justification ?? ''}</td>
              <td className="govuk-table__cell">{e.recipients.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A search can show thousands of cases in one entry; the first few are enough to read and the
 * count says the rest. The CRN being looked for comes first, so the reader sees why the entry matched.
 */
function crnList(crns: readonly string[], first: string): string {
  const ordered = crns.includes(first) ? [first, ...crns.filter((c) => c !== first)] : crns;
  if (ordered.length <= 5) return ordered.join(', ');
  return `${ordered.slice(0, 5).join(', ')} and ${(ordered.length - 5).toLocaleString('en-GB')} more`;
}
