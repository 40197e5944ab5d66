import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { testCall } from '../test-support/test-server';
import { openFollowUps, registerBackground, type SidePanelApi } from './background-handler';
import { FOLLOW_UPS_ALARM } from './follow-up-badge';
import { adminApi, backgroundApi } from './messages';
import { notifyUrgentCallsItem, saveAdminToken, saveConnection } from './settings';
import { scriptedFetch } from '../test-support/test-fetch';
import { sendMessagesAs, TEST_SENDERS } from '../test-support/test-sender';

const clinic = {
  clinicId: 'demo', name: 'Mission Vet', phoneNumber: '+14155550100', timezone: 'America/Los_Angeles',
  weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, closedDates: [], demoMode: false, enforceRecipientWindow: true, role: 'staff',
};

describe('background worker messaging', () => {
  it('answers "not configured" until a connection is saved, then uses the saved token', async () => {
    const server = scriptedFetch((r) => (r.headers['authorization'] === 'Bearer saved' ? { status: 200, body: clinic } : { status: 401, body: { error: 'unauthorized', message: 'no' } }));
    registerBackground({ fetch: server.fetch });
    expect(await backgroundApi.getClinic()).toMatchObject({ ok: false, error: { error: 'not_configured' } });
    await saveConnection({ baseUrl: 'http://127.0.0.1:9/', token: ' saved ' });
    expect(await backgroundApi.getClinic()).toMatchObject({ ok: true, data: { name: 'Mission Vet' } });
    expect(server.requests[0]?.url).toBe('http://127.0.0.1:9/clinic');
  });

  it("sends to the API URL IT preset in managed storage rather than the saved one", async () => {
    const server = scriptedFetch(() => ({ status: 200, body: clinic }));
    registerBackground({ fetch: server.fetch });
    await saveConnection({ baseUrl: 'https://typed.example', token: 'saved' });
    await fakeBrowser.storage.managed.set({ apiUrl: 'https://api.clinic.example/' });
    expect(await backgroundApi.getClinic()).toMatchObject({ ok: true });
    expect(server.requests.map((r) => r.url)).toEqual(['https://api.clinic.example/clinic']);
  });

  it('tests an unsaved connection from the options page', async () => {
    const server = scriptedFetch((r) => (r.headers['authorization'] === 'Bearer typed' ? { status: 200, body: clinic } : { status: 401, body: { error: 'unauthorized', message: 'no' } }));
    registerBackground({ fetch: server.fetch });
    await saveConnection({ baseUrl: 'http://api.example', token: 'saved' });
    expect(await backgroundApi.getClinic({ baseUrl: 'http://api.example', token: 'typed' })).toMatchObject({ ok: true });
    expect(await backgroundApi.getClinic()).toMatchObject({ ok: false, status: 401 });
  });

  it('ignores other extensions\' messages and reports a missing worker', async () => {
    expect(await backgroundApi.listCalls('1')).toMatchObject({ ok: false, error: { error: 'extension_unavailable' } });
  });

  it('sends admin ops with the admin token only, and staff ops with the staff token', async () => {
    const server = scriptedFetch((r) =>
      r.url.endsWith('/clinic/opt-outs') ? { status: 200, body: { items: [] } } : r.method === 'PATCH' ? { status: 409, body: { error: 'conflict', message: 'not scheduled' } } : undefined,
    );
    registerBackground({ fetch: server.fetch });
    await saveConnection({ baseUrl: 'http://api.example', token: 'staff' });
    expect(await adminApi.listOptOuts()).toMatchObject({ ok: false, error: { error: 'no_admin_token' } });
    expect(server.requests).toHaveLength(0);
    await saveAdminToken('admin');
    expect(await adminApi.listOptOuts()).toEqual({ ok: true, status: 200, data: { items: [] } });
    expect(await backgroundApi.rescheduleCall('c/1', '2026-11-24T18:00:00.000Z')).toMatchObject({ ok: false, status: 409 });
    expect(server.requests.map((r) => [r.method, r.url, r.headers['authorization']])).toEqual([
      ['GET', 'http://api.example/clinic/opt-outs', 'Bearer admin'],
      ['PATCH', 'http://api.example/calls/c%2F1', 'Bearer staff'],
    ]);
    expect(server.requests[1]?.body).toEqual({ scheduledFor: '2026-11-24T18:00:00.000Z' });
  });
});

describe('background worker: who may ask what', () => {
  const optOuts = () => scriptedFetch((r) => (r.url.endsWith('/clinic/opt-outs') ? { status: 200, body: { items: [] } } : r.url.endsWith('/clinic') ? { status: 200, body: clinic } : undefined));

  it('answers no admin operation to a content script (and sends nothing to the API)', async () => {
    const server = optOuts();
    registerBackground({ fetch: server.fetch });
    await saveConnection({ baseUrl: 'https://api.example', token: 'staff' });
    await saveAdminToken('admin');
    sendMessagesAs(TEST_SENDERS.contentScript);
    expect(await adminApi.listOptOuts()).toMatchObject({ ok: false, status: 0, error: { error: 'content_script_refused' } });
    expect(server.requests).toHaveLength(0);
  });

  it('answers no knowledge operation to a content script: no upload URL is asked for', async () => {
    const server = optOuts();
    registerBackground({ fetch: server.fetch });
    await saveConnection({ baseUrl: 'https://api.example', token: 'staff' });
    await saveAdminToken('admin');
    sendMessagesAs(TEST_SENDERS.contentScript);
    const answer = await adminApi.createKnowledgeUpload({ fileName: 'a.pdf', contentType: 'application/pdf', bytes: 4 });
    expect([answer.ok ? '' : answer.error.error, server.requests.length]).toEqual(['content_script_refused', 0]);
  });

  it('answers admin operations to the side panel', async () => {
    const server = optOuts();
    registerBackground({ fetch: server.fetch });
    await saveConnection({ baseUrl: 'https://api.example', token: 'staff' });
    await saveAdminToken('admin');
    sendMessagesAs(TEST_SENDERS.sidePanel);
    expect(await adminApi.listOptOuts()).toEqual({ ok: true, status: 200, data: { items: [] } });
  });

  it('refuses a connection of its own from the side panel (only the options page may test one)', async () => {
    const server = optOuts();
    registerBackground({ fetch: server.fetch });
    sendMessagesAs(TEST_SENDERS.sidePanel);
    expect(await backgroundApi.getClinic({ baseUrl: 'https://evil.example', token: 'typed' })).toMatchObject({ ok: false, error: { error: 'connection_refused' } });
    expect(server.requests).toHaveLength(0);
  });

  it('keeps storage.session closed to content scripts (trusted contexts only)', async () => {
    const setAccessLevel = vi.fn(async () => undefined);
    (fakeBrowser.storage.session as unknown as { setAccessLevel: typeof setAccessLevel }).setAccessLevel = setAccessLevel;
    registerBackground({ fetch: scriptedFetch().fetch });
    expect(setAccessLevel.mock.calls).toEqual([[{ accessLevel: 'TRUSTED_CONTEXTS' }]]);
  });

  it('in the production build sends no token over plain http to another computer', async () => {
    const server = optOuts();
    registerBackground({ fetch: server.fetch, production: true });
    await saveConnection({ baseUrl: 'http://api.example', token: 'staff' });
    expect(await backgroundApi.getClinic()).toMatchObject({ ok: false, error: { error: 'insecure_url' } });
    expect(server.requests).toHaveLength(0);
  });
});

function fakeSidePanel(open: SidePanelApi['open'] = async () => undefined) {
  return { open: vi.fn(open), setPanelBehavior: vi.fn(async () => undefined) };
}

describe('background worker: follow-ups', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('opens the side panel from the toolbar icon and creates the 5-minute alarm once, not at every worker start', async () => {
    const sidePanel = fakeSidePanel();
    registerBackground({ fetch: scriptedFetch().fetch, sidePanel });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(FOLLOW_UPS_ALARM)).toBeDefined());
    expect(sidePanel.setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
    const first = await fakeBrowser.alarms.get(FOLLOW_UPS_ALARM);
    expect(first).toMatchObject({ name: FOLLOW_UPS_ALARM, periodInMinutes: 5 });
    registerBackground({ fetch: scriptedFetch().fetch, sidePanel });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await fakeBrowser.alarms.getAll()).toEqual([first]);
  });

  it('on each alarm counts unresolved urgent + review calls on the badge and announces a new urgent call once', async () => {
    let items = [testCall({ callId: 'r1', status: 'failed', attention: 'review', attentionReasons: ['unreachable'] })];
    const server = scriptedFetch((r) => (r.url.includes('/calls?') ? { status: 200, body: { items } } : undefined));
    registerBackground({ fetch: server.fetch, sidePanel: fakeSidePanel() });
    await saveConnection({ baseUrl: 'http://api.example', token: 'staff' });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');

    await fakeBrowser.alarms.onAlarm.trigger({ name: FOLLOW_UPS_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
    expect(server.requests[0]?.url).toBe('http://api.example/calls?attention=urgent%2Creview&resolved=false&limit=100');

    items = [testCall({ callId: 'u1', status: 'completed', attention: 'urgent', attentionReasons: ['concern_urgent'], petName: 'Bella' }), ...items];
    expect(await backgroundApi.refreshFollowUps()).toMatchObject({ ok: true, data: { count: 2, notifiedCallIds: ['u1'] } });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]).toEqual([
      'vfc-urgent-u1',
      {
        type: 'basic',
        iconUrl: 'chrome-extension://test-extension-id/icon-128.png',
        title: 'Urgent follow-up: Bella (Jane Doe)',
        message: 'Urgent concern',
        priority: 2,
      },
    ]);
    await fakeBrowser.alarms.onAlarm.trigger({ name: FOLLOW_UPS_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(() => expect(server.requests).toHaveLength(3));
    expect(await backgroundApi.refreshFollowUps()).toMatchObject({ ok: true, data: { count: 2, notifiedCallIds: [] } });
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('announces nothing when notifications are turned off', async () => {
    const server = scriptedFetch((r) =>
      r.url.includes('/calls?') ? { status: 200, body: { items: [testCall({ callId: 'u1', status: 'completed', attention: 'urgent', attentionReasons: ['concern_urgent'] })] } } : undefined,
    );
    registerBackground({ fetch: server.fetch, sidePanel: fakeSidePanel() });
    await saveConnection({ baseUrl: 'http://api.example', token: 'staff' });
    await notifyUrgentCallsItem.setValue(false);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    // The first refresh ever only records what is already there; the call arrives after it.
    await fakeBrowser.storage.local.set({ notifiedUrgentCallIds: [] });
    expect(await backgroundApi.refreshFollowUps()).toMatchObject({ ok: true, data: { count: 1, notifiedCallIds: [] } });
    expect(create).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('clears the badge when no connection is saved', async () => {
    registerBackground({ fetch: scriptedFetch().fetch, sidePanel: fakeSidePanel() });
    await fakeBrowser.action.setBadgeText({ text: '4' });
    expect(await backgroundApi.refreshFollowUps()).toMatchObject({ ok: false, error: { error: 'not_configured' } });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it("opens the side panel in the sender's tab, or the same page in a tab when Chrome refuses", async () => {
    const sidePanel = fakeSidePanel();
    expect(await openFollowUps(7, { sidePanel })).toEqual({ ok: true, status: 200, data: { openedIn: 'side_panel' } });
    expect(sidePanel.open).toHaveBeenCalledWith({ tabId: 7 });
    const refusing = fakeSidePanel(async () => {
      throw new Error('sidePanel.open() may only be called in response to a user gesture.');
    });
    expect(await openFollowUps(7, { sidePanel: refusing })).toEqual({ ok: true, status: 200, data: { openedIn: 'tab' } });
    expect((await fakeBrowser.tabs.query({})).filter((tab) => tab.url === 'chrome-extension://test-extension-id/sidepanel.html')).toHaveLength(1);
  });
});
