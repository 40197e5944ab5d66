import '../../components/styles.css';
import ReactDOM from 'react-dom/client';
import { FollowUpsPanel } from '../../components/FollowUpsPanel';

ReactDOM.createRoot(document.getElementById('root')!).render(<FollowUpsPanel />);
