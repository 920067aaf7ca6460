import { useEffect, useState, type KeyboardEvent, type Ref } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { caseRuleIds, effectiveRoshLevels, mappaLevelCodes, type CaseRuleId, type EffectiveRosh, type MappaLevel } from '../../../../db/contract/index.js';
import { useApp } from '../../store/index.js';
import { mappaLevelLabels, roshLabels, ruleTitles } from '../../../../db/contract/words/index.js';

/** Typing settles for this long before the engine is asked: one query per pause, not per key. */
export const SEARCH_DEBOUNCE_MS = 250;
/** Beyond this many, practitioners are offered only once a team is chosen. */
const MAX_PRACTITIONERS_LISTED = 400;

function Select({ id, label, value, onChange, options }: { id: string; label: string; value: string; onChange: (v: string) => void; options: readonly [string, string][] }) {
  return (
    <div className="govuk-form-group spo-queue-filters__item">
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <select id={id} name={id} className="govuk-select" value={value} onChange={(e) => { onChange(e.target.value); }}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

const pick = <T extends string>(allowed: readonly T[], v: string): T | undefined => allowed.find((a) => a === v);

/**
 * The search and the filters. Every change asks the engine again (paging and filtering happen
 * there); the search waits for typing to pause. Enter or ↓ in the search box goes to the list.
 */
export function QueueFilters({ searchRef, onLeaveSearch }: { searchRef: Ref<HTMLInputElement>; onLeaveSearch: () => void }) {
  const { filters, teams, ownTeam, setQueueFilters } = useApp(
    useShallow((s) => ({ filters: s.queue.filters, teams: s.queue.teams, ownTeam: s.profile?.teamCode, setQueueFilters: s.setQueueFilters })),
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
  // Clearing the filters keeps the user's own team, when this caseload has it.
  const home = ownTeam !== undefined && teams?.some((t) => t.code === ownTeam) ? ownTeam : undefined;
  const filtered = filters.team !== home || filters.staffCode !== undefined || filters.rule !== undefined || filters.rosh !== undefined || filters.mappaLevel !== undefined || !!applied.trim();

  return (
    <div className="spo-queue-filters">
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
          onChange={(e) => { setText(e.target.value); }}
          onKeyDown={onSearchKey}
        />
      </div>
      <div className="spo-queue-filters__selects">
        <Select
          id="queue-team"
          label="Team"
          value={filters.team ?? ''}
          onChange={(v) => void setQueueFilters({ team: v || undefined })}
          options={[['', 'All teams'], ...(teams ?? []).map((t): [string, string] => [t.code, t.name ? `${t.code} – ${t.name}` : t.code])]}
        />
        {practitioners ? (
          <Select
            id="queue-practitioner"
            label="Practitioner"
            value={filters.staffCode ?? ''}
            onChange={(v) => void setQueueFilters({ staffCode: v || undefined })}
            options={[['', 'All practitioners'], ...practitioners.map((p): [string, string] => [p.staffCode, `${p.name} (${p.staffCode})`])]}
          />
        ) : (
          <div className="govuk-form-group spo-queue-filters__item">
            <p className="govuk-label govuk-label--s">Practitioner</p>
            <p className="govuk-hint">Choose a team to filter by practitioner</p>
          </div>
        )}
        <Select
          id="queue-rule"
          label="Rule"
          value={filters.rule ?? ''}
          onChange={(v) => void setQueueFilters({ rule: pick<CaseRuleId>(caseRuleIds, v) })}
          options={[['', 'All rules'], ...caseRuleIds.map((r): [string, string] => [r, `${ruleTitles[r]} (${r})`])]}
        />
        <Select
          id="queue-rosh"
          label="RoSH"
          value={filters.rosh ?? ''}
          onChange={(v) => void setQueueFilters({ rosh: pick<EffectiveRosh>(effectiveRoshLevels, v) })}
          options={[['', 'Any RoSH'], ...effectiveRoshLevels.map((r): [string, string] => [r, roshLabels[r]])]}
        />
        <Select
          id="queue-mappa"
          label="MAPPA level"
          value={filters.mappaLevel ?? ''}
          onChange={(v) => void setQueueFilters({ mappaLevel: pick<MappaLevel>(mappaLevelCodes, v) })}
          options={[['', 'Any MAPPA level'], ...mappaLevelCodes.map((m): [string, string] => [m, mappaLevelLabels[m]])]}
        />
      </div>
      {filtered && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-4"
          onClick={() => {
            setText('');
            void setQueueFilters({ team: home, staffCode: undefined, rule: undefined, rosh: undefined, mappaLevel: undefined, search: undefined });
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
