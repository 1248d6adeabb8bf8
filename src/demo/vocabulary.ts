/**
 * Word lists for synthetic data: regions, districts, kindergarten names,
 * Kazakh and Russian first names and surnames. Only data, no logic.
 */

export interface RegionInfo {
  /** Name as the education department writes it. */
  readonly name: string;
  /** Kept UTC+06:00 until Kazakhstan moved to a single UTC+05:00 zone on 2024-03-01. */
  readonly east: boolean;
  /** Share of families with Kazakh names (drives names and the kk/ru language mix). */
  readonly kazakhShare: number;
}

export const REGIONS: Readonly<Record<string, RegionInfo>> = {
  ALA: { name: 'Алматы', east: true, kazakhShare: 0.62 },
  AST: { name: 'Астана', east: true, kazakhShare: 0.75 },
  SHY: { name: 'Шымкент', east: true, kazakhShare: 0.88 },
  KAR: { name: 'Қарағанды облысы', east: true, kazakhShare: 0.5 },
  AKT: { name: 'Ақтөбе облысы', east: false, kazakhShare: 0.8 },
  ATY: { name: 'Атырау облысы', east: false, kazakhShare: 0.92 },
  MAN: { name: 'Маңғыстау облысы', east: false, kazakhShare: 0.9 },
  ZKO: { name: 'Батыс Қазақстан облысы', east: false, kazakhShare: 0.72 },
  KZO: { name: 'Қызылорда облысы', east: false, kazakhShare: 0.95 },
  PAV: { name: 'Павлодар облысы', east: true, kazakhShare: 0.45 },
  SKO: { name: 'Солтүстік Қазақстан облысы', east: true, kazakhShare: 0.35 },
  KOS: { name: 'Қостанай облысы', east: true, kazakhShare: 0.42 },
  AKM: { name: 'Ақмола облысы', east: true, kazakhShare: 0.5 },
  VKO: { name: 'Шығыс Қазақстан облысы', east: true, kazakhShare: 0.5 },
  ABA: { name: 'Абай облысы', east: true, kazakhShare: 0.7 },
  ZHA: { name: 'Жамбыл облысы', east: true, kazakhShare: 0.8 },
  TUR: { name: 'Түркістан облысы', east: true, kazakhShare: 0.95 },
  ALO: { name: 'Алматы облысы', east: true, kazakhShare: 0.75 },
  ZHT: { name: 'Жетісу облысы', east: true, kazakhShare: 0.75 },
  ULY: { name: 'Ұлытау облысы', east: true, kazakhShare: 0.85 },
};

/** [id, name, relative queue size]; the first ones are the most varied, as small demos take only those. */
export const CITY_DISTRICTS: readonly (readonly [string, string, number])[] = [
  ['ALA-MED', 'Медеу ауданы', 1.0],
  ['ALA-BOS', 'Бостандық ауданы', 1.4],
  ['AST-ESL', 'Есіл ауданы', 1.7],
  ['SHY-ABA', 'Абай ауданы', 1.3],
  ['KAR-KAZ', 'Қазыбек би ауданы', 0.7],
  ['AKT-AKT', 'Ақтөбе қаласы', 1.1],
  ['ALA-ALT', 'Алатау ауданы', 1.9],
  ['AST-SAR', 'Сарыарқа ауданы', 1.0],
  ['SHY-ALF', 'Әл-Фараби ауданы', 0.9],
  ['PAV-PAV', 'Павлодар қаласы', 0.8],
  ['ALA-AUE', 'Әуезов ауданы', 1.5],
  ['AST-NUR', 'Нұра ауданы', 1.5],
  ['SHY-KAR', 'Қаратау ауданы', 1.6],
  ['ATY-ATY', 'Атырау қаласы', 1.0],
  ['KAR-BOK', 'Әлихан Бөкейхан ауданы', 0.7],
  ['ALA-NAU', 'Наурызбай ауданы', 1.3],
  ['AST-ALM', 'Алматы ауданы', 1.3],
  ['SHY-ENB', 'Еңбекші ауданы', 1.1],
  ['MAN-AKT', 'Ақтау қаласы', 0.9],
  ['VKO-UST', 'Өскемен қаласы', 0.8],
  ['ALA-TUR', 'Түрксіб ауданы', 0.9],
  ['AST-BAI', 'Байқоңыр ауданы', 1.0],
  ['SHY-TUR', 'Тұран ауданы', 1.0],
  ['KOS-KOS', 'Қостанай қаласы', 0.6],
  ['ZKO-URA', 'Орал қаласы', 0.7],
  ['ALA-ALM', 'Алмалы ауданы', 0.7],
  ['ALA-ZHE', 'Жетісу ауданы', 0.8],
  ['ZHA-TAR', 'Тараз қаласы', 0.9],
  ['KZO-KZO', 'Қызылорда қаласы', 0.8],
  ['SKO-PET', 'Петропавл қаласы', 0.45],
  ['AKM-KOK', 'Көкшетау қаласы', 0.45],
  ['TUR-TUR', 'Түркістан қаласы', 0.8],
  ['ABA-SEM', 'Семей қаласы', 0.6],
  ['ZHT-TAL', 'Талдықорған қаласы', 0.55],
  ['ULY-ZHE', 'Жезқазған қаласы', 0.3],
  ['ALO-KON', 'Қонаев қаласы', 0.35],
  ['KAR-TEM', 'Теміртау қаласы', 0.45],
];

/** [name, region prefix]: rural districts, used (with `D001`-style ids) past the city list. */
export const RURAL_DISTRICTS: readonly (readonly [string, string])[] = [
  ['Қарасай ауданы', 'ALO'],
  ['Талғар ауданы', 'ALO'],
  ['Сайрам ауданы', 'TUR'],
  ['Целиноград ауданы', 'AKM'],
  ['Еңбекшіқазақ ауданы', 'ALO'],
  ['Бұқар жырау ауданы', 'KAR'],
  ['Мұғалжар ауданы', 'AKT'],
  ['Төле би ауданы', 'TUR'],
  ['Іле ауданы', 'ALO'],
  ['Байзақ ауданы', 'ZHA'],
  ['Жылыой ауданы', 'ATY'],
  ['Маңғыстау ауданы', 'MAN'],
  ['Бурабай ауданы', 'AKM'],
  ['Сырдария ауданы', 'KZO'],
  ['Зайсан ауданы', 'VKO'],
  ['Аягөз ауданы', 'ABA'],
  ['Ақсу ауданы', 'ZHT'],
  ['Қарабалық ауданы', 'KOS'],
  ['Есіл ауданы', 'SKO'],
  ['Аққулы ауданы', 'PAV'],
  ['Теректі ауданы', 'ZKO'],
  ['Жаңаарқа ауданы', 'ULY'],
  ['Мақтаарал ауданы', 'TUR'],
  ['Шу ауданы', 'ZHA'],
  ['Қазалы ауданы', 'KZO'],
  ['Зеренді ауданы', 'AKM'],
  ['Бөрлі ауданы', 'ZKO'],
  ['Түлкібас ауданы', 'TUR'],
  ['Ордабасы ауданы', 'TUR'],
  ['Глубокое ауданы', 'VKO'],
];

export const KINDERGARTEN_NAMES: readonly string[] = [
  'Балапан', 'Айгөлек', 'Ақбота', 'Болашақ', 'Күншуақ', 'Бөбек', 'Еркетай', 'Балдырған',
  'Шаттық', 'Ақ көгершін', 'Нұрсәт', 'Жұлдыз', 'Мейірім', 'Қарлығаш', 'Арай', 'Айналайын',
  'Бәйтерек', 'Ертегі', 'Гүлдер', 'Құлыншақ', 'Солнышко', 'Радуга', 'Теремок', 'Золотой ключик',
  'Ромашка', 'Алёнушка', 'Колокольчик', 'Сказка', 'Улыбка', 'Березка',
];

export interface NameSet {
  readonly girls: readonly string[];
  readonly boys: readonly string[];
  readonly women: readonly string[];
  readonly men: readonly string[];
  /** Surnames in the masculine form; `surname()` makes the feminine one. */
  readonly surnames: readonly string[];
}

export const KAZAKH_NAMES: NameSet = {
  girls: ['Айару', 'Айгерім', 'Аружан', 'Әсем', 'Дана', 'Жансая', 'Томирис', 'Мадина', 'Аяулым', 'Інжу', 'Ақбота', 'Медина', 'Раяна', 'Айлин', 'Сафия', 'Аиша', 'Амина', 'Нұрай', 'Айша', 'Зере'],
  boys: ['Алихан', 'Нұрислам', 'Темірлан', 'Әли', 'Ерасыл', 'Айсұлтан', 'Нұрсұлтан', 'Ернар', 'Омар', 'Мұхаммед', 'Арсен', 'Ансар', 'Алдияр', 'Бексұлтан', 'Әмір', 'Інжар', 'Жанқожа', 'Нұрали', 'Ислам', 'Абылай'],
  women: ['Гүлнар', 'Айгүл', 'Динара', 'Сәуле', 'Жанар', 'Әйгерім', 'Ботагөз', 'Меруерт', 'Гүлмира', 'Салтанат', 'Әсель', 'Назым', 'Жібек', 'Ақмарал', 'Індира', 'Арайлым'],
  men: ['Ерлан', 'Асхат', 'Нұрлан', 'Дәурен', 'Бауыржан', 'Серік', 'Ержан', 'Қанат', 'Данияр', 'Азамат', 'Марат', 'Талғат', 'Ерболат', 'Айдос', 'Жандос', 'Мұрат'],
  surnames: ['Сапаров', 'Ахметов', 'Жұмабаев', 'Нұрланов', 'Серікбаев', 'Оспанов', 'Қасымов', 'Мұратов', 'Әбдірахманов', 'Төлегенов', 'Бекмұхамбетов', 'Ибраев', 'Исаев', 'Кенжебеков', 'Смағұлов', 'Байжанов', 'Омаров', 'Сейітқалиев', 'Тұрсынов', 'Жақыпов', 'Әлімжанов', 'Дүйсенбаев', 'Есенов', 'Құрманғалиев'],
};

export const RUSSIAN_NAMES: NameSet = {
  girls: ['Анна', 'Мария', 'София', 'Виктория', 'Алиса', 'Полина', 'Ева', 'Варвара', 'Ксения', 'Дарья', 'Вероника', 'Милана'],
  boys: ['Александр', 'Михаил', 'Артём', 'Максим', 'Иван', 'Матвей', 'Даниил', 'Кирилл', 'Тимофей', 'Лев', 'Марк', 'Егор'],
  women: ['Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана', 'Юлия', 'Екатерина', 'Анастасия', 'Марина'],
  men: ['Андрей', 'Сергей', 'Дмитрий', 'Алексей', 'Евгений', 'Владимир', 'Денис', 'Игорь', 'Павел', 'Виталий'],
  surnames: ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Никитин', 'Ким', 'Пак', 'Шевченко', 'Бондаренко', 'Цой'],
};

/** The surname in the form for the person's sex (Korean and Ukrainian surnames do not change). */
export function surname(masculine: string, female: boolean): string {
  if (!female) return masculine;
  return /(ов|ев|ин)$/.test(masculine) ? `${masculine}а` : masculine;
}
