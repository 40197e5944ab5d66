import { htmlToText } from './html-text.js';

/**
 * Phone numbers on a Neo client (owner) page, `/clients/view/<id>`, read by their labels.
 * Source: docs/idexx-neo.md — labels "Mobile No:", "Home No:", "Work No:"; prefer mobile, then
 * home, then work. Values are as typed into Neo (not normalised; the backend normalises to E.164).
 */
export interface ClientPagePhones {
  mobile?: string;
  home?: string;
  work?: string;
  /** The first of mobile, home, work that is present. */
  preferred?: string;
}

const LABELS = { mobile: 'Mobile', home: 'Home', work: 'Work' } as const;

/** A phone-looking run after the label: optional `+`, digits, spaces, dots, dashes, parentheses; 7+ digits. */
function valueAfterLabel(text: string, label: string): string | undefined {
  const match = new RegExp(`\\b${label}\\s*(?:No\\.?|Number|Phone)\\s*:\\s*(\\+?[\\d\\s().-]{6,30}\\d)`, 'i').exec(text);
  const value = match?.[1]?.replace(/\s+/g, ' ').trim();
  if (!value) return undefined;
  const digits = value.replace(/\D/g, '');
  return digits.length >= 7 ? value : undefined;
}

/**
 * Reads the labelled phone numbers of a client page.
 * @param text - the page's HTML or its text content (tags are stripped first).
 */
export function phonesFromClientPageText(text: string): ClientPagePhones {
  const plain = htmlToText(text);
  const phones: ClientPagePhones = {};
  for (const [kind, label] of Object.entries(LABELS) as [keyof typeof LABELS, string][]) {
    const value = valueAfterLabel(plain, label);
    if (value) phones[kind] = value;
  }
  const preferred = phones.mobile ?? phones.home ?? phones.work;
  if (preferred) phones.preferred = preferred;
  return phones;
}
