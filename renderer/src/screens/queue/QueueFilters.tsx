import { useEffect, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { caseRuleIds, effectiveRoshLevels, mappaLevelCodes, type CaseRuleId } from '../../../../db/contract/index.js';
import { mappaLevelLabels, roshLabels, ruleTitles } from '../../../../db/contract/words/index.js';
import { Checkboxes } from '../../components/Checkboxes.js';
import { useApp } from '../../store/index.js';
import { noChoices, type QueueFilters as Filters, type QueueListFilter } from '../../store/queue.js';

/** Typing settles for this long before the engine is asked: one query per pause, not per key. */
export const SEARCH_DEBOUNCE_MS = 250;
/** Beyond this many, practitioners are offered only once a team is chosen. */
const MAX_PRACTITIONERS_LISTED = 40;

/** One chosen value as an MoJ filter tag: selecting it removes that one filter. */
function Tag({ children, onRemove }: { children: ReactNode; onRemove: () => void }) {
  return (
    <li>
      <button type="button" className="moj-filter__tag" onClick={onRemove}>
        <span className="govuk-visually-hidden">Remove this filter</span> {children}
      </button>
    </li>
  );
}

/**
 * The search and the filters, as MoJ Frontend's filter component: the chosen filters as tags at
 * the top, each removable on its own, then checkboxes taking several values each. Every change
 * asks the engine again (paging and filtering happen there); the search waits for typing to
 * pause. Enter or ↓ in the search box goes to the list.
 */
export function QueueFilters({ searchRef, onLeaveSearch }: { searchRef: Ref<HTMLInputElement>; onLeaveSearch: () => void }) {
  const { filters, teams, summary, ownTeam, setQueueFilters } = useApp(
    useShallow((s) => ({ filters: s.queue.filters, teams: s.queue.teams, summary: s.queue.summary, ownTeam: s.profile?.teamCode, setQueueFilters: s.setQueueFilters })),
  );
  const applied = filters.search ?? '';
  const [text, setText] = useState(applied);
  // The search can change from outside the box (a link from the team view opens the queue with no
  // search): the box follows, so an earlier search is never typed back in.
  const [seen, setSeen] = useState(applied);
  if (applied !== seen) {
    setSeen(applied);
    setText(applied);
  }

  useEffect(() => {
    if (text.trim() === applied.trim()) return;
    const timer = setTimeout(() => void setQueueFilters({ search: text }), SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [text, applied, setQueueFilters]);

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    if (text.trim() !== applied.trim()) void setQueueFilters({ search: text });
    onLeaveSearch();
  };

  const team = teams?.find((t) => t.code === filters.team);
  const allPractitioners = teams?.flatMap((t) => t.practitioners) ?? [];
  const practitioners = team ? team.practitioners : allPractitioners.length <= MAX_PRACTITIONERS_LISTED ? allPractitioners : null;
  const practitionerName = (code: string) => allPractitioners.find((p) => p.staffCode === code)?.name ?? code;
  // Clearing the filters keeps the user's own team, when this caseload has it.
  const home = ownTeam !== undefined && teams?.some((t) => t.code === ownTeam) ? ownTeam : undefined;

  const set = (key: QueueListFilter) => (next: string[]) => void setQueueFilters({ [key]: next });
  const remove = (key: QueueListFilter, value: string) => () => void setQueueFilters({ [key]: (filters[key] as readonly string[]).filter((v) => v !== value) });
  const counts = new Map(summary.map((s) => [s.rule, s]));
  /** A rule's flags on the tab in view, under the other filters. */
  const ruleCount = (rule: CaseRuleId) => {
    const c = counts.get(rule);
    return ((filters.status === 'overdue' ? c?.overdue : c?.dueSoon) ?? 0).toLocaleString('en-GB');
  };

  const groups: { key: QueueListFilter; heading: string; words: (v: string) => string }[] = [
    { key: 'rules', heading: 'Rule', words: (v) => ruleTitles[v as CaseRuleId] },
    { key: 'roshLevels', heading: 'RoSH', words: (v) => roshLabels[v as Filters['roshLevels'][number]] },
    { key: 'mappaLevels', heading: 'MAPPA', words: (v) => `MAPPA ${mappaLevelLabels[v as Filters['mappaLevels'][number]].toLowerCase()}` },
    { key: 'staffCodes', heading: 'Practitioner', words: practitionerName },
  ];
  const teamChanged = filters.team !== home;
  const searched = !!applied.trim();
  const anyChosen = teamChanged || searched || groups.some((g) => filters[g.key].length > 0);

  return (
    <>
      {anyChosen && (
        <div className="moj-filter__selected">
          <div className="moj-filter__selected-heading">
            <div className="moj-filter__heading-title">
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">Selected filters</h2>
            </div>
            <div className="moj-filter__heading-action">
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                <button
                  type="button"
                  className="govuk-link spo-link-button"
                  onClick={() => {
                    setText('');
                    void setQueueFilters({ team: home, ...noChoices });
                  }}
                >
                  Clear filters
                </button>
              </p>
            </div>
          </div>
          {teamChanged && (
            <>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-0">Team</h3>
              <ul className="moj-filter-tags">
                <Tag onRemove={() => void setQueueFilters({ team: home })}>{filters.team ? (team?.name ?? filters.team) : 'All teams'}</Tag>
              </ul>
            </>
          )}
          {searched && (
            <>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-0">Search</h3>
              <ul className="moj-filter-tags">
                <Tag
                  onRemove={() => {
                    setText('');
                    void setQueueFilters({ search: undefined });
                  }}
                >
                  {applied}
                </Tag>
              </ul>
            </>
          )}
          {groups
            .filter((g) => filters[g.key].length > 0)
            .map((g) => (
              <div key={g.key}>
                <h3 className="govuk-heading-s govuk-!-margin-bottom-0">{g.heading}</h3>
                <ul className="moj-filter-tags">
                  {(filters[g.key] as readonly string[]).map((v) => (
                    <Tag key={v} onRemove={remove(g.key, v)}>
                      {g.words(v)}
                    </Tag>
                  ))}
                </ul>
              </div>
            ))}
        </div>
      )}
      <div className="moj-filter__options spo-queue-filters">
        <div className="govuk-form-group spo-queue-filters__search">
          <label className="govuk-label govuk-label--s" htmlFor="queue-search">
            Search by CRN or name
          </label>
          <div id="queue-search-hint" className="govuk-hint">
            Press <kbd>/</kbd> to come here; <kbd>Enter</kbd> or <kbd>↓</kbd> goes to the list
          </div>
          <input
            ref={searchRef}
            id="queue-search"
            name="queue-search"
            type="search"
            className="govuk-input"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="queue-search-hint"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
            }}
            onKeyDown={onSearchKey}
          />
        </div>
        <div className="govuk-form-group spo-queue-filters__item">
          <label className="govuk-label govuk-label--s" htmlFor="queue-team">
            Team
          </label>
          <select id="queue-team" name="queue-team" className="govuk-select" value={filters.team ?? ''} onChange={(e) => void setQueueFilters({ team: e.target.value || undefined })}>
            <option value="">All teams</option>
            {(teams ?? []).map((t) => (
              <option key={t.code} value={t.code}>
                {t.name ? `${t.name} (${t.code})` : t.code}
              </option>
            ))}
          </select>
        </div>
        <Checkboxes
          id="queue-rule"
          legend="Rule"
          hint={`The count beside each rule is its flags ${filters.status === 'overdue' ? 'overdue' : 'due soon'} under the other filters.`}
          values={filters.rules}
          onChange={set('rules')}
          options={caseRuleIds.map((r) => ({ value: r, label: `${ruleTitles[r]} (${ruleCount(r)})`, hint: r }))}
        />
        <Checkboxes id="queue-rosh" legend="RoSH" values={filters.roshLevels} onChange={set('roshLevels')} options={effectiveRoshLevels.map((r) => ({ value: r, label: roshLabels[r] }))} />
        <Checkboxes
          id="queue-mappa"
          legend="MAPPA level"
          values={filters.mappaLevels}
          onChange={set('mappaLevels')}
          options={mappaLevelCodes.map((m) => ({ value: m, label: mappaLevelLabels[m], hint: m }))}
        />
        {practitioners ? (
          <Checkboxes
            id="queue-practitioner"
            legend="Practitioner"
            values={filters.staffCodes}
            onChange={set('staffCodes')}
            options={practitioners.map((p) => ({ value: p.staffCode, label: p.name, hint: p.staffCode }))}
          />
        ) : (
          <div className="govuk-form-group spo-queue-filters__item">
            <p className="govuk-label govuk-label--s">Practitioner</p>
            <p className="govuk-hint">Choose a team to filter by practitioner</p>
          </div>
        )}
      </div>
    </>
  );
}
