import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/start';

// MV3 service worker (Chrome) / event page (Firefox). main cannot be async (WXT).
export default defineBackground(() => {
  startBackground(import.meta.env.FIREFOX);
});
