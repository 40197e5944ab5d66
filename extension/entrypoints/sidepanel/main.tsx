import '../../components/styles.css';
import ReactDOM from 'react-dom/client';
import { SidePanelPage } from '../../components/SidePanelPage';

ReactDOM.createRoot(document.getElementById('root')!).render(<SidePanelPage />);
