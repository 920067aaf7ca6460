import { checkContactSettings, checkItems, checkOutcomes, isDatedCheck, referralAnswers, reviewLimits, type CheckItem, type SettingKey, type SettingView } from '../../../../db/contract/index.js';
import { checkLabels, checkOutcomeLabels, codeText, referralAnswerLabels } from '../../../../db/contract/words/index.js';
import { DateInput } from '../../components/DateInput.js';
import { TextInput } from '../../components/TextInput.js';
import { checkFieldId, referralFieldId, showsDetails, type CheckRow, type CheckRows, type Errors, type ReferralRow } from './check-form.js';
import { Radios, Textarea } from './fields.js';

const firstCode = (settings: readonly SettingView[] | null, key: SettingKey): string | null => {
  const value = settings?.find((s) => s.key === key)?.value;
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
};

/** "Enter in nDelius as …": the contacts the rule looks for, so the SPO knows what clears the flag. */
function contactHint(item: CheckItem, settings: readonly SettingView[] | null): string | undefined {
  const keys = checkContactSettings[item];
  if (!keys) return item === 'risk-assessment' || item === 'rmp' ? 'Recorded in OASys: the flag clears when a newer assessment reaches an extract' : undefined;
  const codes = keys.map((k) => firstCode(settings, k)).filter((c): c is string => c !== null);
  return codes.length ? `Enter in nDelius as ${codes.map((c) => codeText('contact', c)).join(', then ')}` : undefined;
}

function referralHint(need: string, settings: readonly SettingView[] | null): string | undefined {
  const value = settings?.find((s) => s.key === 'referralCodes')?.value;
  const codes = value && !Array.isArray(value) && typeof value === 'object' ? value[need] : undefined;
  return codes?.length ? `A referral is entered in nDelius as ${codes.map((c) => codeText('contact', c)).join(' or ')}` : undefined;
}

interface Props {
  checks: CheckRows;
  referrals: readonly ReferralRow[];
  errors: Errors & { get(id: string): string | undefined };
  settings: readonly SettingView[] | null;
  onChecks: (update: (checks: CheckRows) => CheckRows) => void;
  onReferrals: (update: (rows: ReferralRow[]) => ReferralRow[]) => void;
}

/**
 * What the SPO checked: for each check an outcome; once chosen, its outcome in words and, for a
 * check asked of someone, when it was requested and answered; for referrals, an answer per need.
 */
export function ChecksField({ checks, referrals, errors, settings, onChecks, onReferrals }: Props) {
  const setRow = (item: CheckItem, patch: Partial<CheckRow>) => {
    onChecks((all) => ({ ...all, [item]: { ...all[item], ...patch } }));
  };
  const setReferral = (need: string, patch: Partial<ReferralRow>) => {
    onReferrals((rows) => rows.map((r) => (r.need === need ? { ...r, ...patch } : r)));
  };
  return (
    <>
      <h2 className="govuk-heading-m">What you checked</h2>
      {checkItems.map((item) => {
        const row = checks[item];
        const dated = isDatedCheck(item);
        const label = checkLabels[item];
        return (
          <div key={item} className="spo-check">
            <Radios
              id={checkFieldId(item)}
              legend={label}
              small
              inline
              hint={contactHint(item, settings)}
              options={checkOutcomes.filter((o) => dated || o !== 'requested').map((o) => ({ value: o, label: checkOutcomeLabels[o] }))}
              value={row.outcome}
              error={errors.get(checkFieldId(item))}
              onChange={(outcome) => {
                setRow(item, { outcome });
              }}
            />
            {row.outcome && (
              <div className="spo-check__details" data-check={item}>
                {dated && showsDetails(row) && (
                  <>
                    <DateInput
                      id={checkFieldId(item, 'requestedOn')}
                      legend="Requested on"
                      hint={row.outcome === 'requested' ? undefined : 'Leave blank if it was not asked for'}
                      value={row.requestedOn}
                      error={errors.get(checkFieldId(item, 'requestedOn'))}
                      errorParts={errors.parts.get(checkFieldId(item, 'requestedOn'))}
                      onChange={(requestedOn) => {
                        setRow(item, { requestedOn });
                      }}
                    />
                    {row.outcome !== 'requested' && (
                      <DateInput
                        id={checkFieldId(item, 'responseOn')}
                        legend="Response received on"
                        hint="Leave blank while it is awaited"
                        value={row.responseOn}
                        error={errors.get(checkFieldId(item, 'responseOn'))}
                        errorParts={errors.parts.get(checkFieldId(item, 'responseOn'))}
                        onChange={(responseOn) => {
                          setRow(item, { responseOn });
                        }}
                      />
                    )}
                  </>
                )}
                {item === 'referrals' && showsDetails(row) && (
                  <ReferralFields rows={referrals} errors={errors} settings={settings} onChange={setReferral} />
                )}
                <Textarea
                  id={checkFieldId(item, 'note')}
                  label="Outcome (optional)"
                  hint="In words, for example: call-outs found, shared with the practitioner"
                  rows={2}
                  value={row.note}
                  limit={reviewLimits.checkNote}
                  error={errors.get(checkFieldId(item, 'note'))}
                  onChange={(e) => {
                    setRow(item, { note: e.target.value });
                  }}
                />
              </div>
            )}
          </div>
        );
      })}
    </>
  );
}

/** An answer for each need the case's referral flag names. */
function ReferralFields({
  rows,
  errors,
  settings,
  onChange,
}: {
  rows: readonly ReferralRow[];
  errors: Props['errors'];
  settings: readonly SettingView[] | null;
  onChange: (need: string, patch: Partial<ReferralRow>) => void;
}) {
  if (rows.length === 0) return <p className="govuk-body">The case’s flags name no need that calls for a referral.</p>;
  return (
    <>
      {rows.map((r) => (
        <div key={r.need} className="spo-referral" data-need={r.need}>
          <Radios
            id={referralFieldId(r.need)}
            legend={codeText('need', r.need)}
            small
            inline
            hint={referralHint(r.need, settings)}
            options={referralAnswers.map((a) => ({ value: a, label: referralAnswerLabels[a] }))}
            value={r.answer}
            error={errors.get(referralFieldId(r.need))}
            onChange={(answer) => {
              onChange(r.need, { answer });
            }}
          />
          {r.answer === 'referred' && (
            <>
              <TextInput
                id={referralFieldId(r.need, 'service')}
                label="Service referred to"
                width="govuk-input--width-20"
                value={r.service}
                error={errors.get(referralFieldId(r.need, 'service'))}
                onChange={(e) => {
                  onChange(r.need, { service: e.target.value });
                }}
              />
              <DateInput
                id={referralFieldId(r.need, 'date')}
                legend="Date of the referral"
                hint="Today or earlier"
                value={r.date}
                error={errors.get(referralFieldId(r.need, 'date'))}
                errorParts={errors.parts.get(referralFieldId(r.need, 'date'))}
                onChange={(date) => {
                  onChange(r.need, { date });
                }}
              />
            </>
          )}
          {(r.answer === 'not-referred' || r.answer === 'declined') && (
            <TextInput
              id={referralFieldId(r.need, 'reason')}
              label={r.answer === 'not-referred' ? 'Why not' : 'What the person said (optional)'}
              value={r.reason}
              error={errors.get(referralFieldId(r.need, 'reason'))}
              onChange={(e) => {
                onChange(r.need, { reason: e.target.value });
              }}
            />
          )}
        </div>
      ))}
    </>
  );
}
