import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { stringify } from 'csv-stringify/sync';

/**
 * A CSV download: RFC 4180 (comma, double-quote escaping, CRLF line ends), UTF-8, a header row, by csv-stringify.
 * A cell starting with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` (csv-stringify's
 * `escape_formulas`), so a spreadsheet shows it as text instead of running it as a formula (OWASP "CSV Injection").
 */
export function csv(filename: string, header: readonly string[], rows: readonly (readonly string[])[]): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
    body: stringify([[...header], ...rows.map((row) => [...row])], { record_delimiter: 'windows', escape_formulas: true }),
  };
}
