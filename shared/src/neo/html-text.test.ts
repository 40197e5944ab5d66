import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, htmlToText } from './html-text.js';

describe('htmlToText', () => {
  it.each([
    ['<p>Extracted 2 teeth.</p><p>Soft food for 3&nbsp;days.</p>', 'Extracted 2 teeth. Soft food for 3 days.'],
    ['Line one<br>Line two<br/>\n\n  Line three', 'Line one Line two Line three'],
    ['<ul><li>Carprofen 25&nbsp;mg</li><li>Recheck &amp; suture removal</li></ul>', 'Carprofen 25 mg Recheck & suture removal'],
    ['<div style="color:red">O&#39;Brien &#x2014; ok</div><script>alert(1)</script>', 'O\'Brien — ok'],
    ['plain text', 'plain text'],
    ['', ''],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('leaves unknown entities alone', () => {
    expect(decodeHtmlEntities('&bogus; &#0; &lt;b&gt;')).toBe('&bogus; &#0; <b>');
  });
});
