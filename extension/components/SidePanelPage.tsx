import { useCallback, useRef, useState } from 'react';
import type { SignInApi } from '../lib/messages';
import type { SignInStatus as Status } from '../lib/sign-in/sign-in-service';
import { FollowUpsPanel, type FollowUpsPanelApi } from './FollowUpsPanel';
import { SignInStatus } from './SignInStatus';

/**
 * The side panel: sign-in at the top (when the clinic has a sign-in service), then the Follow-ups panel, loaded
 * again when who is signed in changes (its calls are the signed-in person's clinic's) — not at the first answer.
 */
export function SidePanelPage(props: { api?: FollowUpsPanelApi; signInApi?: SignInApi }) {
  const [generation, setGeneration] = useState(0);
  const who = useRef<string | undefined>(undefined);
  const onStatus = useCallback((status: Status) => {
    const next = status.state === 'signed_in' ? `in:${status.profile.sub}` : status.state;
    if (who.current !== undefined && who.current !== next) setGeneration((g) => g + 1);
    who.current = next;
  }, []);
  return (
    <>
      <SignInStatus api={props.signInApi} onStatus={onStatus} />
      <FollowUpsPanel key={generation} api={props.api} />
    </>
  );
}
