import { useState } from 'react';
import { i18n } from '#i18n';
import type { KnowledgeSource } from '@vfc/shared';
import { kindLabel, statusLabel } from './knowledge-text';

/**
 * The clinic's knowledge sources, one row each: title, kind, a status badge (the provider's message under an error)
 * and "Remove" (not on the generated clinic facts), which asks "Remove …?" in place before `onRemove` runs.
 */
export function KnowledgeSourceList(props: {
  items: readonly KnowledgeSource[];
  /** The source being removed (its buttons are disabled and say so). */
  removing?: string;
  /** Per source: why its removal failed. */
  removeErrors: Record<string, string>;
  onRemove: (source: KnowledgeSource) => void;
}) {
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  if (props.items.length === 0) return <p className="vfc-muted">{i18n.t('knowledge.empty')}</p>;
  return (
    <ul className="vfc-knowledge-sources" data-testid="knowledge-sources">
      {props.items.map((source) => (
        <li key={source.sourceId} data-source={source.sourceId}>
          <strong>{source.title}</strong> <span className="vfc-muted">{kindLabel(source.kind)}</span>{' '}
          <span className={`vfc-badge vfc-badge-knowledge-${source.status}`} data-testid="knowledge-status">
            {statusLabel(source.status)}
          </span>
          {source.url && <div className="vfc-muted">{source.url}</div>}
          {source.status === 'error' && source.error && <p className="vfc-error">{i18n.t('knowledge.providerSaid', [source.error])}</p>}
          {source.kind !== 'clinic_facts' &&
            (confirming === source.sourceId ? (
              <div role="group" aria-label={i18n.t('knowledge.confirmRemove', [source.title])}>
                <span>{i18n.t('knowledge.confirmRemove', [source.title])}</span>{' '}
                <button
                  type="button"
                  className="vfc-danger"
                  disabled={props.removing === source.sourceId}
                  onClick={() => {
                    setConfirming(undefined);
                    props.onRemove(source);
                  }}
                >
                  {i18n.t('knowledge.confirmRemoveYes')}
                </button>{' '}
                <button type="button" className="vfc-secondary" onClick={() => setConfirming(undefined)}>
                  {i18n.t('knowledge.cancel')}
                </button>
              </div>
            ) : (
              <button
                type="button"
                className="vfc-secondary"
                disabled={props.removing === source.sourceId}
                aria-label={i18n.t('knowledge.removeNamed', [source.title])}
                onClick={() => setConfirming(source.sourceId)}
              >
                {props.removing === source.sourceId ? i18n.t('knowledge.removing') : i18n.t('knowledge.remove')}
              </button>
            ))}
          {props.removeErrors[source.sourceId] && (
            <p className="vfc-error" role="alert">
              {props.removeErrors[source.sourceId]}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
