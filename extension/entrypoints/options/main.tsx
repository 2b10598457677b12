import { render } from 'preact';
import { OptionsPage } from '../../components/OptionsPage';
import { loadOptions, saveOptions } from '../../lib/options/options';
import '../../components/style.css';

render(<OptionsPage api={{ loadOptions, saveOptions }} />, document.getElementById('app')!);
