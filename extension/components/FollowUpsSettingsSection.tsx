import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { notifyUrgentCallsItem } from '../lib/settings';

/**
 * Options section "Follow-ups": whether a desktop notification announces each new urgent call (saved at once, in
 * `browser.storage.local`). The toolbar badge and the side panel are not affected.
 */
export function FollowUpsSettingsSection() {
  const [enabled, setEnabled] = useState<boolean | undefined>(undefined);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void notifyUrgentCallsItem.getValue().then(setEnabled);
  }, []);

  return (
    <div className="vfc-check">
      <input
        id="vfc-notify-urgent"
        type="checkbox"
        checked={enabled ?? false}
        disabled={enabled === undefined}
        aria-describedby="vfc-notify-urgent-hint"
        onChange={(e) => {
          const value = e.target.checked;
          setEnabled(value);
          setSaved(false);
          void notifyUrgentCallsItem.setValue(value).then(() => setSaved(true));
        }}
      />{' '}
      <label htmlFor="vfc-notify-urgent">{i18n.t('settings.notifyUrgent')}</label>
      <p id="vfc-notify-urgent-hint" className="vfc-muted">
        {i18n.t('settings.notifyUrgentHint')}
      </p>
      <p role="status" className="vfc-muted">
        {saved ? i18n.t('settings.saved') : ''}
      </p>
    </div>
  );
}
