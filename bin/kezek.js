#!/usr/bin/env -S node --max-semi-space-size=64
// Thin launcher: the CLI is compiled TypeScript (npm install runs the build).
// The flag: a nightly run's district queue then dies in V8's young generation instead of being
// copied by scavenges (2 M applications, --workers 1: kezek's CPU 27-32 s -> 20-22 s). Worker
// threads get the same from their resource limits. `node bin/kezek.js` runs without it.
import '../dist/src/cli/main.js';
