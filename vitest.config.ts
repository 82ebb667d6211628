import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // compiles examples/ to build/examples once, for the files that run them
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // --expose-gc lets the tests of "exception was never retrieved" force a collection
    execArgv: ["--expose-gc"],
  },
});
