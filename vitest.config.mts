import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'bench/**/*.test.ts', 'renderer/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
