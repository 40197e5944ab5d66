import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TEST_SENDERS, sendMessagesAs } from '../test-support/test-sender';
import { registerBackground } from './background-handler';
import { draftStore } from './draft-store';

describe('draftStore', () => {
  it('keeps one draft per consultation in session storage, through the worker, for the content script', async () => {
    registerBackground();
    sendMessagesAs(TEST_SENDERS.contentScript);
    await draftStore.save('1', { petName: 'Bella' });
    await draftStore.save('2', { petName: 'Milo' });
    expect(await draftStore.load('1')).toEqual({ petName: 'Bella' });
    expect(await fakeBrowser.storage.session.get('vfc-draft:2')).toEqual({ 'vfc-draft:2': { petName: 'Milo' } });
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    await draftStore.clear('1');
    expect(await draftStore.load('1')).toBeNull();
  });

  it('answers no draft when the worker cannot be reached', async () => {
    expect(await draftStore.load('1')).toBeNull();
  });
});
