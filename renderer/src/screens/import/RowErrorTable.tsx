import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { RowError } from '../../../../db/contract/index.js';
import { count } from '../../format.js';

const ROW_HEIGHT = 45;

/**
 * Row errors: file, line, column and the problem. Up to a thousand are listed, so the rows are
 * virtualised inside a scrolling region; aria-rowcount and aria-rowindex tell assistive
 * technology where each rendered row sits in the whole table.
 */
export function RowErrorTable({ errors, omitted }: { errors: readonly RowError[]; omitted: number }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: errors.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scroller} className="spo-scroll" tabIndex={0} role="region" aria-labelledby="row-errors-caption">
      <table className="govuk-table spo-row-errors" aria-rowcount={errors.length + 1}>
        <caption id="row-errors-caption" className="govuk-table__caption govuk-table__caption--m">
          {count(errors.length, 'problem')}
          {omitted > 0 && `, and ${omitted.toLocaleString('en-GB')} more not listed`}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row" aria-rowindex={1}>
            <th scope="col" className="govuk-table__header">File</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Line</th>
            <th scope="col" className="govuk-table__header">Column</th>
            <th scope="col" className="govuk-table__header">Problem</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {before > 0 && (
            <tr aria-hidden="true">
              <td colSpan={4} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const e = errors[item.index];
            if (!e) return null;
            return (
              <tr key={item.key} className="govuk-table__row" aria-rowindex={item.index + 2} data-index={item.index} ref={virtualizer.measureElement}>
                <td className="govuk-table__cell">{e.file}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{e.line ?? '–'}</td>
                <td className="govuk-table__cell">{e.column ?? '–'}</td>
                <td className="govuk-table__cell">{e.reason}</td>
              </tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true">
              <td colSpan={4} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
