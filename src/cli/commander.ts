// commander, loaded through require: its ES module entry is a wrapper around
// the CommonJS build, and going through it costs every start a few
// milliseconds more (`--help` included).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const commander = require('commander') as typeof import('commander');

export const { Command, CommanderError, Option } = commander;
export type Command = import('commander').Command;
export type CommanderError = import('commander').CommanderError;
export type Option = import('commander').Option;
