/** "1 case", "2,425 cases": numbers as GOV.UK writes them, with the noun agreeing. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
