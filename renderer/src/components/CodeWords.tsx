import { describeCode, UNKNOWN_CODE_NOTE, type CodeKind } from '../../../db/contract/words/index.js';

/**
 * A code as a practitioner reads it: the words first and the code beside them, small, for looking
 * it up in nDelius ("Office appointment (COAP)"); a code the app does not know is shown as itself
 * and says so. The text is the same as `codeText`, so the PDF and the CSV read alike.
 */
export function CodeWords({ kind, code }: { kind: CodeKind; code: string }) {
  const d = describeCode(kind, code);
  if (kind === 'sentence-type') return <>{d.words}</>;
  if (!d.known) {
    return (
      <>
        <span className="spo-code__raw">{code}</span> <span className="spo-code">({UNKNOWN_CODE_NOTE})</span>
      </>
    );
  }
  if (d.words === code) return <>{code}</>;
  return (
    <>
      {d.words} <span className="spo-code">({code})</span>
    </>
  );
}
