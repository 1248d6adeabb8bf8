import { IntlMessageFormat } from 'intl-messageformat';
import type { Lang } from '../i18n/messages.js';

/**
 * The pages' words in Kazakh, Russian and English (ICU MessageFormat, the
 * same formats as src/i18n/messages.ts). Kept beside the pages while the
 * catalogues are being reworked; the same keys in every language.
 */
const en = {
  'site.public': 'Kindergarten queue',
  'site.console': 'kezek — district staff',
  'site.footer': 'The kindergarten queue of the district education departments. No personal data is shown on public pages.',
  'nav.skip': 'Skip to the content',
  'nav.sections': 'Sections',
  'nav.language': 'Language',
  'nav.districts': 'Districts',
  'nav.lookup': 'My place in the queue',
  'nav.console': 'Staff',
  'nav.runs': 'Nights',
  'nav.due': 'Due today',
  'nav.complaints': 'Complaints',
  'nav.rules': 'Rules',
  'nav.logout': 'Sign out',
} as const;

type WordKey = keyof typeof en;

const ru: Record<WordKey, string> = {
  'site.public': 'Очередь в детские сады',
  'site.console': 'kezek — сотрудники отдела образования',
  'site.footer': 'Очередь в детские сады районных отделов образования. На открытых страницах нет персональных данных.',
  'nav.skip': 'Перейти к содержимому',
  'nav.sections': 'Разделы',
  'nav.language': 'Язык',
  'nav.districts': 'Районы',
  'nav.lookup': 'Моё место в очереди',
  'nav.console': 'Сотрудникам',
  'nav.runs': 'Ночные распределения',
  'nav.due': 'Сроки на сегодня',
  'nav.complaints': 'Жалобы',
  'nav.rules': 'Правила',
  'nav.logout': 'Выйти',
};

const kk: Record<WordKey, string> = {
  'site.public': 'Балабақшаға кезек',
  'site.console': 'kezek — білім бөлімінің қызметкерлері',
  'site.footer': 'Аудандық білім бөлімдерінің балабақшаға кезегі. Ашық беттерде дербес деректер көрсетілмейді.',
  'nav.skip': 'Мазмұнға өту',
  'nav.sections': 'Бөлімдер',
  'nav.language': 'Тіл',
  'nav.districts': 'Аудандар',
  'nav.lookup': 'Кезектегі орным',
  'nav.console': 'Қызметкерлерге',
  'nav.runs': 'Түнгі бөлулер',
  'nav.due': 'Бүгінгі мерзімдер',
  'nav.complaints': 'Шағымдар',
  'nav.rules': 'Ережелер',
  'nav.logout': 'Шығу',
};

const WORDS: Record<Lang, Record<WordKey, string>> = { en, ru, kk };
const compiled = new Map<string, IntlMessageFormat>();

export function w(lang: Lang, key: WordKey, values: Record<string, string | number> = {}): string {
  const id = `${lang}\u0000${key}`;
  let f = compiled.get(id);
  if (!f) compiled.set(id, (f = new IntlMessageFormat(WORDS[lang][key], lang)));
  return String(f.format(values));
}
