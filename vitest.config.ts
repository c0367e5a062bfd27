import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.{ts,js}'],
    testTimeout: 120_000,
    hookTimeout: 300_000
  }
})
