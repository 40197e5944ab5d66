import '../../components/styles.css';
import ReactDOM from 'react-dom/client';
import { i18n } from '#i18n';
import policy from '../../../docs/privacy.md?raw';
import { MarkdownDocument } from '../../components/MarkdownDocument';

/**
 * The privacy policy inside the extension (linked from the options page), from the one text in docs/privacy.md. The
 * tab title follows the browser's language; the policy itself is the English document (not translated).
 */
document.title = i18n.t('privacy.title');
ReactDOM.createRoot(document.getElementById('root')!).render(
  <main className="vfc-options">
    <MarkdownDocument text={policy} />
  </main>,
);
