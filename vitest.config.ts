import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        test: {
          name: 'unit',
          setupFiles: ['test/helpers/plain-output.ts'],
          include: ['test/**/*.test.ts'],
          exclude: ['test/build/**', 'test/demo/**', 'test/browser/**', 'node_modules/**'],
          pool: 'forks',
        },
      },
      {
        // Tests that run the real build share the machine's two cores: one file at a time.
        test: {
          name: 'build',
          setupFiles: ['test/helpers/plain-output.ts'],
          include: ['test/build/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        // Tests of the demo site, built once into test-output/demo/ before they start.
        test: {
          name: 'demo',
          setupFiles: ['test/helpers/plain-output.ts'],
          include: ['test/demo/**/*.test.ts', 'test/browser/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 600_000,
          globalSetup: ['test/demo/global-setup.ts'],
        },
      },
    ],
  },
});
