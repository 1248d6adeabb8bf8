import type { MessageKey } from './en.js';

/** Сообщения на русском (ICU MessageFormat). */
export const ru: Record<MessageKey, string> = {
  'calendar.title': 'Производственный календарь на {year} год',
  'calendar.final': 'Постановление о переносе выходных дней на этот год учтено.',
  'calendar.provisional':
    'Предварительно: постановление о переносе выходных дней на этот год ещё не учтено; календарь рассчитан только по праздникам и правилу переноса.',
  'calendar.columns': 'Месяц|Рабочих дней|Выходных',
  'calendar.total': 'Год',
  'calendar.weekdaysOff': 'Выходные в будние дни:',
  'calendar.weekendWorked': 'Рабочие субботы и воскресенья:',
  'calendar.none': '  нет',
  'calendar.why.working': 'рабочий день',
  'calendar.why.weekend': 'выходной',
  'calendar.why.holiday': 'праздник: {name}',
  'calendar.why.weekendHoliday': 'выходной; праздник: {name}',
  'calendar.why.substitute': 'выходной вместо праздника «{name}», пришедшегося на выходной ({holiday, date, long})',
  'calendar.why.transferOff': 'выходной, перенесённый с {day, date, long} постановлением: {decree}',
  'calendar.why.transferWorked': 'рабочий день по постановлению, выходной перенесён на {day, date, long}: {decree}',
  'calendar.why.decreedWorking': 'рабочий день по постановлению: {note}',
  'calendar.why.correctionOff': 'выходной по поправке: {note}',
  'calendar.why.correctionWorked': 'рабочий день по поправке: {note}',
  'calendar.add':
    '{n, plural, one {# рабочий день} few {# рабочих дня} many {# рабочих дней} other {# рабочего дня}} после {from, date, long}: {to, date, long} ({to, date, ::EEEE})',
  'calendar.missingNextYear':
    'Внимание: нет файла производственного календаря на {year} год (rules/calendar/{year}.json). Сроки в {year} году рассчитываются только по праздникам и правилу переноса, пока не будет учтено постановление.',
  'deadline.provisional':
    'Предварительно: срок рассчитан до того, как было учтено постановление о переносе выходных дней на {years} год; дата ещё может измениться.',

  'common.date': '{date, date, long}',
  'common.language': '{language, select, kk {казахский} ru {русский} other {{language}}}',
  'common.groupType': '{groupType, select, general {общая} special {специальная (для детей с особыми образовательными потребностями)} other {{groupType}}}',
  'common.yes': 'да',
  'common.no': 'нет',
  'common.none': 'нет',
  'common.noReason': 'причина не записана',

  'situation.queued': 'В очереди: номер {number} из {size} среди детей {birthYear} года рождения, {district}, на {date, date, long}.',
  'situation.waiting.desiredFrom':
    'Заявление зарегистрировано, права на место есть. Оно участвует в распределении с {until, date, long} — с даты, указанной семьёй, и тогда получит номер в очереди.',
  'situation.waiting.stopList':
    'Заявление в стоп-листе по {until, date, long} включительно: с {next, date, long} оно снова участвует в распределении и получает номер в очереди.',
  'situation.notEligible':
    'Заявление зарегистрировано, но на {date, date, long} место предложить нельзя: {reasons}. Заявление остаётся зарегистрированным и каждую ночь рассматривается снова.',
  'situation.refused': 'В регистрации заявления отказано {on, date, long}: {reasons}.',
  'situation.agedOut': 'Заявление снято с очереди {on, date, long}: {reasons}.',
  'situation.offered':
    'Выдано направление в {kindergarten} от {issuedOn, date, long}. Подтвердите его или откажитесь до {confirmBy, date, long} включительно (в течение {days, plural, one {# рабочего дня} other {# рабочих дней}} после дня выдачи).',
  'situation.proof':
    'Место предоставлено в категории «{category}» по праву «{rights}»: подтвердите право лично в отделе образования до {proofBy, date, long} включительно (в течение {proofWorkingDays, plural, one {# рабочего дня} other {# рабочих дней}} после дня выдачи). Иначе направление аннулируется, а заявление возвращается в очередь в категории «{general}».',
  'situation.confirmed':
    'Направление в {kindergarten} подтверждено {confirmedOn, date, long}. Сдайте документы и заключите договор с детским садом до {enrollBy, date, long} включительно.',
  'situation.expired.confirm':
    'Срок направления в {kindergarten} истёк: его нужно было подтвердить до {deadline, date, long}. Ближайшее ночное распределение закроет его и предложит место следующему ребёнку; заявление станет неактивным.',
  'situation.expired.enrol':
    'Срок направления в {kindergarten} истёк: ребёнка нужно было зачислить до {deadline, date, long}. Ближайшее ночное распределение закроет его и предложит место следующему ребёнку; заявление станет неактивным.',
  'situation.expired.proof':
    'Срок направления в {kindergarten} истёк: право на приоритет нужно было подтвердить до {deadline, date, long}. Ближайшее ночное распределение аннулирует направление; заявление вернётся в очередь в категории «{general}» с сохранением времени регистрации и на {stopListDays, plural, one {# календарный день} few {# календарных дня} many {# календарных дней} other {# календарного дня}} попадёт в стоп-лист.',
  'situation.enrolled': 'Ребёнок зачислен в {kindergarten} {on, date, long}. Заявление снято с очереди.',
  'situation.lapsed.confirm':
    'Срок направления в {kindergarten} истёк: оно не было подтверждено до {deadline, date, long}. Заявление неактивно с {on, date, long}.',
  'situation.lapsed.enrol':
    'Срок направления в {kindergarten} истёк: ребёнок не был зачислен до {deadline, date, long}. Заявление неактивно с {on, date, long}.',
  'situation.lapsed.other': 'Заявление неактивно с {on, date, long}.',
  'situation.restore.open':
    'Его можно один раз восстановить с сохранением места в очереди по {restoreBy, date, long} включительно (в течение {restoreCalendarDays, plural, one {# календарного дня} other {# календарных дней}} после того, как оно стало неактивным).',
  'situation.restore.used': 'Оно уже было восстановлено один раз, {restoredOn, date, long}: повторное истечение срока окончательно.',
  'situation.restore.closed': 'Срок восстановления истёк {restoreBy, date, long}.',
  'situation.cancelled':
    'Направление в {kindergarten} аннулировано {on, date, long}: право на приоритет не подтверждено до {proofBy, date, long}. Заявление возвращено в очередь в категории «{general}» с сохранением времени регистрации и находится в стоп-листе по {stopListUntil, date, long} включительно; с {next, date, long} оно снова участвует в распределении.',
  'situation.declined': 'Семья отказалась от направления в {kindergarten} {on, date, long}; заявление снято с очереди.',
  'situation.withdrawn': 'Заявление отозвано из очереди {on, date, long}.',
  'situation.recorded':
    'Заявление записано со статусом «{status, select, queued {в очереди} offered {выдано направление} confirmed {направление подтверждено} enrolled {зачислен} refused {отказано} inactive {неактивно} annulled {отозвано} aged_out {снято с очереди по возрасту} other {{status}}}».',
  'situation.queuedNoNumber': 'В очереди на {date, date, long}; номер на этот день не рассчитывался.',
  'next.askDepartment': 'Подробнее о заявлении сообщит отдел образования.',

  'next.queued':
    'Сейчас ничего делать не нужно: каждую ночь распределение предлагает место, как только освобождается подходящее. Следите, чтобы документ о праве на приоритет был действителен: просроченный документ не учитывается.',
  'next.notEligible': 'Сейчас ничего делать не нужно: заявление будет участвовать в распределении, как только это позволят правила.',
  'next.agedOut': 'Ребёнок достиг предельного возраста этой услуги: заявление не может вернуться в очередь.',
  'next.refused': 'Можно подать заявление снова, когда причина отказа отпадёт.',
  'next.complaint':
    'Жалобу на решение можно подать в отдел образования или в Госкорпорацию «Правительство для граждан» (рассматривается в течение {complaintProviderWorkingDays, plural, one {# рабочего дня} other {# рабочих дней}}) либо в уполномоченный орган по оценке качества государственных услуг (в течение {complaintAuthorityWorkingDays, plural, one {# рабочего дня} other {# рабочих дней}}).',
  'next.offered': 'Подтвердите направление или откажитесь от него до {confirmBy, date, long} включительно: в отделе образования, в Госкорпорации или на портале электронного правительства.',
  'next.proof': 'Принесите в отдел образования документ, подтверждающий право на приоритет, до {proofBy, date, long} включительно.',
  'next.confirmed':
    'Сдайте документы и заключите договор с детским садом до {enrollBy, date, long} включительно; по заявлению срок можно один раз продлить не более чем на {extensionCalendarDays, plural, one {# календарный день} few {# календарных дня} many {# календарных дней} other {# календарного дня}}.',
  'next.expired':
    'Подтвердить это направление уже нельзя. После ближайшего ночного распределения заявление можно один раз восстановить в течение {restoreCalendarDays, plural, one {# календарного дня} other {# календарных дней}} с сохранением места в очереди.',
  'next.expiredProof': 'По этому направлению сделать уже ничего нельзя; заявление остаётся в очереди, как описано выше.',
  'next.enrolled': 'Больше ничего делать не нужно.',
  'next.restore': 'Чтобы сохранить место в очереди, обратитесь в отдел образования за восстановлением заявления до {restoreBy, date, long} включительно.',
  'next.registerAgain': 'Чтобы снова встать в очередь, подайте новое заявление.',
  'next.cancelled': 'Сейчас ничего делать не нужно: с {next, date, long} заявление снова участвует в распределении в категории «{general}».',

  'explain.title': 'Заявление {id} на {date, date, long}',
  'explain.h.why': 'Почему:',
  'explain.h.queue': 'Очередь:',
  'explain.h.next': 'Что можно сделать:',
  'explain.h.choices': 'Почему места пока нет, по каждому выбору:',
  'explain.h.trace': 'По каждому правилу (правила версии {version}, хэш {hash}):',
  'explain.expired': 'Не учтены, срок подтверждающего документа истёк: {rights}.',
  'explain.stored': 'Ночное распределение {runDate, date, long} дало номер {number}.',
  'explain.place.no_places': 'в детском саду нет групп с местами',
  'explain.place.no_group_for_birth_year': 'нет группы для детей {birthYear} года рождения',
  'explain.place.no_group_in_language': 'нет группы для детей {birthYear} года рождения с {language, select, kk {казахским} ru {русским} other {{language}}} языком обучения',
  'explain.place.no_group_of_type':
    'нет {groupType, select, special {специальной} other {общей}} группы для детей {birthYear} года рождения с {language, select, kk {казахским} ru {русским} other {{language}}} языком обучения',
  'explain.place.seats_taken': 'подходящие группы есть, но все места получили дети, стоящие в очереди впереди',
  'explain.place.free_now': 'сейчас есть подходящее свободное место; его рассмотрит ближайшее ночное распределение',
  'explain.choice': '{rank}. {name}: {why}',
  'explain.choiceAny': 'Любой детский сад района: {why}',
  'explain.noAny': 'Семья не согласилась на любой детский сад района.',
  'explain.trace.fired': '✓ {rule}: выполняется → {gives}',
  'explain.trace.notFired': '✗ {rule}: не выполняется (даёт: {gives})',
  'explain.trace.outranked': ' (приоритет у «{by}»)',
  'explain.trace.givesRefusal': 'отказ: {reason}',
  'explain.trace.givesCategory': 'категория «{category}»',
  'explain.trace.condition': '{fact}: {actual}; условие {op} {value}: {result}',
  'explain.trace.notChecked': 'не проверялось',
  'explain.trace.storedRules': 'Ночное распределение {runDate, date, long} применило правила версии {version}.',
  'explain.trace.missingRules': 'Правил, которые применило то распределение (хэш {hash}), больше нет в папке правил; чтобы точно повторить его, верните эту версию.',

  'fact.ageYears': 'возраст (полных лет)',
  'fact.ageMonths': 'возраст (полных месяцев)',
  'fact.birthYear': 'год рождения',
  'fact.district': 'район',
  'fact.channel': 'канал подачи',
  'fact.language': 'язык группы',
  'fact.groupType': 'тип группы',
  'fact.status': 'статус',
  'fact.validRights': 'права с действующим документом',
  'fact.expiredRights': 'права с просроченным документом',
  'fact.daysWaited': 'дней ожидания',
  'fact.preferenceCount': 'выбрано детских садов',
  'fact.acceptAnyInDistrict': 'согласие на любой детский сад района',
  'fact.onStopList': 'в стоп-листе',
  'fact.desiredFromReached': 'желаемая дата наступила',
  'operator.equal': '=',
  'operator.notEqual': '≠',
  'operator.lessThan': '<',
  'operator.lessThanInclusive': '≤',
  'operator.greaterThan': '>',
  'operator.greaterThanInclusive': '≥',
  'operator.in': 'одно из',
  'operator.notIn': 'ни одно из',
  'operator.contains': 'содержит',
  'operator.doesNotContain': 'не содержит',

  'position.title': 'Заявление {id}: номер в очереди {number} из {size} на {date, date, long}',
  'position.cohort': 'Дети {birthYear} года рождения, {district}.',
  'position.category': 'Категория: {category}.',
  'position.categoryRights': 'Категория: {category} (права: {rights}).',
  'position.ahead': 'Впереди: {total, plural, =0 {никого} one {# ребёнок} few {# ребёнка} many {# детей} other {# ребёнка}} ({list}).',
  'position.aheadItem': '{category}: {count}',
  'position.order':
    'Порядок: сначала «{extraordinary}»; затем «{primary}» и «{general}» поочерёдно, {quotaPrimary} к {quotaGeneral}; внутри каждой — по времени регистрации.',
  'position.other': 'Заявление {id}:',
  'position.child.none': 'У этого ребёнка нет заявлений.',
  'position.child.count': 'Заявления этого ребёнка: {count}.',

  'register.repeated': 'Заявление {id} уже было зарегистрировано с тем же содержанием; уведомление остаётся в силе.',
  'register.registered': 'Уведомление о постановке в очередь: заявление {id}.',
  'register.refused': 'Уведомление об отказе: заявление {id} не поставлено в очередь.',
  'register.reasons': 'Причины: {reasons}.',

  'history.title': 'Номера заявления {id} после каждого ночного распределения (дети {birthYear} года рождения, {district}):',
  'history.never': 'Ночное распределение ещё не давало ему номера.',
  'history.night': '{date, date, long}: номер {number}{delta}',
  'history.nightOff': '{date, date, long}: без номера',
  'history.first': 'первый номер',
  'history.left':
    '{why, select, referred {Дети впереди, получившие направление} aged_out {Дети впереди, достигшие предельного возраста и снятые с очереди} withdrawn {Дети впереди, чьи заявления отозваны семьёй} refused {Дети впереди, получившие отказ} not_eligible {Дети впереди, не имеющие права на место на эту дату} stop_list {Дети впереди, попавшие в стоп-лист} other {Дети впереди, выбывшие из числа кандидатов}} («{category}»): {count}',
  'history.joined':
    '{why, select, registered {Новые заявления, вставшие впереди} restored {Восстановленные заявления с сохранением места, теперь впереди} off_stop_list {Дети, вышедшие из стоп-листа, теперь впереди} desired_from {Дети, у которых наступила желаемая дата, теперь впереди} eligible {Дети, снова получившие право на место, теперь впереди} other {Дети, ставшие кандидатами впереди}} («{category}»): {count}',
  'history.ownCategory':
    '{why, select, right_expired {Истёк срок документа о праве ребёнка} right_not_proven {Право ребёнка на приоритет не подтверждено} right_added {У ребёнка появилось право на приоритет} other {Права ребёнка изменились}}: категория «{from}» → «{to}»',
  'history.theirCategory':
    '{direction, select, ahead {Дети, вышедшие вперёд после смены категории} other {Дети, оказавшиеся позади после смены категории}} («{from}» → «{to}»): {count}',
  'history.quota':
    '{direction, select, ahead {Дети («{category}»), оказавшиеся впереди из-за чередования по квоте ({quotaPrimary} к {quotaGeneral}) в изменившейся очереди} other {Дети («{category}»), оказавшиеся позади из-за чередования по квоте ({quotaPrimary} к {quotaGeneral}) в изменившейся очереди}}: {count}',
  'history.off':
    '{why, select, referred {выдано направление} aged_out {достигнут предельный возраст, снято с очереди} withdrawn {отозвано семьёй} refused {отказ} not_eligible {нет права на место на эту дату} stop_list {в стоп-листе} waiting {ожидает желаемой даты} other {не кандидат}}',
  'history.on':
    '{why, select, restored {восстановлено в очереди} off_stop_list {вышло из стоп-листа} desired_from {наступила желаемая дата} eligible {снова имеет право на место} registered {зарегистрировано} other {снова кандидат}}',

  'doc.issuer': 'Отдел образования: {district}',
  'doc.service':
    'Государственная услуга «Постановка на очередь детей дошкольного возраста (до {maxAgeYears, plural, one {# года} other {# лет}}) для направления в дошкольные организации»',
  'doc.reference': '№ {number} от {date, date, long}',
  'doc.footer': 'Составлено kezek {date, date, long} (правила версии {version}); отражает заявление на этот день.',
  'doc.referral.title': 'НАПРАВЛЕНИЕ',
  'doc.referral.subtitle': 'в дошкольную организацию',
  'doc.queue.title': 'УВЕДОМЛЕНИЕ',
  'doc.queue.subtitle': 'о постановке в очередь',
  'doc.refusal.title': 'УВЕДОМЛЕНИЕ',
  'doc.refusal.subtitle': 'об отказе',
  'doc.lapse.title': 'УВЕДОМЛЕНИЕ',
  'doc.lapse.subtitle': 'об истечении срока направления',
  'doc.cancellation.title': 'УВЕДОМЛЕНИЕ',
  'doc.cancellation.subtitleReferral': 'об аннулировании направления',
  'doc.cancellation.subtitleApplication': 'об отзыве заявления',
  'doc.refusal.lead':
    '{kind, select, refused {В регистрации заявления отказано {on, date, long}} aged_out {Заявление снято с очереди {on, date, long}} other {На {on, date, long} место предложить нельзя; заявление остаётся зарегистрированным и каждую ночь рассматривается снова}}.',
  'doc.label.child': 'Ребёнок',
  'doc.label.birthDate': 'Дата рождения',
  'doc.label.application': 'Заявление',
  'doc.label.referral': 'Направление',
  'doc.label.kindergarten': 'Детский сад',
  'doc.label.group': 'Группа',
  'doc.label.language': 'Язык обучения',
  'doc.label.groupType': 'Тип группы',
  'doc.label.category': 'Категория',
  'doc.label.issued': 'Дата выдачи',
  'doc.label.choices': 'Выбранные детские сады',
  'doc.label.anyInDistrict': 'Любой детский сад района',
  'doc.value.application': '{id}, зарегистрировано {registeredOn, date, long}',
  'doc.value.referral': '{id} от {issuedOn, date, long}',
  'doc.value.group': '{group} (дети {birthYear} года рождения)',
  'doc.value.categoryRights': '{category} ({rights})',
  'doc.value.choice': '{rank}. {name}',
  'doc.h.reasons': 'Причины',
  'doc.h.next': 'Что можно сделать',
  'doc.h.todo': 'Что нужно сделать',
  'doc.h.bring': 'Что принести',
  'doc.h.ifNothing': 'Если ничего не сделать',
  'doc.h.complaint': 'Обжалование',
  'doc.referral.confirmBy':
    'Подтвердите направление или откажитесь от него до {confirmBy, date, long} включительно: в течение {days, plural, one {# рабочего дня} other {# рабочих дней}} после дня выдачи.',
  'doc.todo.confirm': 'Подтвердите направление или откажитесь от него до {confirmBy, date, long} включительно: в отделе образования, в Госкорпорации или на портале электронного правительства.',
  'doc.todo.proof': 'Лично подтвердите право на приоритет ({rights}) в отделе образования до {proofBy, date, long} включительно: в течение {proofWorkingDays, plural, one {# рабочего дня} other {# рабочих дней}} после дня выдачи.',
  'doc.todo.enrol':
    'В течение {enrollWorkingDays, plural, one {# рабочего дня} other {# рабочих дней}} после подтверждения сдайте документы и заключите договор с детским садом; по заявлению этот срок можно один раз продлить не более чем на {extensionCalendarDays, plural, one {# календарный день} few {# календарных дня} many {# календарных дней} other {# календарного дня}}.',
  'doc.todo.enrolBy':
    'Сдайте документы и заключите договор с детским садом до {enrollBy, date, long} включительно; по заявлению этот срок можно один раз продлить не более чем на {extensionCalendarDays, plural, one {# календарный день} few {# календарных дня} many {# календарных дней} other {# календарного дня}}.',
  'doc.bring.referral': 'это направление',
  'doc.bring.identity': 'документ, удостоверяющий личность родителя или законного представителя',
  'doc.bring.birth': 'свидетельство о рождении ребёнка',
  'doc.bring.proof': 'документ, подтверждающий право на приоритет ({rights}): лично в отдел образования до {proofBy, date, long} включительно',
  'doc.ifNothing.confirm':
    'Нет ответа до {confirmBy, date, long}: срок направления истекает, место получает следующий ребёнок, а заявление становится неактивным. Его можно один раз восстановить с сохранением места в очереди в течение {restoreCalendarDays, plural, one {# календарного дня} other {# календарных дней}}.',
  'doc.ifNothing.enrol':
    'Ребёнок не зачислен в течение {enrollWorkingDays, plural, one {# рабочего дня} other {# рабочих дней}} после подтверждения (или продлённого срока): срок направления истекает так же.',
  'doc.ifNothing.proof':
    'Право не подтверждено до {proofBy, date, long}: направление аннулируется, заявление возвращается в очередь в категории «{general}» с сохранением времени регистрации и на {stopListDays, plural, one {# календарный день} few {# календарных дня} many {# календарных дней} other {# календарного дня}} попадает в стоп-лист.',
  'doc.queue.number': 'Номер в очереди',
  'doc.queue.caption': 'из {size} среди детей {birthYear} года рождения, {district}; рассчитан {computedOn, date, long}',
  'doc.queue.storedOn': 'Номер присвоен ночным распределением {computedOn, date, long}.',
  'doc.queue.liveOn': 'Номер рассчитан по кандидатам на {computedOn, date, long}.',
  'doc.queue.changes':
    'Номер может меняться от ночи к ночи: дети впереди получают направления или выбывают из очереди, а дети с правом на приоритет могут встать впереди. Текущий номер и причины его изменения сообщит отдел образования.',
};
