import { useCallback, useState } from 'react';
import type { SignInStatus as Status } from '../lib/sign-in/sign-in-service';
import { FollowUpsPanel } from './FollowUpsPanel';
import { SignInStatus } from './SignInStatus';

/**
 * The side panel: sign-in at the top (when the clinic has a sign-in service), then the Follow-ups panel, loaded
 * again whenever who is signed in changes (its calls are the signed-in person's clinic's).
 */
export function SidePanelPage() {
  const [who, setWho] = useState('');
  const onStatus = useCallback((status: Status) => setWho(status.state === 'signed_in' ? `in:${status.profile.sub}` : status.state), []);
  return (
    <>
      <SignInStatus onStatus={onStatus} />
      <FollowUpsPanel key={who} />
    </>
  );
}
