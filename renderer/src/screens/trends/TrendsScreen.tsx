import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { caseRuleIds, type TrendsReport, type TrendWeek } from '../../../../db/contract/index.js';
import { ProblemSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TableHead } from '../../components/TableHead.js';
import { useApp } from '../../store/index.js';
import { shortDate, spokenDate } from '../../../../db/contract/dates.js';
import { ruleTitles } from '../../../../db/contract/words/index.js';
import { seriesColours, type ChartConfiguration } from './chart.js';
import { TrendChart } from './TrendChart.js';

const percent = (share: number | null) => (share === null ? 'none in scope' : `${String(Math.round(share * 100))}%`);

/** Twelve months of oversight, a week at a time: is the unit getting to its high-risk cases? */
export function TrendsScreen() {
  const { trends, openTrends, loadTrends } = useApp(useShallow((s) => ({ trends: s.trends, openTrends: s.openTrends, loadTrends: s.loadTrends })));
  useEffect(() => {
    void openTrends();
  }, [openTrends]);
  const { report, teams, team, loading, error } = trends;
  return (
    <>
      {error && <ProblemSummary message={error.message} />}
      <PageHeading title="Trends">Trends</PageHeading>
      <p className="govuk-body">
        Each week of the last 12 months, with the flags worked out as they stood at the end of that week (Sunday) from the caseload and the reviews recorded since.
      </p>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="trends-team">
          Team
        </label>
        <select
          id="trends-team"
          className="govuk-select"
          value={team}
          disabled={teams === null}
          onChange={(e) => void loadTrends(e.target.value)}
        >
          <option value="">All teams</option>
          {(teams ?? []).map((t) => (
            <option key={t.code} value={t.code}>
              {t.name ? `${t.name} (${t.code})` : t.code}
            </option>
          ))}
        </select>
      </div>
      <p className="govuk-body" role="status">
        {loading ? 'Working out 52 weeks of flags…' : report ? `${report.weeks.length} weeks to ${spokenDate(report.weeks.at(-1)?.weekEnding ?? report.asOf)}.` : ''}
      </p>
      {report && report.weeks.length > 0 && <Charts report={report} />}
    </>
  );
}

function Charts({ report }: { report: TrendsReport }) {
  const weeks = report.weeks;
  const labels = useMemo(() => weeks.map((w) => shortDate(w.weekEnding)), [weeks]);
  const first = weeks[0];
  const last = weeks.at(-1);
  const coverage = useMemo<ChartConfiguration>(
    () => ({
      type: 'line',
      data: {
        labels,
        datasets: [{ label: 'Coverage of high-risk and MAPPA level 1 cases (%)', data: weeks.map((w) => (w.coverage === null ? null : Math.round(w.coverage * 1000) / 10)), borderColor: seriesColours[0], backgroundColor: seriesColours[0], pointRadius: 2 }],
      },
      options: { maintainAspectRatio: false, scales: { y: { min: 0, max: 100, title: { display: true, text: '% with SPO oversight in time' } } } },
    }),
    [labels, weeks],
  );
  const byRule = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels,
        datasets: caseRuleIds.map((rule, i) => ({ label: ruleTitles[rule], data: weeks.map((w) => w.overdueByRule[rule]), backgroundColor: seriesColours[i % seriesColours.length] })),
      },
      options: { maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'Overdue flags' } } }, plugins: { legend: { position: 'bottom' } } },
    }),
    [labels, weeks],
  );
  const median = useMemo<ChartConfiguration>(
    () => ({
      type: 'line',
      data: { labels, datasets: [{ label: 'Median days overdue', data: weeks.map((w) => w.medianDaysOverdue), borderColor: seriesColours[5], backgroundColor: seriesColours[5], pointRadius: 2 }] },
      options: { maintainAspectRatio: false, scales: { y: { beginAtZero: true, title: { display: true, text: 'Days' } } } },
    }),
    [labels, weeks],
  );
  if (!first || !last) return null;
  const busiest = [...caseRuleIds].sort((a, b) => last.overdueByRule[b] - last.overdueByRule[a])[0];
  return (
    <>
      <TrendChart
        id="trend-coverage"
        title="Oversight coverage of high-risk and MAPPA level 1 cases"
        summary={`${percent(last.coverage)} of ${String(last.inScope)} cases in scope had SPO oversight in time in the week ending ${spokenDate(last.weekEnding)}, against ${percent(first.coverage)} in the week ending ${spokenDate(first.weekEnding)}.`}
        config={coverage}
        table={<CoverageTable weeks={weeks} />}
      />
      <TrendChart
        id="trend-rules"
        title="Overdue flags by rule"
        summary={`${String(last.overdue)} overdue flags in the week ending ${spokenDate(last.weekEnding)}${busiest && last.overdueByRule[busiest] > 0 ? `, the most for “${ruleTitles[busiest]}” (${String(last.overdueByRule[busiest])})` : ''}; ${String(first.overdue)} a year before.`}
        config={byRule}
        table={<RulesTable weeks={weeks} />}
      />
      <TrendChart
        id="trend-median"
        title="Median days overdue"
        summary={last.medianDaysOverdue === null ? `Nothing was overdue in the week ending ${spokenDate(last.weekEnding)}.` : `Half the overdue flags were more than ${String(last.medianDaysOverdue)} days overdue in the week ending ${spokenDate(last.weekEnding)}.`}
        config={median}
        table={<MedianTable weeks={weeks} />}
      />
    </>
  );
}

function Table({ caption, head, rows }: { caption: string; head: readonly string[]; rows: readonly (readonly (string | number)[])[] }) {
  return (
    <div className="spo-scroll-x" tabIndex={0} role="region" aria-label={caption}>
      <table className="govuk-table spo-table--small">
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <TableHead headings={head.map((h, i) => (i > 0 ? { text: h, numeric: true } : h))} />
        <tbody className="govuk-table__body">
          {rows.map(([week, ...cells]) => (
            <tr key={String(week)} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {week}
              </th>
              {cells.map((c, i) => (
                <td key={i} className="govuk-table__cell govuk-table__cell--numeric">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CoverageTable({ weeks }: { weeks: readonly TrendWeek[] }) {
  return (
    <Table
      caption="Oversight coverage by week"
      head={['Week ending', 'Cases in scope', 'With oversight in time', 'Coverage']}
      rows={weeks.map((w) => [shortDate(w.weekEnding), w.inScope, w.covered, percent(w.coverage)])}
    />
  );
}

function RulesTable({ weeks }: { weeks: readonly TrendWeek[] }) {
  return (
    <Table
      caption="Overdue flags by rule and week"
      head={['Week ending', ...caseRuleIds.map((r) => ruleTitles[r]), 'All rules']}
      rows={weeks.map((w) => [shortDate(w.weekEnding), ...caseRuleIds.map((r) => w.overdueByRule[r]), w.overdue])}
    />
  );
}

function MedianTable({ weeks }: { weeks: readonly TrendWeek[] }) {
  return (
    <Table
      caption="Overdue and due-soon flags, and median days overdue, by week"
      head={['Week ending', 'Overdue', 'Due soon', 'Median days overdue']}
      rows={weeks.map((w) => [shortDate(w.weekEnding), w.overdue, w.dueSoon, w.medianDaysOverdue ?? '–'])}
    />
  );
}
