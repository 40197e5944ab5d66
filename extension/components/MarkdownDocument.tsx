import type { ReactNode } from 'react';

/** Inline `code` spans and **bold** of one line of Markdown. */
function inline(text: string): ReactNode[] {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/).map((part, i) =>
    part.startsWith('`') ? <code key={i}>{part.slice(1, -1)}</code> : part.startsWith('**') ? <strong key={i}>{part.slice(2, -2)}</strong> : part,
  );
}

/**
 * Renders the small Markdown subset of the project's own policy texts (docs/privacy.md): `#`/`##` headings, `- `
 * lists (continuation lines indented), paragraphs, `code` and **bold**. Not a general Markdown renderer.
 */
export function MarkdownDocument(props: { text: string }) {
  const blocks = props.text.trim().split(/\n\s*\n/);
  return (
    <>
      {blocks.map((block, i) => {
        if (block.startsWith('## ')) return <h2 key={i}>{inline(block.slice(3))}</h2>;
        if (block.startsWith('# ')) return <h1 key={i}>{inline(block.slice(2))}</h1>;
        if (block.startsWith('- ')) {
          const items = block.split(/\n(?=- )/).map((item) => item.slice(2).replace(/\n\s+/g, ' '));
          return (
            <ul key={i}>
              {items.map((item, j) => (
                <li key={j}>{inline(item)}</li>
              ))}
            </ul>
          );
        }
        return <p key={i}>{inline(block.replace(/\n/g, ' '))}</p>;
      })}
    </>
  );
}
