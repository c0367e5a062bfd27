import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.{ts,js}'],
    globalSetup: ['packages/pdf/test/setup-page-script.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000
  }
})
