import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SettingKey, SettingView, SettingsHistoryEntry } from '../../../../db/contract/index.js';
import { settingHelp, settingTitles, settingValueText } from '../../../../db/contract/words/index.js';
import { ErrorSummary, ProblemSummary, type FieldError } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useApp } from '../../store/index.js';
import { formatValue, parseValue, settingInSentence, valueProblemWords } from './value-text.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { TableHead } from '../../components/TableHead.js';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

/** Every policy setting the rules use, with its default and how firm that default is; a change needs a reason and is kept in the history. */
export function SettingsScreen() {
  const { state, openSettings, editSetting } = useApp(useShallow((s) => ({ state: s.settingsScreen, openSettings: s.openSettings, editSetting: s.editSetting })));
  useEffect(() => {
    void openSettings();
  }, [openSettings]);
  const { list, history, loading, error, editing, saved } = state;
  const setting = list?.find((s) => s.key === editing) ?? null;
  return (
    <>
      {error && <ProblemSummary message={error.message} />}
      <PageHeading title="Policy settings" error={error !== null}>
        Policy settings
      </PageHeading>
      <p className="govuk-body">
        The numbers and codes the oversight rules use. Each shows where its default comes from: national policy, guidance, nDelius, local practice or inference. A
        change needs a reason; it applies to every flag at once and is kept in the history below and in the audit log.
      </p>
      {saved && <SavedBanner saved={saved} list={list} />}
      {list === null ? (
        <p className="govuk-body" role="status">
          {loading ? 'Reading the settings…' : ''}
        </p>
      ) : (
        <SettingsTable list={list} onChange={editSetting} />
      )}
      {setting && <ChangeForm key={setting.key} setting={setting} onCancel={() => { editSetting(null); }} />}
      <h2 className="govuk-heading-m">History of changes</h2>
      {history && history.length > 0 ? <HistoryTable history={history} /> : <p className="govuk-body">No setting has been changed from its default.</p>}
    </>
  );
}

/** Says what changed, to what; it takes focus so it is seen wherever the form was scrolled to. */
function SavedBanner({ saved, list }: { saved: SettingKey; list: readonly SettingView[] | null }) {
  const now = list?.find((s) => s.key === saved);
  return (
    <SuccessBanner
      id="setting-saved"
      role="status"
      heading={
        <>
          {settingTitles[saved]} changed{now ? ` to ${settingValueText(saved, now.value)}` : ''}. The flags now use the new value.
        </>
      }
    />
  );
}

/** Where the value in force comes from: the default's basis, or a local change from that default. */
function Basis({ s }: { s: SettingView }) {
  if (s.isDefault) {
    return (
      <>
        <strong className="govuk-tag govuk-tag--grey">{s.basis}</strong>
        <span className="govuk-body-s govuk-!-display-block">{s.basisNote}</span>
      </>
    );
  }
  return (
    <>
      <strong className="govuk-tag govuk-tag--yellow">Set locally</strong>
      <span className="govuk-body-s govuk-!-display-block">
        Changed here from the default of {settingValueText(s.key, s.default)}. The default’s basis: {s.basis}, {s.basisNote}.
      </span>
    </>
  );
}

function SettingsTable({ list, onChange }: { list: readonly SettingView[]; onChange: (key: SettingView['key']) => void }) {
  // A data table may scroll sideways at 400% zoom (WCAG 1.4.10 exempts it); the page must not.
  return (
    <div className="spo-scroll-x" tabIndex={0} role="region" aria-label="Policy settings table">
      <table className="govuk-table spo-audit-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Settings</caption>
        <TableHead headings={['Setting', 'Current value', 'Default', 'Basis', 'Change']} />
        <tbody className="govuk-table__body">
          {list.map((s) => (
            <tr key={s.key} className="govuk-table__row" data-setting={s.key}>
              <th scope="row" className="govuk-table__header">
                {settingTitles[s.key]}
                <code className="spo-setting__key">{s.key}</code>
                <span className="govuk-body-s govuk-!-display-block govuk-!-font-weight-regular" data-field="help">
                  {settingHelp(s.key, s.value)}
                </span>
              </th>
              <td className="govuk-table__cell" data-field="value">
                {settingValueText(s.key, s.value)}
              </td>
              <td className="govuk-table__cell">{settingValueText(s.key, s.default)}</td>
              <td className="govuk-table__cell" data-field="basis">
                <Basis s={s} />
              </td>
              <td className="govuk-table__cell">
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => { onChange(s.key); }}>
                  Change<span className="govuk-visually-hidden"> {settingInSentence(settingTitles[s.key])}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChangeForm({ setting, onCancel }: { setting: SettingView; onCancel: () => void }) {
  const { saveSetting, saving } = useApp(useShallow((s) => ({ saveSetting: s.saveSetting, saving: s.settingsScreen.saving })));
  const [value, setValue] = useState(formatValue(setting.value));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setErrors([{ href: '#setting-reason', text: 'Enter why the setting is being changed' }]);
      return;
    }
    const problem = await saveSetting(setting.key, parseValue(setting.value, value), reason);
    if (problem) {
      setErrors([
        problem.field === 'reason'
          ? { href: '#setting-reason', text: 'Enter why the setting is being changed' }
          : { href: '#setting-value', text: valueProblemWords(settingTitles[setting.key], problem.message) },
      ]);
    }
  };
  const errorFor = (href: string) => errors.find((x) => x.href === href)?.text;
  const valueError = errorFor('#setting-value');
  const reasonError = errorFor('#setting-reason');
  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="setting-change-heading">
      <ErrorSummary errors={errors} />
      <h2 className="govuk-heading-m" id="setting-change-heading" tabIndex={-1} ref={heading}>
        Change {settingInSentence(settingTitles[setting.key])}
        <code className="spo-setting__key">{setting.key}</code>
      </h2>
      <p className="govuk-body">{settingHelp(setting.key, setting.value)}</p>
      <p className="govuk-body">
        Default: {settingValueText(setting.key, setting.default)}. Basis of the default: {setting.basis}, {setting.basisNote}.
      </p>
      <div className={`govuk-form-group${valueError ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor="setting-value">
          New value
        </label>
        <div id="setting-value-hint" className="govuk-hint">
          {typeof setting.value === 'number'
            ? setting.key === 'capacityThreshold'
              ? 'A ratio of points used to points available, for example 1.0 for 100%'
              : 'A whole number of days'
            : Array.isArray(setting.value)
              ? `Codes separated by commas, for example ${formatValue(setting.default)}`
              : 'For each need, the need’s code, a colon and its contact codes; needs separated by semicolons, for example DRUG: CLDR, CGRF; ETE: CGRF'}
        </div>
        {valueError && (
          <p id="setting-value-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {valueError}
          </p>
        )}
        <input
          id="setting-value"
          name="setting-value"
          type="text"
          className={`govuk-input${valueError ? ' govuk-input--error' : ''}`}
          aria-describedby={`setting-value-hint${valueError ? ' setting-value-error' : ''}`}
          value={value}
          onChange={(e) => { setValue(e.target.value); }}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className={`govuk-form-group${reasonError ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor="setting-reason">
          Reason for the change
        </label>
        <div id="setting-reason-hint" className="govuk-hint">
          Kept in the history and the audit log, for example the local agreement it follows
        </div>
        {reasonError && (
          <p id="setting-reason-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {reasonError}
          </p>
        )}
        <textarea
          id="setting-reason"
          name="setting-reason"
          className={`govuk-textarea${reasonError ? ' govuk-textarea--error' : ''}`}
          rows={3}
          aria-describedby={`setting-reason-hint${reasonError ? ' setting-reason-error' : ''}`}
          value={reason}
          onChange={(e) => { setReason(e.target.value); }}
        />
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={saving} aria-disabled={saving}>
          Save the change
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The history keeps a setting a later version of the app removed under its old key. */
const isSettingKey = (k: string): k is SettingKey => Object.hasOwn(settingTitles, k);

function HistoryTable({ history }: { history: readonly SettingsHistoryEntry[] }) {
  return (
    <div className="spo-scroll-x" tabIndex={0} role="region" aria-label="History of setting changes">
      <table className="govuk-table spo-audit-table">
        <caption className="govuk-table__caption govuk-visually-hidden">History of setting changes, newest first</caption>
        <TableHead headings={['When', 'Who', 'Setting', 'From', 'To', 'Reason']} />
        <tbody className="govuk-table__body">
          {history.map((h) => (
            <tr key={h.id} className="govuk-table__row">
              <td className="govuk-table__cell">{when.format(new Date(h.at))}</td>
              <td className="govuk-table__cell">{h.appUser ? `${h.appUser} (${h.osUser})` : h.osUser}</td>
              <td className="govuk-table__cell">
                {isSettingKey(h.key) ? settingTitles[h.key] : h.key}
                <code className="spo-setting__key">{h.key}</code>
              </td>
              <td className="govuk-table__cell">{isSettingKey(h.key) ? settingValueText(h.key, h.old) : formatValue(h.old)}</td>
              <td className="govuk-table__cell">{isSettingKey(h.key) ? settingValueText(h.key, h.new) : formatValue(h.new)}</td>
              <td className="govuk-table__cell">{h.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
