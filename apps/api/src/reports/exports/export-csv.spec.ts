import { toCsv, UTF8_BOM } from './export-csv.js';

describe('toCsv', () => {
  const line = (cells: (string | number | null)[]) => toCsv({ columns: ['a'], rows: [cells] }).replace(UTF8_BOM, '').split('\r\n')[1];

  it('quotes every delimiter a spreadsheet may split on (RFC 4180): comma, semicolon, tab, quotes, line breaks', () => {
    expect(line(['Lima; Norte', 'a,b', 'x\ty', 'say "hi"', 'two\nlines', 'plain'])).toBe('"Lima; Norte","a,b","x\ty","say ""hi""","two\nlines",plain');
  });

  it('keeps formula-like text inert and numbers at full precision; missing is an empty cell', () => {
    expect(line(['=1+1', '@SUM(A1)', 1 / 3, null, Number.NaN])).toBe(`'=1+1,'@SUM(A1),${String(1 / 3)},,`);
  });
});
