import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.e2e.ts'],
    // One stack for the run, started before the first test file and stopped after the last.
    globalSetup: ['./stack.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    // A step waits on the whole stack (a password hash, an event reaching a projection): seconds, not one.
    expect: { poll: { timeout: 30_000, interval: 100 } },
    hookTimeout: 300_000,
    // Stopping the stack lets its services finish what they hold (up to 30 s), then drops the database.
    teardownTimeout: 60_000,
  },
});
