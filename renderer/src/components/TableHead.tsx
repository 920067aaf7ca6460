/** A column heading: its text, or its text with a numeric alignment and words only a screen reader hears before it. */
export type Heading = string | { text: string; numeric?: boolean; hiddenBefore?: string };

/** The GOV.UK header row of a data table, for a plain list of column headings (a sortable header carries its own behaviour). */
export function TableHead({ headings }: { headings: readonly Heading[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {headings.map((h, i) => {
          const { text, numeric = false, hiddenBefore } = typeof h === 'string' ? { text: h } : h;
          return (
            // Headings are fixed for the table's life and may repeat (two weeks with the same short date), so position is the key.
            <th key={i} scope="col" className={numeric ? 'govuk-table__header govuk-table__header--numeric' : 'govuk-table__header'}>
              {hiddenBefore !== undefined && <span className="govuk-visually-hidden">{hiddenBefore}</span>}
              {text}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
