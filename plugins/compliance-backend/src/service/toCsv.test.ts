import { parseCsv } from '../__testUtils__/parseCsv';
import { toCsv } from './toCsv';

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    const rows = [
      { a: 'plain', b: 'with, comma', c: 'say "hi"' },
      { a: 'two\r\nlines', b: '', c: '{"k":[1,2]}' },
    ];
    const text = toCsv({ columns: ['a', 'b', 'c'], rows });
    expect(text).toBe(
      'a,b,c\r\nplain,"with, comma","say ""hi"""\r\n"two\r\nlines",,"{""k"":[1,2]}"\r\n',
    );
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['plain', 'with, comma', 'say "hi"'],
      ['two\r\nlines', '', '{"k":[1,2]}'],
    ]);
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    const rows = [
      { a: '=HYPERLINK("http://x","y")', b: '+1', c: '-2' },
      { a: '@SUM(A1)', b: '\tx', c: 'safe = yes' },
    ];
    expect(parseCsv(toCsv({ columns: ['a', 'b', 'c'], rows }))).toEqual([
      ['a', 'b', 'c'],
      [`'=HYPERLINK("http://x","y")`, "'+1", "'-2"],
      ["'@SUM(A1)", "'\tx", 'safe = yes'],
    ]);
  });
});
