import { render } from 'preact';
import { createConsoleApi } from './api/console-api';
import { App } from './app/app';
import { browserPlatform } from './lib/platform';
import './styles.css';

const root = document.getElementById('app');
if (root) render(<App api={createConsoleApi()} platform={browserPlatform} />, root);
