import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import policy from '../../docs/privacy.md?raw';
import { MarkdownDocument } from './MarkdownDocument';

describe('MarkdownDocument', () => {
  it('renders the privacy policy with its headings, lists and emphasis', () => {
    render(<MarkdownDocument text={policy} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/^Privacy policy/);
    const sections = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(sections).toEqual(['What the extension reads on IDEXX Neo pages', 'What is sent where', 'What is kept in the browser', 'Retention', 'Selling and sharing', 'Contact']);
    expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(6);
    expect(screen.getByText('On every Neo page:').tagName).toBe('STRONG');
  });
});
