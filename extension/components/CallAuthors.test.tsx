import { render, screen } from '@testing-library/react';
import { Call } from '@vfc/shared';
import { describe, expect, it } from 'vitest';
import { CallAuthors } from './CallAuthors';

const base = Call.parse({
  callId: 'c1',
  consultationId: '310382',
  clinicId: 'clinic_demo',
  status: 'scheduled',
  scheduledFor: '2026-11-24T18:00:00.000Z',
  phoneNumber: '+14155550142',
  petName: 'Bella',
  ownerName: 'Ana Lima',
  attempt: 1,
  createdAt: '2026-11-24T17:00:00.000Z',
  updatedAt: '2026-11-24T17:00:00.000Z',
});
const jamie = { userId: 'u1', name: 'Jamie Chen' };
const alex = { userId: 'u2', name: 'Dr. Alex Rivera' };

describe('CallAuthors', () => {
  it('says who scheduled the call', () => {
    render(<CallAuthors call={{ ...base, createdBy: jamie }} timeZone="UTC" />);
    expect(screen.getByTestId('call-created-by').textContent).toBe('Scheduled by Jamie Chen');
  });

  it('lists who changed the call after its creation, with when', () => {
    const changes = [
      { at: '2026-11-24T17:00:00.000Z', action: 'created' as const, by: jamie },
      { at: '2026-11-24T17:30:00.000Z', action: 'cancelled' as const, by: alex },
    ];
    render(<CallAuthors call={{ ...base, createdBy: jamie, changes }} timeZone="UTC" />);
    expect(screen.getAllByTestId('call-change').map((li) => li.textContent)).toEqual([expect.stringMatching(/^Cancelled by Dr\. Alex Rivera · .*17:30/)]);
  });

  it('shows nothing for a call scheduled before sign-in existed', () => {
    const { container } = render(<CallAuthors call={base} timeZone="UTC" />);
    expect(container.innerHTML).toBe('');
  });
});
