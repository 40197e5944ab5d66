import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { backgroundApi } from '../lib/messages';
import { CallList } from './CallList';
import { testCall, withBackground } from './test-server';

describe('CallList', () => {
  it('shows times in the clinic zone, outcomes, and reasons of failed calls', async () => {
    await withBackground();
    render(
      <CallList
        timeZone="America/Los_Angeles"
        api={backgroundApi}
        onChanged={vi.fn()}
        calls={[
          testCall({ callId: 'a', status: 'completed', outcome: { summary: 'All good.', sentiment: 'Positive', inVoicemail: false } }),
          testCall({ callId: 'b', status: 'failed', attempt: 3, statusReason: 'No answer after 3 attempts' }),
        ]}
      />,
    );
    expect(screen.getAllByText(/Tue 24 Nov 2026, 07:00:00 PST/)).toHaveLength(2);
    expect(screen.getByText('All good.')).toBeTruthy();
    expect(screen.getByText(/Sentiment: Positive/)).toBeTruthy();
    expect(screen.getByText('No answer after 3 attempts')).toBeTruthy();
    expect(screen.getByText('Attempt 3')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('cancels a scheduled call through the API and reports a refusal', async () => {
    const server = await withBackground((r) =>
      r.method === 'DELETE' ? { status: 409, body: { error: 'conflict', message: 'The call is already dialing' } } : undefined,
    );
    const onChanged = vi.fn();
    render(<CallList timeZone="UTC" api={backgroundApi} onChanged={onChanged} calls={[testCall()]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Cancelling…' })).toBeTruthy();
    await screen.findByText('The call is already dialing');
    expect(server.requests[0]).toMatchObject({ method: 'DELETE', url: 'https://api.test/calls/call-1' });
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });
});
