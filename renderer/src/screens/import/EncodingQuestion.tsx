import { useState, type SyntheticEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ImportReport } from '../../../../db/contract/index.js';
import { useApp } from '../../store/index.js';
import type { QuestionProps } from './ImportReportView.js';
import { TableHead } from '../../components/TableHead.js';

type Question = NonNullable<ImportReport['encodingQuestion']>[number];

/**
 * A file that is not UTF-8 but looks like Windows-1252 (saved from Excel as "CSV"). The user sees
 * the characters as Windows-1252 would read them and says whether they are right; the app never
 * guesses an encoding on its own.
 */
export function EncodingQuestion({ questions, invalid, onInvalid }: { questions: readonly Question[] } & QuestionProps) {
  const { confirmEncoding, restartImport } = useApp(useShallow((s) => ({ confirmEncoding: s.confirmEncoding, restartImport: s.restartImport })));
  const [answer, setAnswer] = useState<'yes' | 'no' | null>(null);
  const missing = invalid !== null;
  const files = questions.map((q) => q.file).join(', ');
  const message = 'Select yes if the characters look right';
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (answer === null) {
      onInvalid({ href: '#encoding-yes', text: message });
      return;
    }
    onInvalid(null);
    if (answer === 'yes') void confirmEncoding();
    else restartImport();
  };
  const choose = (a: 'yes' | 'no') => () => {
    setAnswer(a);
    onInvalid(null);
  };
  return (
    <>
      <h2 className="govuk-heading-m">Check the characters in {files}</h2>
      <p className="govuk-body">
        {questions.length === 1 ? 'This file is' : 'These files are'} not UTF-8. {questions.length === 1 ? 'It looks' : 'They look'} like a spreadsheet saved from Excel as “CSV”, which
        uses the Windows-1252 encoding. Read that way, the characters that are not plain English letters are:
      </p>
      {questions.map((q) => (
        <table key={q.file} className="govuk-table spo-characters">
          <caption className="govuk-table__caption govuk-table__caption--s">{q.file}</caption>
          <TableHead headings={['Character', { text: 'Line', numeric: true }]} />
          <tbody className="govuk-table__body">
            {q.characters.map((c) => (
              <tr key={`${c.char}-${String(c.line)}`} className="govuk-table__row">
                <td className="govuk-table__cell spo-character">{c.char}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{c.line}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <form noValidate onSubmit={submit}>
        <div className={`govuk-form-group${missing ? ' govuk-form-group--error' : ''}`}>
          <fieldset className="govuk-fieldset" aria-describedby={missing ? 'encoding-error' : undefined}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Do these characters look right?</legend>
            {missing && (
              <p id="encoding-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {message}
              </p>
            )}
            <div className="govuk-radios govuk-radios--small">
              <div className="govuk-radios__item">
                <input className="govuk-radios__input" id="encoding-yes" name="encoding" type="radio" checked={answer === 'yes'} onChange={choose('yes')} />
                <label className="govuk-label govuk-radios__label" htmlFor="encoding-yes">
                  Yes, read the file as Windows-1252
                </label>
              </div>
              <div className="govuk-radios__item">
                <input className="govuk-radios__input" id="encoding-no" name="encoding" type="radio" checked={answer === 'no'} onChange={choose('no')} />
                <label className="govuk-label govuk-radios__label" htmlFor="encoding-no">
                  No, I will save it as “CSV UTF-8” and choose it again
                </label>
              </div>
            </div>
          </fieldset>
        </div>
        <button type="submit" className="govuk-button">
          Continue
        </button>
      </form>
    </>
  );
}
