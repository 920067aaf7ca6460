import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TeamHeatCell, TeamPractitioner, TeamView } from '../../../../db/contract/index.js';
import { dayMonth, spokenDate } from '../../../../db/contract/dates.js';
import { CodeWords } from '../../components/CodeWords.js';
import { ProblemSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TableHead } from '../../components/TableHead.js';
import { count } from '../../format.js';
import { plainMessage } from '../../store/form-errors.js';
import { useApp } from '../../store/index.js';


/** The team's caseloads, workload and oversight coverage today, and whose cases have waited longest for SPO oversight. */
export function TeamScreen() {
  const { state, openTeam, showTeam } = useApp(useShallow((s) => ({ state: s.teamScreen, openTeam: s.openTeam, showTeam: s.showTeam })));
  useEffect(() => {
    void openTeam();
  }, [openTeam]);
  const { team, teams, view, loading, error } = state;
  return (
    <>
      {error && <ProblemSummary title="The team could not be shown" message={plainMessage(error, 'The team view')} />}
      <PageHeading title="Team" error={error !== null}>
        Team
      </PageHeading>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="team-code">
          Team
        </label>
        <select id="team-code" name="team-code" className="govuk-select" value={team} onChange={(e) => void showTeam(e.target.value)}>
          <option value="">All practitioners holding cases</option>
          {(teams ?? []).map((t) => (
            <option key={t.code} value={t.code}>
              {t.name ? `${t.name} (${t.code})` : t.code}
            </option>
          ))}
        </select>
      </div>
      {view === null ? (
        <p className="govuk-body" role="status">
          {loading ? 'Working out the team’s caseloads…' : ''}
        </p>
      ) : (
        <TeamDetail view={view} busy={loading} />
      )}
    </>
  );
}

function TeamDetail({ view, busy }: { view: TeamView; busy: boolean }) {
  const over = view.practitioners.filter((p) => p.workload?.overCapacity).length;
  if (view.practitioners.length === 0) {
    return (
      <p className="govuk-body" role="status" aria-busy={busy}>
        No practitioner in this team holds a case. Import an extract, or choose another team.
      </p>
    );
  }
  return (
    <div aria-busy={busy}>
      <p className="govuk-body" role="status">
        {count(view.practitioners.length, 'practitioner')} as of {spokenDate(view.asOf)}
        {view.staffFile ? `; ${count(over, 'practitioner')} over capacity` : '; the extract had no staff file, so workload and grade are not known'}.
      </p>
      <PractitionerTable view={view} />
      <h2 className="govuk-heading-m">Time since SPO oversight, week by week</h2>
      <p className="govuk-body">{view.heatmap.reading}</p>
      <Heatmap view={view} />
    </div>
  );
}

function coverageText(p: TeamPractitioner): string {
  if (p.coverage === null) return 'No high-risk or MAPPA level 1 cases';
  return `${p.covered} of ${p.inScope} (${Math.round(p.coverage * 100)}%)`;
}

function Workload({ p, threshold }: { p: TeamPractitioner; threshold: number }) {
  if (!p.workload || p.workload.percent === null) return <>Not known</>;
  return (
    <>
      {p.workload.percent}%
      {p.workload.overCapacity && (
        <>
          {' '}
          <strong className="govuk-tag govuk-tag--red">Over capacity</strong>
          <span className="govuk-visually-hidden"> (at or above {Math.round(threshold * 100)}% of points)</span>
        </>
      )}
    </>
  );
}

function PractitionerTable({ view }: { view: TeamView }) {
  const headers = ['Practitioner', 'Grade', 'Cases', 'High risk', 'MAPPA level 1', 'With oversight in the last ' + String(view.oversightIntervalDays) + ' days', 'Overdue', 'Due soon', 'Open actions', 'Workload'];
  return (
    <div className="spo-scroll-x" tabIndex={0} role="region" aria-label="Practitioners">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Practitioners: caseload, flags, oversight coverage and workload</caption>
        <TableHead headings={headers} />
        <tbody className="govuk-table__body">
          {view.practitioners.map((p) => (
            <tr key={p.staffCode} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {p.name ?? 'Not in the staff file'} <span className="govuk-body-s">({p.staffCode})</span>
              </th>
              <td className="govuk-table__cell">{p.grade ? <CodeWords kind="grade" code={p.grade} /> : 'Not known'}</td>
              <td className="govuk-table__cell">{p.cases}</td>
              <td className="govuk-table__cell">{p.highRisk}</td>
              <td className="govuk-table__cell">{p.mappaL1}</td>
              <td className="govuk-table__cell">{coverageText(p)}</td>
              <td className="govuk-table__cell">
                {p.overdue > 0 ? <QueueLink p={p} /> : p.overdue}
              </td>
              <td className="govuk-table__cell">{p.dueSoon}</td>
              <td className="govuk-table__cell">
                {p.openActions}
                {p.overdueActions > 0 && (
                  <>
                    {' '}
                    <strong className="govuk-tag govuk-tag--red">{p.overdueActions} overdue</strong>
                  </>
                )}
              </td>
              <td className="govuk-table__cell">
                <Workload p={p} threshold={view.capacityThreshold} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A cell's words; the colour only repeats them (green: all covered, red: a case beyond the interval). */
function HeatCell({ cell, intervalWeeks }: { cell: TeamHeatCell; intervalWeeks: number }) {
  if (cell.inScope === 0 || cell.weeksSinceOversight === null) {
    return (
      <td className="govuk-table__cell">
        <span aria-hidden="true">–</span>
        <span className="govuk-visually-hidden">No high-risk or MAPPA level 1 cases</span>
      </td>
    );
  }
  const tag = cell.notCovered === 0 ? 'govuk-tag--green' : cell.weeksSinceOversight > intervalWeeks ? 'govuk-tag--red' : 'govuk-tag--yellow';
  return (
    <td className="govuk-table__cell">
      <strong className={`govuk-tag ${tag}`}>
        {cell.notCovered} of {cell.inScope}
      </strong>
      <span className="govuk-visually-hidden"> without oversight in the interval;</span> <span className="govuk-body-s">{cell.weeksSinceOversight} wk</span>
      <span className="govuk-visually-hidden"> longest since oversight</span>
    </td>
  );
}

function Heatmap({ view }: { view: TeamView }) {
  const intervalWeeks = Math.floor(view.oversightIntervalDays / 7);
  return (
    <div className="spo-scroll-x" tabIndex={0} role="region" aria-label="Time since SPO oversight by week">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">
          For each practitioner and week ending: cases without oversight within the interval, of the high-risk and MAPPA level 1 cases held, and the longest time in weeks since oversight
        </caption>
        <TableHead headings={['Practitioner', ...view.heatmap.weeks.map((w) => ({ text: dayMonth(w), hiddenBefore: 'Week ending ' }))]} />
        <tbody className="govuk-table__body">
          {view.heatmap.rows.map((r) => (
            <tr key={r.staffCode} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {r.name ?? r.staffCode}
              </th>
              {r.cells.map((c) => (
                <HeatCell key={c.weekEnding} cell={c} intervalWeeks={intervalWeeks} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The practitioner's overdue flags, in the queue. */
function QueueLink({ p }: { p: TeamPractitioner }) {
  const showInQueue = useApp((s) => s.showInQueue);
  return (
    <a
      className="govuk-link"
      href="#home"
      onClick={(e) => {
        e.preventDefault();
        showInQueue({ staffCodes: [p.staffCode], ...(p.teamCode ? { team: p.teamCode } : {}) });
      }}
    >
      {p.overdue}
      <span className="govuk-visually-hidden"> overdue flags for {p.name ?? p.staffCode}: show them in the queue</span>
    </a>
  );
}
