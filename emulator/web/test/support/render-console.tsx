/**
 * @module Renders the console SPA at a URL with a recording platform (navigation, clipboard and
 * file saves are observed, not performed) against the fake console API.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createConsoleApi } from '../../src/api/console-api';
import { App } from '../../src/app/app';
import type { Platform } from '../../src/lib/platform';
import { fakeConsole, initialState, type FakeState } from './fake-console';

export interface RecordingPlatform extends Platform {
  navigations: string[];
  copied: string[];
  saved: Array<{ name: string; text: string; type: string }>;
}

export function recordingPlatform(): RecordingPlatform {
  const platform: RecordingPlatform = {
    navigations: [],
    copied: [],
    saved: [],
    navigate: (href) => void platform.navigations.push(href),
    copyText: async (text) => void platform.copied.push(text),
    saveFile: (name, text, type) => void platform.saved.push({ name, text, type }),
  };
  return platform;
}

/**
 * Starts the fake API for the file and gives each test a fresh state. Returns a getter for the
 * current state (set it up before rendering).
 */
export function useFakeConsole(): () => FakeState {
  let state = initialState();
  const holder = { get: () => state };
  const server = fakeConsole(
    new Proxy({} as FakeState, {
      get: (_t, key) => Reflect.get(state, key),
      set: (_t, key, value) => Reflect.set(state, key, value),
      deleteProperty: (_t, key) => Reflect.deleteProperty(state, key),
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    cleanup();
    state = initialState();
  });
  afterAll(() => server.close());
  return holder.get;
}

/** Navigates the test window to `url` (path, query, hash) and renders the app there. */
export function renderConsole(url: string) {
  history.replaceState(null, '', url);
  const platform = recordingPlatform();
  const view = render(<App api={createConsoleApi()} platform={platform} />);
  return { ...view, platform };
}
