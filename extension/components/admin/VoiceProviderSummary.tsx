import { i18n } from '#i18n';
import type { ClinicVoice } from '@vfc/shared';
import { formatClinicTime } from '../../lib/clinic-time';
import { accountLabel, numberLabel, providerLabel, statusLabel } from './voice-provider-text';

/**
 * The clinic's saved voice settings as a list: provider, account ("Own key ••••1234", never the key), calling number,
 * agent, concurrent calls, status, and when the key was last verified in clinic time (`timeZone`, IANA).
 */
export function VoiceProviderSummary(props: { voice: ClinicVoice; timeZone: string }) {
  const { voice, timeZone } = props;
  const rows: [string, string, string][] = [
    ['provider', i18n.t('voiceProvider.provider'), providerLabel(voice.provider)],
    ['account', i18n.t('voiceProvider.account'), accountLabel(voice)],
    ['number', i18n.t('voiceProvider.callingNumber'), numberLabel(voice)],
    ['agent', i18n.t('voiceProvider.agent'), voice.agentId ?? i18n.t('voiceProvider.notSet')],
    ['concurrency', i18n.t('voiceProvider.concurrency'), String(voice.concurrencyLimit)],
    ['status', i18n.t('voiceProvider.status'), statusLabel(voice.status)],
    [
      'verified',
      i18n.t('voiceProvider.verified'),
      voice.verifiedAt ? i18n.t('voiceProvider.verifiedAt', [formatClinicTime(voice.verifiedAt, timeZone), timeZone]) : i18n.t('voiceProvider.never'),
    ],
  ];
  return (
    <dl className="vfc-voice-summary" aria-label={i18n.t('voiceProvider.currentLabel')} data-testid="voice-summary">
      {rows.map(([key, term, value]) => (
        <div key={key} data-row={key}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
