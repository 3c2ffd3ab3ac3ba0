import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom draws nothing: the charts fall back to their tables, as in a browser without canvas.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
