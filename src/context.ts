import type { KezekConfig } from './config.js';
import type { Calendar } from './domain/calendar.js';
import { calendarOfFolder } from './io/calendar.js';
import { readRulesFolder } from './io/rules-folder.js';
import type { Logger } from './log.js';
import { RuleLibrary } from './rules/library.js';

/**
 * What a command (or the server, for its lifetime) works with, made once: the
 * config (the only reading of the environment), the rules folder (every rule
 * set and the calendar files, read once; each set checked when first asked
 * for), the working-day calendar and a logger. Everything below takes these as
 * arguments; nothing there reads the environment or the rules folder itself.
 */
export class KezekContext {
  readonly rules: RuleLibrary;
  private cal: Calendar | undefined;

  constructor(
    readonly config: KezekConfig,
    readonly log: Logger,
  ) {
    this.rules = new RuleLibrary(readRulesFolder(config.rulesDir));
  }

  /** The working-day calendar of the rules folder (RulesError when a calendar file is broken). */
  get calendar(): Calendar {
    return (this.cal ??= calendarOfFolder(this.rules.texts));
  }
}

