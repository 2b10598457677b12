import { render } from 'preact';
import { Popup } from '../../components/Popup';
import { browserApi } from '../../lib/popup/browser-api';
import '../../components/style.css';

render(<Popup api={browserApi} />, document.getElementById('app')!);
