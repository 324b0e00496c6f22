#!/usr/bin/env node
// The installed command. It runs the CLI compiled to JavaScript when the package was packed, since Node refuses
// to strip TypeScript types from files under node_modules; in a checkout of the sources it runs them directly.
import { existsSync } from 'node:fs';

const compiled = new URL('../src/cli/opsledger.js', import.meta.url);
const { main } = await import(existsSync(compiled) ? compiled.href : new URL('../src/cli/opsledger.ts', import.meta.url).href);
await main(process.argv.slice(2));
