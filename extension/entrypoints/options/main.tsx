import '../../components/styles.css';
import ReactDOM from 'react-dom/client';
import { OptionsPage } from '../../components/OptionsPage';
import { OPTIONS_SECTIONS } from '../../components/options-sections';

ReactDOM.createRoot(document.getElementById('root')!).render(<OptionsPage sections={OPTIONS_SECTIONS} />);
