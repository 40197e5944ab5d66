import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { notifyUrgentCallsItem } from '../lib/settings';
import { FollowUpsSettingsSection } from './FollowUpsSettingsSection';

describe('FollowUpsSettingsSection', () => {
  it('is on by default and saves turning the notifications off at once', async () => {
    render(<FollowUpsSettingsSection />);
    const box = screen.getByLabelText('Show a desktop notification for each new urgent call') as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await screen.findByText('Saved.');
    expect(await notifyUrgentCallsItem.getValue()).toBe(false);
    expect(box.checked).toBe(false);
  });
});
