import { describe, expect, it } from 'vitest';
import { phonesFromClientPageText } from './client-page.js';

describe('phonesFromClientPageText', () => {
  it.each([
    [
      'a Neo-like table',
      '<table><tr><th>Mobile No:</th><td>(415) 555-0188</td></tr><tr><th>Home No:</th><td>415-555-0199</td></tr></table>',
      { mobile: '(415) 555-0188', home: '415-555-0199', preferred: '(415) 555-0188' },
    ],
    ['home only', '<dl><dt>Home No:</dt><dd>+1 415 555 0123</dd><dt>Email:</dt><dd>a@b.example</dd></dl>', { home: '+1 415 555 0123', preferred: '+1 415 555 0123' }],
    ['work only, plain text', 'Name: Tom Baker\nWork No: 415.555.0144\nAddress: 1 Main St', { work: '415.555.0144', preferred: '415.555.0144' }],
    ['international mobile', '<span>Mobile No:</span> <span>+44 20 7946 0958</span>', { mobile: '+44 20 7946 0958', preferred: '+44 20 7946 0958' }],
    ['empty labels', '<th>Mobile No:</th><td></td><th>Home No:</th><td>-</td>', {}],
    ['too short to be a phone', 'Mobile No: 12-34', {}],
  ])('%s', (_label, page, expected) => {
    expect(phonesFromClientPageText(page)).toEqual(expected);
  });

  it('prefers mobile over home over work', () => {
    const page = 'Work No: 415 555 0100 Home No: 415 555 0111 Mobile No: 415 555 0122';
    expect(phonesFromClientPageText(page).preferred).toBe('415 555 0122');
  });
});
