import { i18n } from '#i18n';
import type { KnowledgeSourceKind, KnowledgeSourceStatus } from '@vfc/shared';
import type { FileProblem } from './knowledge';
import type { UploadStage } from './knowledge-upload';

/** The "Knowledge" section's words (locale messages `knowledge.*`). */

/** "Waiting to sync", "Syncing", "Ready" or "Error". */
export function statusLabel(status: KnowledgeSourceStatus): string {
  switch (status) {
    case 'pending':
      return i18n.t('knowledge.statusPending');
    case 'syncing':
      return i18n.t('knowledge.statusSyncing');
    case 'ready':
      return i18n.t('knowledge.statusReady');
    case 'error':
      return i18n.t('knowledge.statusError');
  }
}

/** "Text", "Web page", "Document" or "Clinic facts (generated)". */
export function kindLabel(kind: KnowledgeSourceKind): string {
  switch (kind) {
    case 'text':
      return i18n.t('knowledge.kindText');
    case 'url':
      return i18n.t('knowledge.kindUrl');
    case 'file':
      return i18n.t('knowledge.kindFile');
    case 'clinic_facts':
      return i18n.t('knowledge.kindFacts');
  }
}

/** Why a chosen file is refused before any upload. */
export function fileProblemText(problem: FileProblem): string {
  switch (problem) {
    case 'type':
      return i18n.t('knowledge.fileWrongType');
    case 'empty':
      return i18n.t('knowledge.fileEmpty');
    case 'too_big':
      return i18n.t('knowledge.fileTooBig');
  }
}

/** The loading text of each upload step. */
export function uploadStageText(stage: UploadStage): string {
  switch (stage) {
    case 'preparing':
      return i18n.t('knowledge.uploadPreparing');
    case 'uploading':
      return i18n.t('knowledge.uploadSending');
    case 'adding':
      return i18n.t('knowledge.uploadAdding');
  }
}
