import '../../components/styles.css';
import ReactDOM from 'react-dom/client';
import { PopupStatus } from '../../components/PopupStatus';

ReactDOM.createRoot(document.getElementById('root')!).render(<PopupStatus />);
