import { describe, expect, it } from 'vitest';
import { TEST_SENDERS } from '../test-support/test-sender';
import { classifySender, refusalFor } from './message-sender';
import type { ApiMessage } from './messages';

const ID = 'test-extension-id';
const BASE = 'chrome-extension://test-extension-id/';
const classify = (sender: Parameters<typeof classifySender>[0]) => classifySender(sender, ID, BASE);

describe('classifySender', () => {
  it('names the options page opened in a tab an extension page, with its path', () => {
    expect(classify(TEST_SENDERS.options)).toEqual({ kind: 'extension_page', path: '/options.html' });
  });

  it('names the side panel (no tab) an extension page', () => {
    expect(classify(TEST_SENDERS.sidePanel)).toEqual({ kind: 'extension_page', path: '/sidepanel.html' });
  });

  it('names a sender inside a web page a content script', () => {
    expect(classify(TEST_SENDERS.contentScript)).toEqual({ kind: 'content_script' });
  });

  it('names one of our pages framed inside a web page a content script', () => {
    expect(classify(TEST_SENDERS.framedPage)).toEqual({ kind: 'content_script' });
  });

  it('names another extension, or a sender without an id, foreign', () => {
    expect([classify(TEST_SENDERS.otherExtension), classify({}), classify(undefined)]).toEqual([{ kind: 'foreign' }, { kind: 'foreign' }, { kind: 'foreign' }]);
  });
});

describe('refusalFor', () => {
  const page = classify(TEST_SENDERS.sidePanel);
  const options = classify(TEST_SENDERS.options);
  const content = classify(TEST_SENDERS.contentScript);
  const admin: ApiMessage = { type: 'vfc:admin', op: 'listOptOuts', args: [] };

  it('refuses admin operations to a content script and answers them to our pages', () => {
    expect([refusalFor(admin, content), refusalFor(admin, page)]).toEqual(['content_script_refused', undefined]);
  });

  it("refuses Neo's hours, the clinic-wide list and resolving to a content script", () => {
    const messages: ApiMessage[] = [{ type: 'vfc:neoScheduleConfigs' }, { type: 'vfc:listClinicCalls', query: {} }, { type: 'vfc:resolveCall', callId: 'c' }];
    expect(messages.map((m) => refusalFor(m, content))).toEqual(['content_script_refused', 'content_script_refused', 'content_script_refused']);
  });

  it("answers a content script's staff operations on its consultation and its drafts", () => {
    const messages: ApiMessage[] = [{ type: 'vfc:listCalls', consultationId: '1' }, { type: 'vfc:getClinic' }, { type: 'vfc:loadDraft', consultationId: '1' }];
    expect(messages.map((m) => refusalFor(m, content))).toEqual([undefined, undefined, undefined]);
  });

  it('answers a connection of its own only to the options page', () => {
    const test: ApiMessage = { type: 'vfc:getClinic', connection: { baseUrl: 'https://api.example', token: 't' } };
    const adminTest: ApiMessage = { type: 'vfc:admin', op: 'listOptOuts', args: [], connection: { baseUrl: 'https://api.example', token: 't' } };
    expect([refusalFor(test, options), refusalFor(test, page), refusalFor(test, content), refusalFor(adminTest, options), refusalFor(adminTest, page)]).toEqual([
      undefined,
      'connection_refused',
      'connection_refused',
      undefined,
      'connection_refused',
    ]);
  });

  it('refuses everything to a foreign sender', () => {
    expect(refusalFor({ type: 'vfc:listCalls', consultationId: '1' }, { kind: 'foreign' })).toBe('foreign_sender');
  });
});
