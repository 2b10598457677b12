import { render } from 'preact';
import { OptionsPage } from '../../components/OptionsPage';
import { loadOptions, saveOptions } from '../../lib/options/options';
// Order matters: tokens, then shared controls and surfaces, then the page's own.
import '../../components/styles/base.css';
import '../../components/styles/controls.css';
import '../../components/styles/surfaces.css';
import '../../components/styles/options.css';

render(<OptionsPage api={{ loadOptions, saveOptions }} />, document.getElementById('app')!);
