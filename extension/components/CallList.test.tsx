import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { backgroundApi } from '../lib/messages';
import { CallList } from './CallList';
import { testCall, withBackground } from '../test-support/test-server';

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
    expect(screen.queryByRole('button', { name: /^Cancel / })).toBeNull();
  });

  it('says which calls need a person and why, in plain words', async () => {
    await withBackground();
    render(
      <CallList
        timeZone="UTC"
        api={backgroundApi}
        onChanged={vi.fn()}
        calls={[
          testCall({ callId: 'u', status: 'completed', attention: 'urgent', attentionReasons: ['concern_urgent', 'callback_requested'] }),
          testCall({ callId: 'n', status: 'completed' }),
        ]}
      />,
    );
    expect(screen.getAllByTestId('call-attention').map((el) => el.textContent)).toEqual(['Urgent Urgent concern · Wants a call back']);
  });

  it('cancels a scheduled call through the API and reports a refusal', async () => {
    const server = await withBackground((r) =>
      r.method === 'DELETE' ? { status: 409, body: { error: 'conflict', message: 'The call is already dialing' } } : undefined,
    );
    const onChanged = vi.fn();
    render(<CallList timeZone="UTC" api={backgroundApi} onChanged={onChanged} calls={[testCall()]} />);
    // Named for the call, and it asks first.
    fireEvent.click(screen.getByRole('button', { name: "Cancel Bella's call at Tue 24 Nov 2026, 15:00:00 UTC" }));
    expect(server.requests).toHaveLength(0);
    expect(screen.getByRole('group', { name: /^Cancel Bella's call at .*\?$/ })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep the call' })));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel the call' }));
    expect(screen.getByRole('button', { name: /^Cancelling Bella's call/ })).toBeTruthy();
    await screen.findByText('The call is already dialing');
    expect(server.requests[0]).toMatchObject({ method: 'DELETE', url: 'https://api.test/calls/call-1' });
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('reschedules inline in clinic time and shows the server\'s reason when it moved the slot', async () => {
    const moved = testCall({
      scheduledFor: '2026-11-25T13:00:00.000Z',
      requestedFor: '2026-11-25T03:00:00.000Z',
      statusReason: 'Moved to the next time inside the calling hours',
    });
    const server = await withBackground((r) => (r.method === 'PATCH' ? { status: 200, body: moved } : undefined));
    const onChanged = vi.fn();
    const now = () => new Date('2026-11-24T14:30:00Z');
    render(<CallList timeZone="America/New_York" api={backgroundApi} onChanged={onChanged} calls={[testCall()]} now={now} />);
    fireEvent.click(screen.getByRole('button', { name: /^Reschedule Bella's call at / }));
    const field = screen.getByLabelText(/New time \(clinic time, America\/New_York \(EST\)\)/) as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    expect(field.value).toMatch(/^2026-11-24T10:00(:00)?$/); // the current time, clinic-local
    fireEvent.click(screen.getByRole('button', { name: 'Tomorrow 10:00' }));
    fireEvent.change(field, { target: { value: '2026-11-24T22:00:05' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save new time' }));
    expect((screen.getByRole('button', { name: 'Rescheduling…' }) as HTMLButtonElement).disabled).toBe(true);
    const notice = await screen.findByTestId('reschedule-notice');
    expect(notice.textContent).toBe(
      'Rescheduled for Wed 25 Nov 2026, 08:00:00 EST. Moved from Tue 24 Nov 2026, 22:00:00 EST: Moved to the next time inside the calling hours',
    );
    expect(server.requests[0]).toMatchObject({
      method: 'PATCH',
      url: 'https://api.test/calls/call-1',
      body: { scheduledFor: '2026-11-25T03:00:05.000Z' },
    });
    expect(onChanged).toHaveBeenCalled();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('checks the time before sending, shows the per-number cap refusal in clinic time, and Esc closes', async () => {
    const server = await withBackground((r) =>
      r.method === 'PATCH'
        ? {
            status: 409,
            body: {
              error: 'number_cap_reached',
              message: 'This number has already had 3 automated calls in the last 30 days (limit 3, FCC 20-186); the next call is possible from 2026-12-24T15:00:00.000Z',
              freesAt: '2026-12-24T15:00:00.000Z',
            },
          }
        : undefined,
    );
    const now = () => new Date('2026-11-24T14:30:00Z');
    render(<CallList timeZone="America/New_York" api={backgroundApi} onChanged={vi.fn()} calls={[testCall()]} now={now} />);
    fireEvent.click(screen.getByRole('button', { name: /^Reschedule Bella's call at / }));
    const field = screen.getByLabelText(/New time/);
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save new time' }));
    expect(screen.getByText('New time: is required')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(server.requests).toHaveLength(0);

    fireEvent.change(field, { target: { value: '2026-11-26T11:00:05' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save new time' }));
    const error = await screen.findByTestId('reschedule-error');
    expect(error.textContent).toBe(
      'This number has already had 3 automated calls in the last 30 days (limit 3, FCC 20-186); the next call is possible from Thu 24 Dec 2026, 10:00:00 EST',
    );
    fireEvent.keyDown(screen.getByLabelText(/New time/), { key: 'Escape' });
    expect(screen.queryByLabelText(/New time/)).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Reschedule Bella's call at / })));
  });

  it('shows opt-outs and do-not-call cancellations, and no Reschedule on calls that are not scheduled', async () => {
    await withBackground();
    render(
      <CallList
        timeZone="UTC"
        api={backgroundApi}
        onChanged={vi.fn()}
        calls={[
          testCall({ callId: 'a', status: 'completed', outcome: { summary: 'Please stop calling.', optOutRequested: true } }),
          testCall({ callId: 'b', status: 'cancelled', statusCode: 'opted_out', statusReason: "Cancelled: the number is on the clinic's do-not-call list" }),
        ]}
      />,
    );
    expect(screen.getByTestId('call-flag-opt_out_requested').textContent).toMatch(/Asked not to be called/);
    expect(screen.getByTestId('call-flag-do_not_call').textContent).toMatch(/Do-not-call list/);
    expect(screen.queryByRole('button', { name: /^Reschedule Bella's call at / })).toBeNull();
  });
});
