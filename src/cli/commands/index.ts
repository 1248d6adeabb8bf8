import type { CommandModule } from 'yargs';
import type { Common } from '../context.js';
import { allocateCommand } from './allocate.js';
import { applicationCommand } from './application.js';
import { bulletinCommand } from './bulletin.js';
import { seatsCommand } from './seats.js';
import { calendarCommand } from './calendar.js';
import { complaintCommand } from './complaint.js';
import { dbCommand } from './db.js';
import { demoCommand } from './demo.js';
import { dueCommand } from './due.js';
import { explainCommand } from './explain.js';
import { historyCommand } from './history.js';
import { importCommand } from './import.js';
import { noticeCommand } from './notice.js';
import { noticesCommand } from './notices.js';
import { positionCommand } from './position.js';
import { referralCommand } from './referral.js';
import { registerCommand } from './register.js';
import { keysCommand } from './keys.js';
import { rulesCommand } from './rules.js';
import { runsCommand } from './runs.js';
import { serveCommand } from './serve.js';

/** Every command, one module each; add new ones here. */
export const COMMANDS = [
  importCommand,
  allocateCommand,
  registerCommand,
  positionCommand,
  explainCommand,
  noticeCommand,
  noticesCommand,
  rulesCommand,
  referralCommand,
  applicationCommand,
  complaintCommand,
  bulletinCommand,
  seatsCommand,
  dueCommand,
  runsCommand,
  historyCommand,
  calendarCommand,
  dbCommand,
  demoCommand,
  serveCommand,
  keysCommand,
] as unknown as CommandModule<Common, Common>[];
