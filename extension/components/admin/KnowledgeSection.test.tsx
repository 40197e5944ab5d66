import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { KnowledgeSource, ListKnowledgeResponse } from '@vfc/shared';
import type { VisibilitySource } from '../../lib/poller';
import { TEST_CLINIC, withAdminBackground } from '../../test-support/test-server';
import type { RecordedRequest } from '../../test-support/test-fetch';
import { TEST_SETTINGS } from './admin-fixtures';
import { KnowledgeSection } from './KnowledgeSection';

const source = (overrides: Partial<KnowledgeSource>): KnowledgeSource => ({
  sourceId: 's1',
  kind: 'text',
  title: 'Rechecks',
  status: 'ready',
  updatedAt: '2026-11-24T15:00:00.000Z',
  ...overrides,
});
const FACTS = source({ sourceId: 'facts', kind: 'clinic_facts', title: 'Clinic facts' });
const READY: ListKnowledgeResponse = {
  items: [
    FACTS,
    source({ sourceId: 's1', title: 'Rechecks' }),
    source({ sourceId: 's2', kind: 'file', title: 'broken-corrupt.pdf', status: 'error', error: 'The file could not be parsed.' }),
  ],
  knowledgeBaseId: 'knowledge_base_1',
  syncedAt: '2026-11-24T15:00:00.000Z',
};

type Answer = { status: number; body?: unknown } | undefined;

/** The admin API: the knowledge routes answer through `knowledge(req)` (list by default), plus the clinic and its settings. */
function routes(list: ListKnowledgeResponse, knowledge: (req: RecordedRequest) => Answer = () => undefined) {
  return withAdminBackground((r) => {
    if (r.url.includes('/clinic/knowledge')) return knowledge(r) ?? (r.method === 'GET' ? { status: 200, body: list } : undefined);
    if (r.url.endsWith('/clinic/settings')) return { status: 200, body: TEST_SETTINGS };
    if (r.url.endsWith('/clinic')) return { status: 200, body: { ...TEST_CLINIC, role: 'admin' } };
    return undefined;
  });
}

/** A page visibility the test controls (starts hidden, so the poller reads nothing until the test shows the page). */
function pageVisibility(initial: DocumentVisibilityState = 'hidden') {
  const target = new EventTarget();
  const page = Object.assign(target, { visibilityState: initial });
  return {
    visibility: page as unknown as VisibilitySource,
    show() {
      page.visibilityState = 'visible';
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

const knowledgeRequests = (server: { requests: RecordedRequest[] }, method: string, suffix = '/clinic/knowledge') =>
  server.requests.filter((r) => r.method === method && r.url.endsWith(suffix));
const rowOf = (title: string) => screen.getByText(title).closest('li') as HTMLElement;

describe('KnowledgeSection', () => {
  it('lists the sources with status badges and the provider message, the base id and the last sync in clinic time', async () => {
    await routes(READY);
    render(<KnowledgeSection visibility={pageVisibility().visibility} />);
    await screen.findByTestId('knowledge-sources');
    expect([...screen.getAllByTestId('knowledge-status')].map((badge) => badge.textContent)).toEqual(['Ready', 'Ready', 'Error']);
    expect(within(rowOf('broken-corrupt.pdf')).getByText('The provider said: The file could not be parsed.')).toBeTruthy();
    const summary = screen.getByTestId('knowledge-summary');
    expect([...summary.querySelectorAll('dd')].map((dd) => dd.textContent)).toEqual([
      'knowledge_base_1',
      'Tue 24 Nov 2026, 10:00:00 EST (clinic time, America/New_York)',
    ]);
  });

  it('previews the clinic facts generated from the clinic, with the facts source status', async () => {
    await routes(READY);
    render(<KnowledgeSection visibility={pageVisibility().visibility} />);
    const facts = await screen.findByTestId('knowledge-facts');
    expect([facts.querySelector('pre')?.textContent?.startsWith('The clinic is Happy Paws.'), within(facts).getByText('Clinic facts: Ready') !== null]).toEqual([
      true,
      true,
    ]);
  });

  it('offers no Remove on the generated clinic facts', async () => {
    await routes(READY);
    render(<KnowledgeSection visibility={pageVisibility().visibility} />);
    await screen.findByTestId('knowledge-sources');
    expect(within(rowOf('Clinic facts')).queryByRole('button')).toBeNull();
  });

  it('adds a text: posts the trimmed title and text, shows the new source as waiting to sync and empties the form', async () => {
    const added = source({ sourceId: 's9', title: 'Saturday hours', status: 'pending' });
    const server = await routes(READY, (r) => (r.method === 'POST' && r.url.endsWith('/clinic/knowledge') ? { status: 201, body: added } : undefined));
    render(<KnowledgeSection visibility={pageVisibility().visibility} />);
    fireEvent.change(await screen.findByLabelText(/^Title/), { target: { value: ' Saturday hours ' } });
    fireEvent.change(screen.getByLabelText(/^Text/), { target: { value: 'Open 9–12 on Saturdays.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add text' }));
    await screen.findByText('Saturday hours');
    expect([
      knowledgeRequests(server, 'POST').map((r) => r.body),
      within(rowOf('Saturday hours')).getByTestId('knowledge-status').textContent,
      (screen.getByLabelText(/^Title/) as HTMLInputElement).value,
    ]).toEqual([[{ kind: 'text', title: 'Saturday hours', text: 'Open 9–12 on Saturdays.' }], 'Waiting to sync', '']);
  });

  it('shows a title over 120 characters beside the title field and sends nothing', async () => {
    const server = await routes(READY);
    render(<KnowledgeSection visibility={pageVisibility().visibility} />);
    fireEvent.change(await screen.findByLabelText(/^Title/), { target: { value: 'x'.repeat(121) } });
    fireEvent.change(screen.getByLabelText(/^Text/), { target: { value: 'Some text' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add text' }));
    const title = screen.getByLabelText(/^Title/);
    const error = document.getElementById('vfc-knowledge-title-error');
    expect([title.getAttribute('aria-invalid'), error?.textContent, knowledgeRequests(server, 'POST').length]).toEqual([
      'true',
      'Title: must be at most 120 characters',
      0,
    ]);
  });

  it('shows a 409 past 50 sources as an alert under the text form', async () => {
    const message = 'A clinic may have at most 50 knowledge sources; remove one first.';
    await routes(READY, (r) => (r.method === 'POST' ? { status: 409, body: { error: 'too_many_sources', message } } : undefined));
    render(<KnowledgeSection visibility={pageVisibility().visibility} />);
    fireEvent.change(await screen.findByLabelText(/^Title/), { target: { value: 'One more' } });
    fireEvent.change(screen.getByLabelText(/^Text/), { target: { value: 'Text' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add text' }));
    expect((await screen.findByTestId('knowledge-text-failure')).textContent).toBe(message);
  });

  it('refuses a plain http page address beside the address field and sends nothing', async () => {
    const server = await routes(READY);
    render(<KnowledgeSection visibility={pageVisibility().visibility} />);
    fireEvent.change(await screen.findByLabelText(/^Page address/), { target: { value: 'http://clinic.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add page' }));
    expect([document.getElementById('vfc-knowledge-url-error')?.textContent, knowledgeRequests(server, 'POST').length]).toEqual([
      'Page address: must be an https:// address of a public web page',
      0,
    ]);
  });

  it('a document dropped on the drop zone is uploaded to the presigned URL and added by its upload id', async () => {
    const upload = { uploadId: 'u1', url: 'https://bucket.test/uploads/c1/u1?sig=1', headers: { 'content-type': 'application/pdf', 'content-length': '4' }, expiresAt: '2026-11-24T15:15:00.000Z' };
    const added = source({ sourceId: 's7', kind: 'file', title: 'aftercare.pdf', status: 'pending' });
    const server = await routes(READY, (r) => {
      if (r.method === 'POST' && r.url.endsWith('/clinic/knowledge/uploads')) return { status: 201, body: upload };
      if (r.method === 'POST' && r.url.endsWith('/clinic/knowledge')) return { status: 201, body: added };
      return undefined;
    });
    const puts: string[] = [];
    const fetchFn = async (url: string, init?: RequestInit) => {
      puts.push(`${init?.method} ${url}`);
      return new Response(null, { status: 200 });
    };
    render(<KnowledgeSection visibility={pageVisibility().visibility} fetchFn={fetchFn} />);
    const file = new File(['%PDF'], 'aftercare.pdf', { type: 'application/pdf' });
    fireEvent.drop(await screen.findByTestId('knowledge-dropzone'), { dataTransfer: { files: [file] } });
    await screen.findByText('aftercare.pdf');
    expect([knowledgeRequests(server, 'POST', '/uploads').map((r) => r.body), puts, knowledgeRequests(server, 'POST').map((r) => r.body)]).toEqual([
      [{ fileName: 'aftercare.pdf', contentType: 'application/pdf', bytes: 4 }],
      ['PUT https://bucket.test/uploads/c1/u1?sig=1'],
      [{ kind: 'file', uploadId: 'u1' }],
    ]);
  });

  it('shows a 413 from the upload request beside the document field', async () => {
    const message = 'The document is larger than 5 MB.';
    await routes(READY, (r) => (r.url.endsWith('/uploads') ? { status: 413, body: { error: 'payload_too_large', message } } : undefined));
    render(<KnowledgeSection visibility={pageVisibility().visibility} fetchFn={async () => new Response(null)} />);
    const input = await screen.findByLabelText('Document');
    fireEvent.change(input, { target: { files: [new File(['hello'], 'notes.txt', { type: 'text/plain' })] } });
    await waitFor(() => expect(document.getElementById('vfc-knowledge-file-error')?.textContent).toBe(message));
  });

  it('refuses an image file beside the document field without asking for an upload', async () => {
    const server = await routes(READY);
    render(<KnowledgeSection visibility={pageVisibility().visibility} />);
    fireEvent.change(await screen.findByLabelText('Document'), { target: { files: [new File(['x'], 'photo.png', { type: 'image/png' })] } });
    expect([document.getElementById('vfc-knowledge-file-error')?.textContent, knowledgeRequests(server, 'POST', '/uploads').length]).toEqual([
      'Choose a PDF, plain text (.txt), Markdown (.md) or Word (.docx) document.',
      0,
    ]);
  });

  it('removes a source only after the confirmation, with a DELETE of its id', async () => {
    const server = await routes(READY, (r) => (r.method === 'DELETE' ? { status: 204 } : undefined));
    render(<KnowledgeSection visibility={pageVisibility().visibility} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Rechecks' }));
    expect(server.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(screen.queryByText('Rechecks')).toBeNull());
    expect(server.requests.filter((r) => r.method === 'DELETE').map((r) => r.url)).toEqual(['https://api.test/clinic/knowledge/s1']);
  });

  it('Cancel on the confirmation keeps the source and sends no DELETE', async () => {
    const server = await routes(READY);
    render(<KnowledgeSection visibility={pageVisibility().visibility} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Rechecks' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect([screen.getByRole('button', { name: 'Remove Rechecks' }) !== null, server.requests.filter((r) => r.method === 'DELETE').length]).toEqual([true, 0]);
  });

  it('Sync now posts a sync, says "Syncing…" while it waits, and shows the list it answers', async () => {
    const after: ListKnowledgeResponse = { ...READY, items: READY.items.map((item) => ({ ...item, status: 'ready' as const, error: undefined })) };
    const server = await routes(READY, (r) => (r.url.endsWith('/sync') ? { status: 200, body: after } : undefined));
    render(<KnowledgeSection visibility={pageVisibility().visibility} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sync now' }));
    expect((screen.getByRole('button', { name: 'Syncing…' }) as HTMLButtonElement).disabled).toBe(true);
    await screen.findByRole('button', { name: 'Sync now' });
    expect([knowledgeRequests(server, 'POST', '/sync').length, [...screen.getAllByTestId('knowledge-status')].map((b) => b.textContent)]).toEqual([
      1,
      ['Ready', 'Ready', 'Ready'],
    ]);
  });

  it('while a source is syncing, reads the list again only once the page is visible, until it is ready', async () => {
    let reads = 0;
    const syncing: ListKnowledgeResponse = { items: [source({ status: 'syncing' })] };
    const server = await routes(syncing, (r) => {
      if (r.method !== 'GET') return undefined;
      reads += 1;
      return { status: 200, body: reads === 1 ? syncing : { items: [source({ status: 'ready' })] } };
    });
    const page = pageVisibility('hidden');
    render(<KnowledgeSection visibility={page.visibility} />);
    await screen.findByText('Syncing');
    expect(knowledgeRequests(server, 'GET').length).toBe(1);
    page.show();
    await screen.findByText('Ready');
    expect(knowledgeRequests(server, 'GET').length).toBe(2);
  });
});
