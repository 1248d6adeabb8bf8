import type { MessageKey } from './en.js';

/** Қазақ тіліндегі хабарламалар (ICU MessageFormat). */
export const kk: Record<MessageKey, string> = {
  'calendar.title': '{year} жылғы өндірістік күнтізбе',
  'calendar.final': 'Осы жылғы демалыс күндерін ауыстыру туралы қаулы ескерілген.',
  'calendar.provisional':
    'Алдын ала: осы жылғы демалыс күндерін ауыстыру туралы қаулы әлі ескерілмеген; күнтізбе тек мерекелер мен ауыстыру ережесі бойынша есептелген.',
  'calendar.columns': 'Ай|Жұмыс күндері|Демалыс күндері',
  'calendar.total': 'Жыл',
  'calendar.weekdaysOff': 'Жұмыс күндеріне келген демалыс:',
  'calendar.weekendWorked': 'Жұмыс істейтін сенбі мен жексенбі:',
  'calendar.none': '  жоқ',
  'calendar.why.working': 'жұмыс күні',
  'calendar.why.weekend': 'демалыс күні',
  'calendar.why.holiday': 'мереке: {name}',
  'calendar.why.weekendHoliday': 'демалыс күні; мереке: {name}',
  'calendar.why.substitute': 'демалыс күніне ({holiday, date, long}) келген «{name}» мерекесінің орнына демалыс',
  'calendar.why.transferOff': 'қаулымен {day, date, long} күнінен ауыстырылған демалыс: {decree}',
  'calendar.why.transferWorked': 'қаулы бойынша жұмыс күні, демалыс {day, date, long} күніне ауыстырылды: {decree}',
  'calendar.why.decreedWorking': 'қаулы бойынша жұмыс күні: {note}',
  'calendar.why.correctionOff': 'түзету бойынша демалыс: {note}',
  'calendar.why.correctionWorked': 'түзету бойынша жұмыс күні: {note}',
  'calendar.add': '{from, date, long} күнінен кейінгі {n, plural, other {#-жұмыс күні}}: {to, date, long} ({to, date, ::EEEE})',
  'calendar.missingNextYear':
    'Назар аударыңыз: {year} жылға өндірістік күнтізбе файлы жоқ (rules/calendar/{year}.json). Қаулы ескерілгенше {year} жылғы мерзімдер тек мерекелер мен ауыстыру ережесі бойынша есептеледі.',
  'deadline.provisional':
    'Алдын ала: бұл мерзім {years} жылғы демалыс күндерін ауыстыру туралы қаулы ескерілгенге дейін есептелген; күн әлі өзгеруі мүмкін.',

  'common.date': '{date, date, long}',
  'common.language': '{language, select, kk {қазақ тілі} ru {орыс тілі} other {{language}}}',
  'common.groupType': '{groupType, select, general {жалпы} special {арнайы (ерекше білім беру қажеттіліктері бар балаларға арналған)} other {{groupType}}}',
  'common.yes': 'иә',
  'common.no': 'жоқ',
  'common.none': 'жоқ',
  'common.noReason': 'себебі жазылмаған',

  'situation.queued': 'Кезекте: {district}, {birthYear} жылы туған балалар арасында кезек нөмірі {number} (барлығы {size}), {date, date, long} күнгі жағдай бойынша.',
  'situation.waiting.desiredFrom':
    'Өтініш тіркелді, орын алуға құқығы бар. Ол отбасы көрсеткен {until, date, long} күнінен бастап бөлуге қатысады және сонда кезек нөмірін алады.',
  'situation.waiting.stopList':
    'Өтініш {until, date, long} күнін қоса алғанда тоқтату тізімінде: {next, date, long} күнінен бастап ол қайтадан бөлуге қатысып, кезек нөмірін алады.',
  'situation.notEligible':
    'Өтініш тіркелген, бірақ {date, date, long} күні орын ұсыну мүмкін емес: {reasons}. Өтініш тіркеуде қалады және әр түні қайта қаралады.',
  'situation.refused': 'Өтінішті тіркеуден {on, date, long} күні бас тартылды: {reasons}.',
  'situation.agedOut': 'Өтініш {on, date, long} күні кезектен шығарылды: {reasons}.',
  'situation.offered':
    '{issuedOn, date, long} күні жолдама берілді: {kindergarten}. Оны {confirmBy, date, long} күнін қоса алғанда растаңыз немесе одан бас тартыңыз (берілген күннен кейін {days} жұмыс күні ішінде).',
  'situation.proof':
    'Орын «{category}» санаты бойынша «{rights}» құқығымен берілді: құқықты білім бөлімінде {proofBy, date, long} күнін қоса алғанда жеке өзіңіз растаңыз (берілген күннен кейін {proofWorkingDays} жұмыс күні ішінде). Әйтпесе жолдаманың күші жойылып, өтініш кезекке «{general}» санатымен қайтарылады.',
  'situation.confirmed':
    'Жолдама ({kindergarten}) {confirmedOn, date, long} күні расталды. Құжаттарды тапсырып, балабақшамен шартты {enrollBy, date, long} күнін қоса алғанда жасасыңыз.',
  'situation.expired.confirm':
    'Жолдаманың ({kindergarten}) мерзімі өтті: оны {deadline, date, long} күнін қоса алғанда растау керек еді. Келесі түнгі бөлу оны жабады және орынды кезектегі келесі балаға ұсынады; өтініш белсенді емес болады.',
  'situation.expired.enrol':
    'Жолдаманың ({kindergarten}) мерзімі өтті: баланы {deadline, date, long} күнін қоса алғанда қабылдату керек еді. Келесі түнгі бөлу оны жабады және орынды кезектегі келесі балаға ұсынады; өтініш белсенді емес болады.',
  'situation.expired.proof':
    'Жолдаманың ({kindergarten}) мерзімі өтті: басымдық құқығын {deadline, date, long} күнін қоса алғанда растау керек еді. Келесі түнгі бөлу жолдаманың күшін жояды; өтініш тіркелу уақыты сақталып, кезекке «{general}» санатымен қайтарылады және {stopListDays} күнтізбелік күнге тоқтату тізіміне енгізіледі.',
  'situation.enrolled': 'Бала {on, date, long} күні балабақшаға қабылданды: {kindergarten}. Өтініш кезектен шықты.',
  'situation.lapsed.confirm':
    'Жолдаманың ({kindergarten}) мерзімі өтті: ол {deadline, date, long} күнін қоса алғанда расталмады. Өтініш {on, date, long} күнінен бері белсенді емес.',
  'situation.lapsed.enrol':
    'Жолдаманың ({kindergarten}) мерзімі өтті: бала {deadline, date, long} күнін қоса алғанда қабылданбады. Өтініш {on, date, long} күнінен бері белсенді емес.',
  'situation.lapsed.other': 'Өтініш {on, date, long} күнінен бері белсенді емес.',
  'situation.restore.open':
    'Оны кезектегі орнын сақтай отырып, {restoreBy, date, long} күнін қоса алғанда бір рет қалпына келтіруге болады (белсенді емес болған күннен кейін {restoreCalendarDays} күнтізбелік күн ішінде).',
  'situation.restore.used': 'Ол {restoredOn, date, long} күні бір рет қалпына келтірілген: мерзімнің қайта өтуі түпкілікті.',
  'situation.restore.closed': 'Қалпына келтіру мерзімі {restoreBy, date, long} күні аяқталды.',
  'situation.cancelled':
    'Жолдаманың ({kindergarten}) күші {on, date, long} күні жойылды: басымдық құқығы {proofBy, date, long} күнін қоса алғанда расталмады. Өтініш тіркелу уақыты сақталып, кезекке «{general}» санатымен қайтарылды және {stopListUntil, date, long} күнін қоса алғанда тоқтату тізімінде тұр; {next, date, long} күнінен бастап қайтадан бөлуге қатысады.',
  'situation.declined': 'Отбасы {on, date, long} күні жолдамадан ({kindergarten}) бас тартты; өтініш кезектен шықты.',
  'situation.withdrawn': 'Өтініш {on, date, long} күні кезектен кері шақырып алынды.',
  'situation.recorded':
    'Өтініш «{status, select, queued {кезекте} offered {жолдама берілген} confirmed {жолдама расталған} enrolled {қабылданған} refused {бас тартылған} inactive {белсенді емес} annulled {кері шақырып алынған} aged_out {жасына байланысты кезектен шыққан} other {{status}}}» мәртебесімен жазылған.',
  'situation.queuedNoNumber': '{date, date, long} күні кезекте; сол күнге нөмір есептелмеген.',
  'next.askDepartment': 'Өтініш туралы толығырақ білім бөлімі хабарлайды.',

  'next.queued':
    'Қазір ештеңе істеудің қажеті жоқ: түнгі бөлу әр түні лайықты орын босай салысымен оны ұсынады. Басымдық құқығын растайтын құжаттың мерзімін қадағалаңыз: мерзімі өткен құжат есепке алынбайды.',
  'next.notEligible': 'Қазір ештеңе істеудің қажеті жоқ: ережелер рұқсат еткенде өтініш бөлуге қатысады.',
  'next.agedOut': 'Бала осы қызметтің жас шегіне жетті: өтініш кезекке қайта алмайды.',
  'next.refused': 'Бас тарту себебі жойылғанда қайта өтініш беруге болады.',
  'next.complaint':
    'Шешімге шағымды білім бөліміне немесе «Азаматтарға арналған үкімет» Мемлекеттік корпорациясына (қарау мерзімі — {complaintProviderWorkingDays} жұмыс күні) не мемлекеттік қызметтер көрсету сапасын бағалау жөніндегі уәкілетті органға (қарау мерзімі — {complaintAuthorityWorkingDays} жұмыс күні) беруге болады.',
  'next.offered': 'Жолдаманы {confirmBy, date, long} күнін қоса алғанда растаңыз немесе одан бас тартыңыз: білім бөлімінде, Мемлекеттік корпорацияда немесе электрондық үкімет порталында.',
  'next.proof': 'Басымдық құқығын растайтын құжатты білім бөліміне {proofBy, date, long} күнін қоса алғанда әкеліңіз.',
  'next.confirmed':
    'Құжаттарды тапсырып, балабақшамен шартты {enrollBy, date, long} күнін қоса алғанда жасасыңыз; өтініш бойынша бұл мерзімді бір рет {extensionCalendarDays} күнтізбелік күнге дейін ұзартуға болады.',
  'next.expired':
    'Бұл жолдаманы енді растау мүмкін емес. Келесі түнгі бөлуден кейін өтінішті кезектегі орнын сақтай отырып, {restoreCalendarDays} күнтізбелік күн ішінде бір рет қалпына келтіруге болады.',
  'next.expiredProof': 'Бұл жолдама бойынша енді ештеңе істеу мүмкін емес; өтініш жоғарыда сипатталғандай кезекте қалады.',
  'next.enrolled': 'Басқа ештеңе істеудің қажеті жоқ.',
  'next.restore': 'Кезектегі орынды сақтау үшін өтінішті қалпына келтіру туралы білім бөліміне {restoreBy, date, long} күнін қоса алғанда жүгініңіз.',
  'next.registerAgain': 'Кезекке қайта тұру үшін жаңа өтініш беріңіз.',
  'next.cancelled': 'Қазір ештеңе істеудің қажеті жоқ: {next, date, long} күнінен бастап өтініш «{general}» санатымен қайтадан бөлуге қатысады.',

  'explain.title': '{id} өтініші, {date, date, long} күнгі жағдай',
  'explain.h.why': 'Неліктен:',
  'explain.h.queue': 'Кезек:',
  'explain.h.next': 'Не істеуге болады:',
  'explain.h.choices': 'Неліктен әзірге орын жоқ, әр таңдау бойынша:',
  'explain.h.trace': 'Әр ереже бойынша ({version} нұсқасындағы ережелер, хэш {hash}):',
  'explain.expired': 'Есепке алынбады, растайтын құжаттың мерзімі өтті: {rights}.',
  'explain.stored': '{runDate, date, long} күнгі түнгі бөлу {number} нөмірін берді.',
  'explain.place.no_places': 'балабақшада орын ұсынылған топ жоқ',
  'explain.place.no_group_for_birth_year': '{birthYear} жылы туған балаларға арналған топ жоқ',
  'explain.place.no_group_in_language': '{birthYear} жылы туған балаларға арналған {language, select, kk {қазақ} ru {орыс} other {{language}}} тілінде оқытатын топ жоқ',
  'explain.place.no_group_of_type':
    '{birthYear} жылы туған балаларға арналған {language, select, kk {қазақ} ru {орыс} other {{language}}} тілінде оқытатын {groupType, select, special {арнайы} other {жалпы}} топ жоқ',
  'explain.place.seats_taken': 'лайықты топтар бар, бірақ барлық орынды кезекте алда тұрған балалар алды',
  'explain.place.free_now': 'қазір лайықты бос орын бар; оны келесі түнгі бөлу ескереді',
  'explain.choice': '{rank}. {name}: {why}',
  'explain.choiceAny': 'Ауданның кез келген балабақшасы: {why}',
  'explain.noAny': 'Отбасы ауданның кез келген балабақшасына келісім бермеген.',
  'explain.trace.fired': '✓ {rule}: орындалды → {gives}',
  'explain.trace.notFired': '✗ {rule}: орындалмады (береді: {gives})',
  'explain.trace.outranked': ' («{by}» басым)',
  'explain.trace.givesRefusal': 'бас тарту: {reason}',
  'explain.trace.givesCategory': '«{category}» санаты',
  'explain.trace.condition': '{fact}: {actual}; шарт {op} {value}: {result}',
  'explain.trace.notChecked': 'тексерілмеді',
  'explain.trace.storedRules': '{runDate, date, long} күнгі түнгі бөлу {version} нұсқасындағы ережелерді қолданды.',
  'explain.trace.missingRules': 'Сол бөлу қолданған ережелер (хэш {hash}) ережелер қалтасында енді жоқ; оны дәл қайталау үшін сол нұсқаны қайтарыңыз.',

  'fact.ageYears': 'жасы (толық жыл)',
  'fact.ageMonths': 'жасы (толық ай)',
  'fact.birthYear': 'туған жылы',
  'fact.district': 'аудан',
  'fact.channel': 'өтініш беру арнасы',
  'fact.language': 'топ тілі',
  'fact.groupType': 'топ түрі',
  'fact.status': 'мәртебесі',
  'fact.validRights': 'құжаты жарамды құқықтар',
  'fact.expiredRights': 'құжатының мерзімі өткен құқықтар',
  'fact.daysWaited': 'күткен күндер',
  'fact.preferenceCount': 'таңдалған балабақшалар саны',
  'fact.acceptAnyInDistrict': 'ауданның кез келген балабақшасына келісім',
  'fact.onStopList': 'тоқтату тізімінде',
  'fact.desiredFromReached': 'қалаған күні келді',
  'operator.equal': '=',
  'operator.notEqual': '≠',
  'operator.lessThan': '<',
  'operator.lessThanInclusive': '≤',
  'operator.greaterThan': '>',
  'operator.greaterThanInclusive': '≥',
  'operator.in': 'мыналардың бірі',
  'operator.notIn': 'мыналардың ешқайсысы емес',
  'operator.contains': 'құрамында бар',
  'operator.doesNotContain': 'құрамында жоқ',

  'position.title': '{id} өтініші: {date, date, long} күнгі кезек нөмірі {number} (барлығы {size})',
  'position.cohort': '{birthYear} жылы туған балалар, {district}.',
  'position.category': 'Санаты: {category}.',
  'position.categoryRights': 'Санаты: {category} (құқықтар: {rights}).',
  'position.ahead': 'Алда: {total, plural, =0 {ешкім жоқ} other {# бала}} ({list}).',
  'position.aheadItem': '{category}: {count}',
  'position.order':
    'Реті: алдымен «{extraordinary}»; содан кейін «{primary}» мен «{general}» кезектесіп, {quotaPrimary}:{quotaGeneral} арақатынасында; әрқайсысының ішінде тіркелу уақыты бойынша.',
  'position.other': '{id} өтініші:',
  'position.child.none': 'Бұл баланың өтініші жоқ.',
  'position.child.count': 'Бұл баланың өтініштері: {count}.',

  'register.repeated': '{id} өтініші бұрын дәл осы мазмұнмен тіркелген; хабарлама күшінде қалады.',
  'register.registered': 'Кезекке қою туралы хабарлама: {id} өтініші.',
  'register.refused': 'Бас тарту туралы хабарлама: {id} өтініші кезекке қойылмады.',
  'register.reasons': 'Себептері: {reasons}.',

  'history.title': '{id} өтінішінің әр түнгі бөлуден кейінгі кезек нөмірлері ({birthYear} жылы туған балалар, {district}):',
  'history.never': 'Түнгі бөлу оған әлі нөмір берген жоқ.',
  'history.night': '{date, date, long}: нөмір {number}{delta}',
  'history.nightOff': '{date, date, long}: нөмірсіз',
  'history.first': 'алғашқы нөмір',
  'history.left':
    '{why, select, referred {Жолдама алған алдағы балалар} aged_out {Жас шегіне жетіп, кезектен шыққан алдағы балалар} withdrawn {Отбасы өтінішін кері шақырып алған алдағы балалар} refused {Бас тартылған алдағы балалар} not_eligible {Осы күні орын алуға құқығы жоқ алдағы балалар} stop_list {Тоқтату тізіміне енгізілген алдағы балалар} other {Үміткер болудан қалған алдағы балалар}} («{category}»): {count}',
  'history.joined':
    '{why, select, registered {Алға тұрған жаңа өтініштер} restored {Орны сақталып қалпына келтірілген, енді алда тұрған өтініштер} off_stop_list {Тоқтату тізімінен шығып, енді алда тұрған балалар} desired_from {Қалаған күні келіп, енді алда тұрған балалар} eligible {Қайтадан құқық алып, енді алда тұрған балалар} other {Алда үміткер болған балалар}} («{category}»): {count}',
  'history.ownCategory':
    '{why, select, right_expired {Баланың құқығын растайтын құжаттың мерзімі өтті} right_not_proven {Баланың басымдық құқығы расталмады} right_added {Балада басымдық құқығы пайда болды} other {Баланың құқықтары өзгерді}}: санаты «{from}» → «{to}»',
  'history.theirCategory':
    '{direction, select, ahead {Санаты өзгеріп, алға шыққан балалар} other {Санаты өзгеріп, артта қалған балалар}} («{from}» → «{to}»): {count}',
  'history.quota':
    '{direction, select, ahead {Өзгерген кезекте квота бойынша кезектесу ({quotaPrimary}:{quotaGeneral}) салдарынан алға шыққан балалар («{category}»)} other {Өзгерген кезекте квота бойынша кезектесу ({quotaPrimary}:{quotaGeneral}) салдарынан артта қалған балалар («{category}»)}}: {count}',
  'history.off':
    '{why, select, referred {жолдама берілді} aged_out {жас шегіне жетіп, кезектен шықты} withdrawn {отбасы кері шақырып алды} refused {бас тартылды} not_eligible {осы күні орын алуға құқығы жоқ} stop_list {тоқтату тізімінде} waiting {қалаған күнін күтуде} other {үміткер емес}}',
  'history.on':
    '{why, select, restored {кезекке қалпына келтірілді} off_stop_list {тоқтату тізімінен шықты} desired_from {қалаған күні келді} eligible {қайтадан құқығы бар} registered {тіркелді} other {қайтадан үміткер}}',

  'doc.issuer': '{district} білім бөлімі',
  'doc.service':
    '«Мектепке дейінгі балалар ұйымдарына жіберу үшін мектепке дейінгі жастағы ({maxAgeYears} жасқа дейін) балаларды кезекке қою» мемлекеттік көрсетілетін қызметі',
  'doc.reference': '№ {number}, {date, date, long}',
  'doc.footer': 'kezek {date, date, long} күні жасады ({version} нұсқасындағы ережелер); өтініштің сол күнгі жағдайын көрсетеді.',
  'doc.referral.title': 'ЖОЛДАМА',
  'doc.referral.subtitle': 'мектепке дейінгі ұйымға',
  'doc.queue.title': 'ХАБАРЛАМА',
  'doc.queue.subtitle': 'кезекке қою туралы',
  'doc.refusal.title': 'ХАБАРЛАМА',
  'doc.refusal.subtitle': 'бас тарту туралы',
  'doc.lapse.title': 'ХАБАРЛАМА',
  'doc.lapse.subtitle': 'жолдаманың мерзімі өткені туралы',
  'doc.cancellation.title': 'ХАБАРЛАМА',
  'doc.cancellation.subtitleReferral': 'жолдаманың күшін жою туралы',
  'doc.cancellation.subtitleApplication': 'өтінішті кері шақырып алу туралы',
  'doc.refusal.lead':
    '{kind, select, refused {Өтінішті тіркеуден {on, date, long} күні бас тартылды.} aged_out {Өтініш {on, date, long} күні кезектен шығарылды.} other {{on, date, long} күні орын ұсыну мүмкін емес; өтініш тіркеуде қалады және әр түні қайта қаралады.}}',
  'doc.label.child': 'Бала',
  'doc.label.birthDate': 'Туған күні',
  'doc.label.application': 'Өтініш',
  'doc.label.referral': 'Жолдама',
  'doc.label.kindergarten': 'Балабақша',
  'doc.label.group': 'Топ',
  'doc.label.language': 'Оқыту тілі',
  'doc.label.groupType': 'Топ түрі',
  'doc.label.category': 'Санаты',
  'doc.label.issued': 'Берілген күні',
  'doc.label.choices': 'Таңдалған балабақшалар',
  'doc.label.anyInDistrict': 'Ауданның кез келген балабақшасы',
  'doc.value.application': '{id}, {registeredOn, date, long} күні тіркелген',
  'doc.value.referral': '№ {id}, {issuedOn, date, long}',
  'doc.value.group': '{group} ({birthYear} жылы туған балалар)',
  'doc.value.categoryRights': '{category} ({rights})',
  'doc.value.choice': '{rank}. {name}',
  'doc.h.reasons': 'Себептері',
  'doc.h.next': 'Не істеуге болады',
  'doc.h.todo': 'Не істеу керек',
  'doc.h.bring': 'Не әкелу керек',
  'doc.h.ifNothing': 'Ештеңе істемесеңіз',
  'doc.h.complaint': 'Шағымдану',
  'doc.referral.confirmBy':
    'Жолдаманы {confirmBy, date, long} күнін қоса алғанда растаңыз немесе одан бас тартыңыз: берілген күннен кейін {days} жұмыс күні ішінде.',
  'doc.todo.confirm': 'Жолдаманы {confirmBy, date, long} күнін қоса алғанда растаңыз немесе одан бас тартыңыз: білім бөлімінде, Мемлекеттік корпорацияда немесе электрондық үкімет порталында.',
  'doc.todo.proof': 'Басымдық құқығын ({rights}) білім бөлімінде {proofBy, date, long} күнін қоса алғанда жеке өзіңіз растаңыз: берілген күннен кейін {proofWorkingDays} жұмыс күні ішінде.',
  'doc.todo.enrol':
    'Растағаннан кейін {enrollWorkingDays} жұмыс күні ішінде құжаттарды тапсырып, балабақшамен шарт жасасыңыз; өтініш бойынша бұл мерзімді бір рет {extensionCalendarDays} күнтізбелік күнге дейін ұзартуға болады.',
  'doc.todo.enrolBy':
    'Құжаттарды тапсырып, балабақшамен шартты {enrollBy, date, long} күнін қоса алғанда жасасыңыз; өтініш бойынша бұл мерзімді бір рет {extensionCalendarDays} күнтізбелік күнге дейін ұзартуға болады.',
  'doc.bring.referral': 'осы жолдама',
  'doc.bring.identity': 'ата-ананың немесе заңды өкілдің жеке басын куәландыратын құжат',
  'doc.bring.birth': 'баланың туу туралы куәлігі',
  'doc.bring.proof': 'басымдық құқығын растайтын құжат ({rights}): білім бөліміне жеке өзіңіз, {proofBy, date, long} күнін қоса алғанда',
  'doc.ifNothing.confirm':
    '{confirmBy, date, long} күнін қоса алғанда жауап берілмесе: жолдаманың мерзімі өтеді, орын келесі балаға беріледі, өтініш белсенді емес болады. Оны кезектегі орнын сақтай отырып, {restoreCalendarDays} күнтізбелік күн ішінде бір рет қалпына келтіруге болады.',
  'doc.ifNothing.enrol':
    'Растағаннан кейін {enrollWorkingDays} жұмыс күні (немесе ұзартылған мерзім) ішінде бала қабылданбаса: жолдаманың мерзімі дәл солай өтеді.',
  'doc.ifNothing.proof':
    'Құқық {proofBy, date, long} күнін қоса алғанда расталмаса: жолдаманың күші жойылады, өтініш тіркелу уақыты сақталып, кезекке «{general}» санатымен қайтарылады және {stopListDays} күнтізбелік күнге тоқтату тізіміне енгізіледі.',
  'doc.queue.number': 'Кезек нөмірі',
  'doc.queue.caption': '{district}, {birthYear} жылы туған {size} баланың ішінде; {computedOn, date, long} күні есептелді',
  'doc.queue.storedOn': 'Нөмірді {computedOn, date, long} күнгі түнгі бөлу берді.',
  'doc.queue.liveOn': 'Нөмір {computedOn, date, long} күнгі үміткерлер бойынша есептелді.',
  'doc.queue.changes':
    'Нөмір түннен түнге өзгеруі мүмкін: алда тұрған балалар жолдама алады немесе кезектен шығады, ал басымдық құқығы бар балалар алға шығуы мүмкін. Ағымдағы нөмірді және оның неліктен өзгергенін білім бөлімі хабарлайды.',
};
