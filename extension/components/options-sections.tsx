import type { ComponentType } from 'react';
import { i18n } from '#i18n';
import { AgentEditorSection } from './admin/AgentEditorSection';
import { AgentsSection } from './admin/AgentsSection';
import { CallingHoursSection } from './admin/CallingHoursSection';
import { KnowledgeSection } from './admin/KnowledgeSection';
import { OptOutsSection } from './admin/OptOutsSection';
import { VoiceProviderSection } from './admin/VoiceProviderSection';
import { ConnectionSection } from './ConnectionSection';
import { FollowUpsSettingsSection } from './FollowUpsSettingsSection';
import { SignInSection } from './SignInSection';

/** One section of the options page. Append to `OPTIONS_SECTIONS` to add one (e.g. an admin section). */
export interface OptionsSection {
  id: string;
  title: string;
  Component: ComponentType;
  /** Shown only to an admin: signed in with the admin group, or with a saved admin token (`GET /clinic` answers `role: 'admin'`). */
  admin?: boolean;
}

export const OPTIONS_SECTIONS: OptionsSection[] = [
  { id: 'connection', title: i18n.t('options.section.connection'), Component: ConnectionSection },
  { id: 'sign-in', title: i18n.t('signIn.sectionTitle'), Component: SignInSection },
  { id: 'follow-ups', title: i18n.t('options.section.followUps'), Component: FollowUpsSettingsSection },
  // Admin sections: they use the admin token saved in the Connection section.
  { id: 'calling-hours', title: i18n.t('options.section.callingHours'), Component: CallingHoursSection, admin: true },
  { id: 'do-not-call', title: i18n.t('options.section.doNotCall'), Component: OptOutsSection, admin: true },
  { id: 'agents', title: i18n.t('options.section.agents'), Component: AgentsSection, admin: true },
  { id: 'agent-editor', title: i18n.t('options.section.agentEditor'), Component: AgentEditorSection, admin: true },
  { id: 'voice-provider', title: i18n.t('voiceProvider.sectionTitle'), Component: VoiceProviderSection, admin: true },
  { id: 'knowledge', title: i18n.t('knowledge.sectionTitle'), Component: KnowledgeSection, admin: true },
];
