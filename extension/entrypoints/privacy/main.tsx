import '../../components/styles.css';
import ReactDOM from 'react-dom/client';
import policy from '../../../docs/privacy.md?raw';
import { MarkdownDocument } from '../../components/MarkdownDocument';

/** The privacy policy inside the extension (linked from the options page), from the one text in docs/privacy.md. */
ReactDOM.createRoot(document.getElementById('root')!).render(
  <main className="vfc-options">
    <MarkdownDocument text={policy} />
  </main>,
);
