import '../../components/styles.css';
import ReactDOM from 'react-dom/client';
import { consultationIdFromUrl } from '@vfc/shared/neo/consultation-url';
import { ConsultationPanel } from '../../components/ConsultationPanel';
import { contentScriptMatches } from '../../lib/matches';
import { createMountController } from '../../lib/mount-controller';
import { fetchNeoScheduleConfigs } from '../../lib/neo-schedule';
import { NEO_SCHEDULE_CONFIGS_TAB_MESSAGE } from '../../lib/neo-tabs';
import { lastNeoOriginItem } from '../../lib/settings';

/**
 * On IDEXX Neo consultation pages: mounts the follow-up-calls panel in an open shadow root (our styles stay out of
 * Neo's page and Neo's out of ours), remounts on in-page navigation to another consultation, unmounts elsewhere.
 * On every Neo page it also answers the background's request for Neo's business hours, fetched same-origin with the
 * staff's session (the options page's "Fill from IDEXX Neo"), and records the page's origin as the clinic's Neo (the
 * side panel's "Open consultation" opens consultations there).
 */
export default defineContentScript({
  matches: contentScriptMatches(import.meta.env.MODE),
  cssInjectionMode: 'ui',
  async main(ctx) {
    void lastNeoOriginItem.setValue(location.origin).catch(() => undefined);
    const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
      if ((message as { type?: unknown } | null)?.type !== NEO_SCHEDULE_CONFIGS_TAB_MESSAGE) return undefined;
      void fetchNeoScheduleConfigs(location.origin).then(sendResponse);
      return true; // answer asynchronously
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    const controller = createMountController({
      idFromUrl: consultationIdFromUrl,
      mount: async (consultationId) => {
        const ui = await createShadowRootUi(ctx, {
          name: 'vfc-followup-calls',
          position: 'inline',
          anchor: 'body',
          append: 'last',
          mode: 'open',
          // Keys typed in our fields must not trigger Neo's keyboard shortcuts.
          isolateEvents: ['keydown', 'keyup', 'keypress'],
          onMount: (container) => {
            const wrapper = document.createElement('div');
            container.append(wrapper);
            const root = ReactDOM.createRoot(wrapper);
            root.render(<ConsultationPanel key={consultationId} consultationId={consultationId} origin={location.origin} />);
            return { root, wrapper };
          },
          onRemove: (mounted) => {
            mounted?.root.unmount();
            mounted?.wrapper.remove();
          },
        });
        ui.mount();
        return { remove: () => ui.remove() };
      },
    });
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void controller.sync(newUrl.href));
    ctx.onInvalidated(() => controller.stop());
    await controller.sync(location.href);
  },
});
