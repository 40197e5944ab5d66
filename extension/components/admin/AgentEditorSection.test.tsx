import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ClinicAgentSettings } from '@vfc/shared';
import { withAdminBackground } from '../../test-support/test-server';
import { AgentEditorSection, agentPatch, draftFromAgent } from './AgentEditorSection';

const settings: ClinicAgentSettings = {
  clinicId: 'c1',
  agentId: 'agent_demo',
  fromNumber: '+14155550199',
  usable: true,
  agent: {
    agentId: 'agent_demo',
    agentName: 'Demo follow-up',
    voiceId: '11labs-Adrian',
    language: 'en-US',
    maxCallDurationMs: 600_000,
    greeting: 'Hi, calling about {{pet_name}}.',
    version: 3,
    isPublished: true,
  },
};
const voices = {
  items: [
    { voiceId: '11labs-Adrian', voiceName: 'Adrian', provider: 'elevenlabs', gender: 'male', accent: 'American' },
    { voiceId: '11labs-Myra', voiceName: 'Myra', provider: 'elevenlabs', gender: 'female', accent: 'American' },
  ],
};

function routes(put: (body: unknown) => { status: number; body: unknown }) {
  return withAdminBackground((r) => {
    if (r.url.endsWith('/clinic/agent') && r.method === 'GET') return { status: 200, body: settings };
    if (r.url.endsWith('/agents/voices')) return { status: 200, body: voices };
    if (r.url.endsWith('/clinic/agent') && r.method === 'PUT') return put(r.body);
    return undefined;
  });
}

describe('AgentEditorSection', () => {
  it('edits voice, greeting and duration and sends only what changed (minutes → ms)', async () => {
    const server = await routes((body) => ({
      status: 200,
      body: { ...settings, agent: { ...settings.agent, ...(body as object), version: 4 } },
    }));
    render(<AgentEditorSection />);
    const voice = (await screen.findByLabelText('Voice')) as HTMLSelectElement;
    expect(voice.value).toBe('11labs-Adrian');
    expect((screen.getByLabelText('Maximum call duration (minutes)') as HTMLInputElement).value).toBe('10');
    fireEvent.change(voice, { target: { value: '11labs-Myra' } });
    fireEvent.change(screen.getByLabelText('Greeting'), { target: { value: 'Hello from Happy Paws about {{pet_name}}.' } });
    fireEvent.change(screen.getByLabelText('Maximum call duration (minutes)'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save agent' }));
    expect((screen.getByRole('button', { name: 'Saving…' }) as HTMLButtonElement).disabled).toBe(true);
    await screen.findByText('Agent saved and published in Retell.');
    expect(server.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      voiceId: '11labs-Myra',
      greeting: 'Hello from Happy Paws about {{pet_name}}.',
      maxCallDurationMs: 300_000,
    });
  });

  it('refuses values the API would refuse before sending, and shows Retell being down', async () => {
    const server = await routes(() => ({ status: 503, body: { error: 'provider_unavailable', message: 'Retell could not be reached; try again later.' } }));
    render(<AgentEditorSection />);
    await screen.findByLabelText('Voice');
    fireEvent.change(screen.getByLabelText('Maximum call duration (minutes)'), { target: { value: '0.5' } });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'english' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save agent' }));
    await screen.findByText('Maximum call duration (minutes): must be at least 60000 ms (1 minute)');
    expect(screen.getByText('Language: must be a locale such as en-US')).toBeTruthy();
    expect(screen.getByLabelText('Language').getAttribute('aria-invalid')).toBe('true');
    expect(server.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Maximum call duration (minutes)'), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'es-419' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save agent' }));
    await screen.findByText('Retell could not be reached; try again later.');
    expect(server.requests.find((r) => r.method === 'PUT')?.body).toEqual({ language: 'es-419' });
  });

  it('says when the clinic cannot dial with its agent', async () => {
    await withAdminBackground((r) => {
      if (r.url.endsWith('/clinic/agent')) return { status: 200, body: { ...settings, usable: false, reason: 'Its agent was deleted in Retell.', agent: undefined } };
      if (r.url.endsWith('/agents/voices')) return { status: 200, body: voices };
      return undefined;
    });
    render(<AgentEditorSection />);
    expect((await screen.findByTestId('agent-unusable')).textContent).toBe('This clinic cannot place calls now: Its agent was deleted in Retell.');
    expect((screen.getByRole('button', { name: 'Save agent' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('agentPatch', () => {
  it('is empty when nothing changed and sends an emptied field for the schema to report', () => {
    const saved = draftFromAgent(settings.agent);
    expect(agentPatch(saved, { ...saved })).toEqual({});
    expect(agentPatch(saved, { ...saved, greeting: '' })).toEqual({ greeting: '' });
    expect(agentPatch(saved, { ...saved, maxCallMinutes: '' })).toEqual({ maxCallDurationMs: Number.NaN });
  });
});
