import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { draftStore } from '../lib/draft-store';
import { backgroundApi } from '../lib/messages';
import { ScheduleCallDialog } from './ScheduleCallDialog';
import { dialogValues } from '../test-support/dialog-values';
import { TEST_CLINIC, testCall, withBackground } from '../test-support/test-server';

const initial = dialogValues();
const now = () => new Date('2026-11-24T14:30:00Z'); // 09:30 in New York

function renderDialog(overrides: { onClose?: () => void; onScheduled?: () => void } = {}) {
  const onClose = overrides.onClose ?? vi.fn();
  const onScheduled = overrides.onScheduled ?? vi.fn();
  render(<ScheduleCallDialog clinic={TEST_CLINIC} initial={initial} api={backgroundApi} onClose={onClose} onScheduled={onScheduled} now={now} />);
  return { onClose, onScheduled };
}

describe('ScheduleCallDialog', () => {
  it('is a labelled modal dialog with every field pre-filled and the clinic zone shown', async () => {
    await withBackground();
    renderDialog();
    const dialog = screen.getByRole('dialog', { name: 'Schedule a follow-up call' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect((screen.getByLabelText(/Owner name/) as HTMLInputElement).value).toBe('Jane Doe');
    expect((screen.getByLabelText(/Owner phone/) as HTMLInputElement).value).toBe('(415) 555-0123');
    expect((screen.getByLabelText(/Discharge summary/) as HTMLTextAreaElement).value).toBe('Soft food for 3 days.');
    expect(screen.getByLabelText(/Call at \(clinic time, America\/New_York \(EST\)\)/).getAttribute('step')).toBe('60');
    expect(screen.getByText(/Demo mode/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/Owner name/));
  });

  it('validates with the shared schema before sending anything', async () => {
    const server = await withBackground();
    renderDialog();
    fireEvent.change(screen.getByLabelText(/Owner phone/), { target: { value: '555' } });
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    await screen.findByText(/Owner phone: "555" is not a valid phone number/);
    expect(screen.getByText('Call at: is required')).toBeTruthy();
    expect(screen.getByLabelText(/Owner phone/).getAttribute('aria-invalid')).toBe('true');
    expect(server.requests).toHaveLength(0);
  });

  it('quick choice "Tomorrow 10:00" is clinic-local and is sent as UTC with an idempotency key', async () => {
    const server = await withBackground((r) => (r.method === 'POST' ? { status: 201, body: testCall() } : undefined));
    const { onScheduled } = renderDialog();
    fireEvent.click(screen.getByRole('button', { name: 'Tomorrow 10:00' }));
    // The browser shows 10:00:00 as "10:00" (a datetime-local value drops zero seconds).
    expect((screen.getByLabelText(/Call at/) as HTMLInputElement).value).toMatch(/^2026-11-25T10:00(:00)?$/);
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    await waitFor(() => expect(onScheduled).toHaveBeenCalled());
    expect(server.requests[0]?.body).toMatchObject({ scheduledFor: '2026-11-25T15:00:00.000Z', phoneNumber: '+14155550123' });
    expect(server.requests[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows "Scheduling…" while waiting, maps the server\'s 400 issues to fields, and reuses the key on retry', async () => {
    const server = await withBackground((r) =>
      r.method === 'POST'
        ? { status: 400, body: { error: 'validation_error', message: 'Invalid request', issues: [{ path: 'phoneNumber', message: 'this number opted out of calls' }] } }
        : undefined,
    );
    renderDialog();
    fireEvent.change(screen.getByLabelText(/Call at/), { target: { value: '2026-11-25T11:00:05' } });
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    expect((screen.getByRole('button', { name: 'Scheduling…' }) as HTMLButtonElement).disabled).toBe(true);
    await screen.findByText('Owner phone: this number opted out of calls');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('Invalid request');
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    await waitFor(() => expect(server.requests).toHaveLength(2));
    expect(server.requests[1]?.headers['idempotency-key']).toBe(server.requests[0]?.headers['idempotency-key']);
  });

  it('Esc closes and the unsent draft stays in session storage', async () => {
    await withBackground();
    const { onClose } = renderDialog();
    fireEvent.change(screen.getByLabelText(/Notes for the call/), { target: { value: 'Ask about appetite' } });
    fireEvent.keyDown(screen.getByLabelText(/Notes for the call/), { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
    await waitFor(async () => expect((await draftStore.load('310382'))?.['notes']).toBe('Ask about appetite'));
  });

  it('opens as a native modal dialog (inert page, Esc) and refuses a time the clocks skip', async () => {
    const server = await withBackground();
    render(
      <ScheduleCallDialog
        clinic={{ ...TEST_CLINIC, timezone: 'America/Los_Angeles' }}
        initial={{ ...initial, scheduledForLocal: '2027-03-14T02:30' }}
        api={backgroundApi}
        onClose={vi.fn()}
        onScheduled={vi.fn()}
        now={now}
      />,
    );
    const dialog = screen.getByRole('dialog') as HTMLDialogElement;
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.open).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    await screen.findByText(/Call at: does not exist in America\/Los_Angeles/);
    expect(screen.getByLabelText(/Call at/).getAttribute('aria-describedby')).toBe('vfc-scheduledFor-error');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a past time and announces what could not be read from Neo on the phone field', async () => {
    await withBackground();
    render(
      <ScheduleCallDialog
        clinic={TEST_CLINIC}
        initial={{ ...initial, phoneNumber: '', scheduledForLocal: '2026-11-24T09:00' }}
        api={backgroundApi}
        warning="No phone number found for this client. Enter the owner phone by hand."
        onClose={vi.fn()}
        onScheduled={vi.fn()}
        now={now}
      />,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/No phone number found/);
    expect(screen.getByLabelText(/Owner phone/).getAttribute('aria-describedby')).toBe('vfc-read-warning');
    expect(screen.getByLabelText(/Call at/).getAttribute('min')).toBe('2026-11-24T09:30');
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    await screen.findByText('Call at: is in the past. Choose a later time.');
  });
});
