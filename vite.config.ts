/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './' makes every asset URL relative, so the built site works from any sub-path
// (for example https://example.org/backprop-lab/).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/component/**/*.test.tsx', 'test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
