import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '@vfc/shared';
import { registerBackground } from '../lib/background-handler';
import { lastNeoOriginItem } from '../lib/settings';
import { scriptedFetch } from '../test-support/test-fetch';
import { FollowUpsPanel } from './FollowUpsPanel';
import { TEST_CLINIC, testCall, withBackground } from '../test-support/test-server';

// 10:00 on Tue 24 Nov 2026 in New York (the test clinic's zone).
const now = () => new Date('2026-11-24T15:00:00.000Z');

const urgent = testCall({
  callId: 'u1',
  status: 'completed',
  petName: 'Bella',
  ownerName: 'Jane Doe',
  scheduledFor: '2026-11-22T15:00:00.000Z',
  attention: 'urgent',
  attentionReasons: ['concern_urgent', 'callback_requested'],
  outcome: {
    summary: 'Bella has been vomiting since yesterday.',
    transcript: [
      { role: 'agent', text: 'Hello, this is Happy Paws calling about Bella.' },
      { role: 'owner', text: 'She has been vomiting since yesterday.' },
    ],
    recordingUrl: 'https://recordings.example/u1.wav',
  },
});
const review = testCall({
  callId: 'r1',
  status: 'failed',
  petName: 'Milo',
  ownerName: 'Tom Baker',
  scheduledFor: '2026-11-24T14:00:00.000Z',
  attention: 'review',
  attentionReasons: ['unreachable'],
});
const calm = testCall({ callId: 'n1', status: 'completed', petName: 'Rex', scheduledFor: '2026-11-24T14:30:00.000Z' });

afterEach(() => {
  vi.useRealTimers();
});

function listRoute(pages: Record<string, { items: Call[]; nextCursor?: string }>) {
  return (r: { url: string; method: string }) => {
    if (r.method !== 'GET' || !r.url.includes('/calls?') || r.url.includes('resolved=false&limit=100')) return undefined;
    const cursor = new URL(r.url).searchParams.get('cursor') ?? '';
    return { status: 200, body: pages[cursor] ?? { items: [] } };
  };
}

const clinicRoute = (r: { url: string }) => (r.url.endsWith('/clinic') ? { status: 200, body: TEST_CLINIC } : undefined);
const badgeRoute = (r: { url: string }) => (r.url.includes('resolved=false&limit=100') ? { status: 200, body: { items: [] } } : undefined);

describe('FollowUpsPanel', () => {
  it('lists the last 7 days that need attention, urgent first, with reasons in plain words and clinic times', async () => {
    const server = await withBackground(clinicRoute, badgeRoute, listRoute({ '': { items: [review, urgent] } }));
    render(<FollowUpsPanel now={now} />);
    const list = await screen.findByRole('list', { name: 'Follow-up calls' });
    const rows = within(list).getAllByRole('listitem').filter((li) => li.dataset['callId']);
    expect(rows.map((row) => row.dataset['callId'])).toEqual(['u1', 'r1']);
    expect(rows[0]!.textContent).toContain('Urgent');
    expect(within(rows[0]!).getByRole('list', { name: 'Reasons' }).textContent).toBe('Urgent concernWants a call back');
    expect(rows[0]!.textContent).toContain('Sun 22 Nov 2026, 10:00:00 EST');
    expect(rows[0]!.textContent).toContain('Bella has been vomiting since yesterday.');
    expect(within(rows[1]!).getByTestId('followup-status').textContent).toBe('Failed');
    expect(screen.getByText(/Connected to/).textContent).toBe('Connected to Happy Paws (America/New_York (EST)) · Demo mode');
    expect(server.requests.find((r) => r.url.includes('/calls?'))?.url).toBe(
      'https://api.test/calls?from=2026-11-18T05%3A00%3A00.000Z&to=2026-11-25T05%3A00%3A00.000Z&attention=urgent%2Creview',
    );
  });

  it('filters and changes the period: today, failed, all, a chosen range', async () => {
    const server = await withBackground(clinicRoute, badgeRoute, listRoute({ '': { items: [calm] } }));
    render(<FollowUpsPanel now={now} />);
    await screen.findByText('Rex');
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'today' } });
    fireEvent.click(screen.getByRole('button', { name: 'Failed' }));
    await waitFor(() => expect(server.requests.at(-1)?.url).toContain('status=failed'));
    expect(server.requests.at(-1)?.url).toBe('https://api.test/calls?from=2026-11-24T05%3A00%3A00.000Z&to=2026-11-25T05%3A00%3A00.000Z&status=failed');
    expect(screen.getByRole('button', { name: 'Failed' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'All' }));
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'range' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    await waitFor(() =>
      expect(server.requests.at(-1)?.url).toBe('https://api.test/calls?from=2026-11-01T04%3A00%3A00.000Z&to=2026-11-25T05%3A00%3A00.000Z'),
    );
    fireEvent.change(screen.getByLabelText('to'), { target: { value: '2026-10-01' } });
    expect(await screen.findByText('Choose a first day on or before the last day.')).toBeTruthy();
  });

  it('loads more pages with the cursor and keeps the order', async () => {
    const server = await withBackground(clinicRoute, badgeRoute, listRoute({ '': { items: [review], nextCursor: 'p2' }, p2: { items: [urgent] } }));
    render(<FollowUpsPanel now={now} />);
    await screen.findByText('Milo');
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('Bella');
    expect(server.requests.at(-1)?.url).toContain('cursor=p2');
    const rows = screen.getAllByRole('listitem').filter((li) => li.dataset['callId']);
    expect(rows.map((row) => row.dataset['callId'])).toEqual(['u1', 'r1']);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('expands a call to its transcript and recording, opens its consultation on the clinic\'s Neo', async () => {
    await withBackground(clinicRoute, badgeRoute, listRoute({ '': { items: [urgent] } }));
    await lastNeoOriginItem.setValue('https://us.idexxneo.com');
    const openTab = vi.fn();
    render(<FollowUpsPanel now={now} openTab={openTab} />);
    const details = await screen.findByRole('button', { name: 'Details of the call about Bella' });
    expect(details.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('list', { name: 'Transcript' }).textContent).toBe(
      'Agent: Hello, this is Happy Paws calling about Bella.Owner: She has been vomiting since yesterday.',
    );
    const audio = document.querySelector('audio')!;
    expect(audio.getAttribute('src')).toBe('https://recordings.example/u1.wav');
    expect(audio.hasAttribute('controls')).toBe(true);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Open consultation' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Open consultation' }));
    expect(openTab).toHaveBeenCalledWith('https://us.idexxneo.com/consultations/view/310382');
  });

  it('says how to enable "Open consultation" before any Neo page was seen', async () => {
    await withBackground(clinicRoute, badgeRoute, listRoute({ '': { items: [urgent] } }));
    render(<FollowUpsPanel now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Details of the call about Bella' }));
    expect((screen.getByRole('button', { name: 'Open consultation' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Open any IDEXX Neo consultation once so the extension knows your Neo address.')).toBeTruthy();
  });

  it('resolves with a note, re-counts the badge, and reopens', async () => {
    const resolution = { resolvedAt: '2026-11-24T15:05:00.000Z', resolvedBy: 'Front desk', note: 'Vet called back.' };
    const server = await withBackground(
      clinicRoute,
      badgeRoute,
      (r) => (r.method === 'POST' ? { status: 200, body: { ...urgent, resolution } } : undefined),
      (r) => (r.method === 'DELETE' ? { status: 200, body: urgent } : undefined),
      listRoute({ '': { items: [urgent] } }),
    );
    render(<FollowUpsPanel now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Details of the call about Bella' }));
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    const note = screen.getByLabelText('Note (optional)');
    expect(document.activeElement).toBe(note);
    fireEvent.change(note, { target: { value: 'Vet called back.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark resolved' }));
    expect((await screen.findByTestId('followup-resolution')).textContent).toBe(
      'Resolved by Front desk on Tue 24 Nov 2026, 10:05:00 EST: Vet called back.',
    );
    expect(server.requests.find((r) => r.method === 'POST')).toMatchObject({ url: 'https://api.test/calls/u1/resolve', body: { note: 'Vet called back.' } });
    await waitFor(() => expect(server.requests.filter((r) => r.url.includes('resolved=false&limit=100'))).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Reopen' }));
    await waitFor(() => expect(screen.queryByTestId('followup-resolution')).toBeNull());
    expect(server.requests.find((r) => r.method === 'DELETE')?.url).toBe('https://api.test/calls/u1/resolve');
    expect(screen.getByRole('button', { name: 'Resolve' })).toBeTruthy();
  });

  it('closes the note with Esc and gives the focus back to Resolve', async () => {
    await withBackground(clinicRoute, badgeRoute, listRoute({ '': { items: [urgent] } }));
    render(<FollowUpsPanel now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Details of the call about Bella' }));
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    fireEvent.keyDown(screen.getByLabelText('Note (optional)'), { key: 'Escape' });
    expect(screen.queryByLabelText('Note (optional)')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Resolve' })));
  });

  it('shows a refusal to resolve, and no Resolve on a call that is not final', async () => {
    await withBackground(
      clinicRoute,
      badgeRoute,
      (r) => (r.method === 'POST' ? { status: 409, body: { error: 'conflict', message: 'Only a finished call can be resolved.' } } : undefined),
      listRoute({ '': { items: [urgent, { ...review, callId: 'live', petName: 'Luna', status: 'in_progress', attention: 'review' as const }] } }),
    );
    render(<FollowUpsPanel now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Details of the call about Luna' }));
    expect(screen.queryByRole('button', { name: 'Resolve' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Details of the call about Bella' }));
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    fireEvent.click(screen.getByRole('button', { name: 'Mark resolved' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Only a finished call can be resolved.');
  });

  it('explains a failed read and reads again on "Try again"', async () => {
    let fail = true;
    await withBackground(clinicRoute, badgeRoute, (r) =>
      r.url.includes('/calls?') ? (fail ? { status: 500, body: { error: 'internal', message: 'The API failed.' } } : { status: 200, body: { items: [calm] } }) : undefined,
    );
    render(<FollowUpsPanel now={now} />);
    expect((await screen.findByTestId('followups-error')).textContent).toContain('The API failed.');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('Rex');
    expect(screen.queryByTestId('followups-error')).toBeNull();
  });

  it('explains a missing connection', async () => {
    registerBackground({ fetch: scriptedFetch().fetch });
    render(<FollowUpsPanel now={now} />);
    expect((await screen.findByTestId('followups-connection-error')).textContent).toBe('Set the API URL and token in the extension options first.');
  });
});
