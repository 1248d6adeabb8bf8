#!/usr/bin/env node
// Thin launcher: the CLI is compiled TypeScript (npm install runs the build).
import '../dist/src/cli/main.js';
