/**
 * One CSV line split into fields (RFC 4180 quoting: "a,b" and "say ""hi"""), with the
 * 1-based column where each field starts, for error positions. Unquoted fields are trimmed.
 * Quoted fields cannot span lines here: trace rows are one line each.
 */

export interface CsvFields {
  readonly values: string[];
  readonly cols: number[];
}

/** The fields of `line`, or an error message naming the column where it went wrong. */
export function splitCsvLine(line: string): CsvFields | { error: string; col: number } {
  const values: string[] = [];
  const cols: number[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    cols.push(i + 1);
    if (line[i] === '"') {
      const open = i;
      let value = '';
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) return { error: 'a quoted field is not closed on this line', col: open + 1 };
        value += line.slice(i, close);
        if (line[close + 1] === '"') {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      while (line[i] === ' ' || line[i] === '\t') i++;
      if (i < line.length && line[i] !== ',') return { error: 'unexpected text after a quoted field', col: i + 1 };
      values.push(value);
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      values.push(line.slice(i, end).trim());
      i = end;
    }
    if (i >= line.length) return { values, cols };
    i++; // past the comma
  }
}
