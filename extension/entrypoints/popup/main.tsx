import { render } from 'preact';
import { Popup } from '../../components/Popup';
import { browserApi } from '../../lib/popup/browser-api';
// Order matters: tokens, then shared controls and surfaces, then the popup's own parts.
import '../../components/styles/base.css';
import '../../components/styles/controls.css';
import '../../components/styles/surfaces.css';
import '../../components/styles/popup.css';
import '../../components/styles/popup-credentials.css';
import '../../components/styles/popup-keys.css';
import '../../components/styles/popup-forms.css';

render(<Popup api={browserApi} />, document.getElementById('app')!);
