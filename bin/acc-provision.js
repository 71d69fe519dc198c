#!/usr/bin/env node
// The `acc-provision` that npm installs (package.json "bin"): plain JavaScript,
// so npm's shims work where there is no /bin/sh (Windows). A checkout's
// bin/acc-provision is the shell launcher instead; docs/startup.md says why.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('../dist/cli/launch.cjs');
