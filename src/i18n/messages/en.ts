/** English messages (ICU MessageFormat). The other catalogues have exactly these keys. */
export const en = {
  'calendar.title': 'Working-day calendar of {year}',
  'calendar.final': "The year's decree on days off is recorded.",
  'calendar.provisional':
    "Provisional: the year's decree on days off is not recorded yet; computed from the public holidays and the substitution rule alone.",
  'calendar.columns': 'Month|Working days|Days off',
  'calendar.total': 'Year',
  'calendar.weekdaysOff': 'Weekdays off:',
  'calendar.weekendWorked': 'Weekend days worked:',
  'calendar.none': '  none',
  'calendar.why.working': 'working day',
  'calendar.why.weekend': 'weekend',
  'calendar.why.holiday': 'public holiday: {name}',
  'calendar.why.weekendHoliday': 'weekend; public holiday: {name}',
  'calendar.why.substitute': 'day off for {name}, which falls on a day off ({holiday, date, long})',
  'calendar.why.transferOff': 'day off moved here from {day, date, long} by decree: {decree}',
  'calendar.why.transferWorked': 'working day by decree, the day off moved to {day, date, long}: {decree}',
  'calendar.why.decreedWorking': 'working day by decree: {note}',
  'calendar.why.correctionOff': 'day off by correction: {note}',
  'calendar.why.correctionWorked': 'working day by correction: {note}',
  'calendar.add': 'The {n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} working day after {from, date, full} is {to, date, full}.',
  'calendar.missingNextYear':
    'Warning: there is no working-day calendar file for {year} (rules/calendar/{year}.json). Deadlines in {year} are computed from the public holidays and the substitution rule alone until its decree is recorded.',
  'deadline.provisional': 'Provisional: this deadline was computed before the decree on days off for {years} was recorded; the date may still move.',

  // Common words. Every message may also use the rule parameters ({confirmWorkingDays}, {quotaPrimary}, …).
  'common.date': '{date, date, long}',
  'common.language': '{language, select, kk {Kazakh} ru {Russian} other {{language}}}',
  'common.groupType': '{groupType, select, general {general} special {special (for children with special educational needs)} other {{groupType}}}',
  'common.yes': 'yes',
  'common.no': 'no',
  'common.none': 'none',
  'common.noReason': 'no reason recorded',

  // Where the family stands (explain, position, documents).
  'situation.queued': 'In the queue: number {number} of {size} among the children born in {birthYear} in {district}, at {date, date, long}.',
  'situation.waiting.desiredFrom':
    'Registered and eligible. The application takes part in the allocation from {until, date, long}, the date the family asked for, and gets its queue number then.',
  'situation.waiting.stopList':
    'On the stop list up to and including {until, date, long}: the application takes part in the allocation again, with a queue number, from {next, date, long}.',
  'situation.notEligible':
    'Registered, but no place can be offered at {date, date, long}: {reasons}. The application stays registered and is judged again every night.',
  'situation.refused': 'The application was refused on {on, date, long}: {reasons}.',
  'situation.agedOut': 'The application left the queue on {on, date, long}: {reasons}.',
  'situation.offered':
    'A referral to {kindergarten} was issued on {issuedOn, date, long}. Confirm or decline it by {confirmBy, date, long} inclusive ({days, plural, one {# working day} other {# working days}} after the day of issue).',
  'situation.proof':
    'The place was given in the category “{category}” for the right “{rights}”: prove the right in person at the education department by {proofBy, date, long} inclusive ({proofWorkingDays, plural, one {# working day} other {# working days}} after the day of issue). Otherwise the referral is cancelled and the application returns to the queue as “{general}”.',
  'situation.confirmed':
    'The referral to {kindergarten} was confirmed on {confirmedOn, date, long}. Hand in the documents and sign the contract with the kindergarten by {enrollBy, date, long} inclusive.',
  'situation.expired.confirm':
    'The referral to {kindergarten} has expired: it was to be confirmed by {deadline, date, long}. The next nightly allocation closes it and offers the seat to the next child; the application then becomes inactive.',
  'situation.expired.enrol':
    'The referral to {kindergarten} has expired: the child was to be enrolled by {deadline, date, long}. The next nightly allocation closes it and offers the seat to the next child; the application then becomes inactive.',
  'situation.expired.proof':
    'The referral to {kindergarten} has expired: the priority right was to be proven by {deadline, date, long}. The next nightly allocation cancels it; the application then returns to the queue as “{general}”, keeping its registration time, and is on the stop list for {stopListDays, plural, one {# calendar day} other {# calendar days}}.',
  'situation.enrolled': 'The child was enrolled at {kindergarten} on {on, date, long}. The application has left the queue.',
  'situation.lapsed.confirm':
    'The referral to {kindergarten} lapsed: it was not confirmed by {deadline, date, long}. The application has been inactive since {on, date, long}.',
  'situation.lapsed.enrol':
    'The referral to {kindergarten} lapsed: the child was not enrolled by {deadline, date, long}. The application has been inactive since {on, date, long}.',
  'situation.lapsed.other': 'The application has been inactive since {on, date, long}.',
  'situation.restore.open':
    'It can be restored once, keeping its place in the queue, up to and including {restoreBy, date, long} ({restoreCalendarDays, plural, one {# calendar day} other {# calendar days}} after it became inactive).',
  'situation.restore.used': 'It was already restored once, on {restoredOn, date, long}: this lapse is final.',
  'situation.restore.closed': 'The time to restore it ended on {restoreBy, date, long}.',
  'situation.cancelled':
    'The referral to {kindergarten} was cancelled on {on, date, long}: the priority right was not proven by {proofBy, date, long}. The application is back in the queue as “{general}”, keeping its registration time, and is on the stop list up to and including {stopListUntil, date, long}; it takes part in the allocation again from {next, date, long}.',
  'situation.declined': 'The family declined the referral to {kindergarten} on {on, date, long}; the application has left the queue.',
  'situation.withdrawn': 'The application was withdrawn from the queue on {on, date, long}.',
  'situation.recorded':
    'The application is recorded with the status “{status, select, queued {in the queue} offered {referral offered} confirmed {referral confirmed} enrolled {enrolled} refused {refused} inactive {inactive} annulled {withdrawn} aged_out {left the queue at the age limit} other {{status}}}”.',
  'situation.queuedNoNumber': 'In the queue at {date, date, long}; no queue number was computed for that day.',
  'next.askDepartment': 'The education department can tell you more about the application.',

  // What the family can do.
  'next.queued':
    'Nothing is needed now: every night the allocation offers a seat as soon as one fits. Keep the document of a priority right valid: an expired proof no longer counts.',
  'next.notEligible': 'Nothing is needed now: the application takes part in the allocation as soon as the rules allow it.',
  'next.agedOut': 'The child has reached the age limit of this service: the application cannot return to the queue.',
  'next.refused': 'You may apply again when the reason no longer applies.',
  'next.complaint':
    'A complaint about a decision can be filed with the education department or the State Corporation “Government for Citizens” (answered within {complaintProviderWorkingDays, plural, one {# working day} other {# working days}}), or with the authority for the quality assessment of public services (within {complaintAuthorityWorkingDays, plural, one {# working day} other {# working days}}).',
  'next.offered': 'Confirm or decline the referral by {confirmBy, date, long} inclusive: at the education department, at a State Corporation office or on the e-government portal.',
  'next.proof': 'Bring the document of the priority right to the education department by {proofBy, date, long} inclusive.',
  'next.confirmed':
    'Hand in the documents and sign the contract with the kindergarten by {enrollBy, date, long} inclusive; on request the deadline can be extended once by up to {extensionCalendarDays, plural, one {# calendar day} other {# calendar days}}.',
  'next.expired':
    'The referral can no longer be confirmed. After the next nightly allocation the application can be restored once within {restoreCalendarDays, plural, one {# calendar day} other {# calendar days}}, keeping its place in the queue.',
  'next.expiredProof': 'Nothing can be done on this referral any more; the application stays in the queue as described.',
  'next.enrolled': 'Nothing more is needed.',
  'next.restore': 'To keep the place in the queue, ask the education department to restore the application by {restoreBy, date, long} inclusive.',
  'next.registerAgain': 'To be in the queue again, register a new application.',
  'next.cancelled': 'Nothing is needed now: from {next, date, long} the application takes part in the allocation again as “{general}”.',

  // kezek explain
  'explain.title': 'Application {id} at {date, date, long}',
  'explain.h.why': 'Why:',
  'explain.h.queue': 'Queue:',
  'explain.h.next': 'What you can do:',
  'explain.h.choices': 'Why there is no seat yet, choice by choice:',
  'explain.h.trace': 'Rule by rule (rules version {version}, hash {hash}):',
  'explain.expired': 'Not counted, the proof expired: {rights}.',
  'explain.stored': 'The nightly allocation of {runDate, date, long} gave number {number}.',
  'explain.place.no_places': 'the kindergarten has no groups on offer',
  'explain.place.no_group_for_birth_year': 'no group for children born in {birthYear}',
  'explain.place.no_group_in_language': 'no group for children born in {birthYear} in the {language, select, kk {Kazakh} ru {Russian} other {{language}}} language',
  'explain.place.no_group_of_type':
    'no {groupType, select, special {special} other {general}} group for children born in {birthYear} in the {language, select, kk {Kazakh} ru {Russian} other {{language}}} language',
  'explain.place.seats_taken': 'fitting groups exist, but all their seats went to children ahead in the queue',
  'explain.place.free_now': 'a fitting seat is free now; the next nightly allocation considers it',
  'explain.choice': '{rank}. {name}: {why}',
  'explain.choiceAny': 'Any kindergarten of the district: {why}',
  'explain.noAny': 'The family did not accept any kindergarten of the district.',
  'explain.trace.fired': '✓ {rule}: applies → {gives}',
  'explain.trace.notFired': '✗ {rule}: does not apply (it would give {gives})',
  'explain.trace.outranked': ' (outranked by “{by}”)',
  'explain.trace.givesRefusal': 'refusal: {reason}',
  'explain.trace.givesCategory': 'category “{category}”',
  'explain.trace.condition': '{fact}: {actual}; needs {op} {value}: {result}',
  'explain.trace.notChecked': 'not checked',
  'explain.trace.storedRules': 'The nightly allocation of {runDate, date, long} used rules version {version}.',
  'explain.trace.missingRules': 'The rules that run used (hash {hash}) are no longer in the rules folder; restore that version to re-run it exactly.',

  // Facts and operators of the rules, as people say them.
  'fact.ageYears': 'age in full years',
  'fact.ageMonths': 'age in full months',
  'fact.birthYear': 'birth year',
  'fact.district': 'district',
  'fact.channel': 'channel',
  'fact.language': 'group language',
  'fact.groupType': 'group type',
  'fact.status': 'status',
  'fact.validRights': 'rights with a valid proof',
  'fact.expiredRights': 'rights with an expired proof',
  'fact.daysWaited': 'days waited',
  'fact.preferenceCount': 'kindergartens chosen',
  'fact.acceptAnyInDistrict': 'accepts any kindergarten of the district',
  'fact.onStopList': 'on the stop list',
  'fact.desiredFromReached': 'desired start date reached',
  'operator.equal': '=',
  'operator.notEqual': '≠',
  'operator.lessThan': '<',
  'operator.lessThanInclusive': '≤',
  'operator.greaterThan': '>',
  'operator.greaterThanInclusive': '≥',
  'operator.in': 'one of',
  'operator.notIn': 'none of',
  'operator.contains': 'includes',
  'operator.doesNotContain': 'does not include',

  // kezek position
  'position.title': 'Application {id}: queue number {number} of {size} at {date, date, long}',
  'position.cohort': 'Children born in {birthYear}, {district}.',
  'position.category': 'Category: {category}.',
  'position.categoryRights': 'Category: {category} (rights: {rights}).',
  'position.ahead': 'Ahead: {total, plural, =0 {nobody} one {# child} other {# children}} ({list}).',
  'position.aheadItem': '{category}: {count}',
  'position.order':
    'Order: “{extraordinary}” first; then “{primary}” and “{general}” in turn, {quotaPrimary} to {quotaGeneral}; within each, by the time of registration.',
  'position.other': 'Application {id}:',
  'position.child.none': 'This child has no application.',
  'position.child.count': '{count, plural, one {# application} other {# applications}} of this child:',

  // kezek register
  'register.repeated': 'Application {id} was registered before with the same content; its notice stands.',
  'register.registered': 'Notice of registration in the queue: application {id}.',
  'register.refused': 'Notice of refusal: application {id} is not registered in the queue.',
  'register.reasons': 'Reasons: {reasons}.',

  // kezek position --history
  'history.title': 'Queue numbers of application {id} after every nightly allocation (children born in {birthYear}, {district}):',
  'history.never': 'No nightly allocation has given it a number yet.',
  'history.night': '{date, date, long}: number {number}{delta}',
  'history.nightOff': '{date, date, long}: no number',
  'history.first': 'the first number',
  'history.left':
    '{why, select, referred {Children ahead who received a referral} aged_out {Children ahead who reached the age limit and left the queue} withdrawn {Children ahead withdrawn by their families} refused {Children ahead who were refused} not_eligible {Children ahead not eligible at the date} stop_list {Children ahead put on the stop list} other {Children ahead who are no longer candidates}} (“{category}”): {count}',
  'history.joined':
    '{why, select, registered {Newly registered children now ahead} restored {Children restored to the queue with their place, now ahead} off_stop_list {Children back from the stop list, now ahead} desired_from {Children whose desired start date came, now ahead} eligible {Children eligible again, now ahead} other {Children who became candidates ahead}} (“{category}”): {count}',
  'history.ownCategory':
    '{why, select, right_expired {The proof of the child’s right expired} right_not_proven {The child’s priority right was not proven} right_added {The child got a priority right} other {The child’s rights changed}}: category “{from}” → “{to}”',
  'history.theirCategory':
    '{direction, select, ahead {Children who moved ahead when their category changed} other {Children who fell behind when their category changed}} (“{from}” → “{to}”): {count}',
  'history.quota':
    '{direction, select, ahead {Children (“{category}”) now ahead by the quota’s turn-taking ({quotaPrimary} to {quotaGeneral}) on the changed queue} other {Children (“{category}”) now behind by the quota’s turn-taking ({quotaPrimary} to {quotaGeneral}) on the changed queue}}: {count}',
  'history.off':
    '{why, select, referred {received a referral} aged_out {reached the age limit and left the queue} withdrawn {left the queue at the family’s request} refused {refused} not_eligible {not eligible at the date} stop_list {on the stop list} waiting {waiting for the desired start date} other {not a candidate}}',
  'history.on':
    '{why, select, restored {restored to the queue} off_stop_list {back from the stop list} desired_from {desired start date reached} eligible {eligible again} registered {registered} other {a candidate again}}',

  // The family's documents (notice, notices).
  'doc.issuer': 'Education department, {district}',
  'doc.service':
    'Public service “Registering preschool-age children (under {maxAgeYears}) in the queue for referral to preschool organisations”',
  'doc.reference': 'No. {number} of {date, date, long}',
  'doc.footer': 'Made by kezek on {date, date, long} (rules version {version}); it states the application as at that day.',
  'doc.referral.title': 'REFERRAL',
  'doc.referral.subtitle': 'to a preschool organisation',
  'doc.queue.title': 'NOTICE',
  'doc.queue.subtitle': 'of registration in the queue',
  'doc.refusal.title': 'NOTICE',
  'doc.refusal.subtitle': 'of refusal',
  'doc.lapse.title': 'NOTICE',
  'doc.lapse.subtitle': 'that the referral has lapsed',
  'doc.cancellation.title': 'NOTICE',
  'doc.cancellation.subtitleReferral': 'of the cancellation of the referral',
  'doc.cancellation.subtitleApplication': 'of the withdrawal of the application',
  'doc.refusal.lead':
    '{kind, select, refused {The application was refused on {on, date, long}.} aged_out {The application left the queue on {on, date, long}.} other {No place can be offered at {on, date, long}; the application stays registered and is judged again every night.}}',
  'doc.label.child': 'Child',
  'doc.label.birthDate': 'Date of birth',
  'doc.label.application': 'Application',
  'doc.label.referral': 'Referral',
  'doc.label.kindergarten': 'Kindergarten',
  'doc.label.group': 'Group',
  'doc.label.language': 'Language of instruction',
  'doc.label.groupType': 'Group type',
  'doc.label.category': 'Category',
  'doc.label.issued': 'Issued on',
  'doc.label.choices': 'Kindergartens chosen',
  'doc.label.anyInDistrict': 'Any kindergarten of the district',
  'doc.value.application': '{id}, registered on {registeredOn, date, long}',
  'doc.value.referral': '{id} of {issuedOn, date, long}',
  'doc.value.group': '{group} (children born in {birthYear})',
  'doc.value.categoryRights': '{category} ({rights})',
  'doc.value.choice': '{rank}. {name}',
  'doc.h.reasons': 'Reasons',
  'doc.h.next': 'What you can do',
  'doc.h.todo': 'What to do',
  'doc.h.bring': 'What to bring',
  'doc.h.ifNothing': 'If nothing is done',
  'doc.h.complaint': 'Complaints',
  'doc.referral.confirmBy':
    'Confirm or decline the referral by {confirmBy, date, long} inclusive: {days, plural, one {# working day} other {# working days}} after the day of issue.',
  'doc.todo.confirm': 'Confirm or decline the referral by {confirmBy, date, long} inclusive: at the education department, at a State Corporation office or on the e-government portal.',
  'doc.todo.proof': 'Prove the priority right ({rights}) in person at the education department by {proofBy, date, long} inclusive: {proofWorkingDays, plural, one {# working day} other {# working days}} after the day of issue.',
  'doc.todo.enrol':
    'Within {enrollWorkingDays, plural, one {# working day} other {# working days}} after confirming, hand in the documents and sign the contract with the kindergarten; on request this can be extended once by up to {extensionCalendarDays, plural, one {# calendar day} other {# calendar days}}.',
  'doc.todo.enrolBy':
    'Hand in the documents and sign the contract with the kindergarten by {enrollBy, date, long} inclusive; on request this can be extended once by up to {extensionCalendarDays, plural, one {# calendar day} other {# calendar days}}.',
  'doc.bring.referral': 'this referral',
  'doc.bring.identity': 'the identity document of the parent or legal representative',
  'doc.bring.birth': 'the child’s birth certificate',
  'doc.bring.proof': 'the document proving the priority right ({rights}): to the education department, in person, by {proofBy, date, long} inclusive',
  'doc.ifNothing.confirm':
    'No answer by {confirmBy, date, long}: the referral lapses, the seat goes to the next child, and the application becomes inactive. It can be restored once, keeping its place in the queue, within {restoreCalendarDays, plural, one {# calendar day} other {# calendar days}}.',
  'doc.ifNothing.enrol':
    'Not enrolled within {enrollWorkingDays, plural, one {# working day} other {# working days}} after confirming (or the extension): the referral lapses in the same way.',
  'doc.ifNothing.proof':
    'The right not proven by {proofBy, date, long}: the referral is cancelled, the application returns to the queue as “{general}”, keeping its registration time, and is on the stop list for {stopListDays, plural, one {# calendar day} other {# calendar days}}.',
  'doc.queue.number': 'Queue number',
  'doc.queue.caption': 'of {size} among the children born in {birthYear}, {district}; computed on {computedOn, date, long}',
  'doc.queue.storedOn': 'The number was given by the nightly allocation of {computedOn, date, long}.',
  'doc.queue.liveOn': 'The number is computed over the candidates of {computedOn, date, long}.',
  'doc.queue.changes':
    'The number can change from night to night: children ahead receive referrals or leave the queue, and children with a priority right can come ahead. The education department tells you the current number and why it changed.',
} as const;

export type MessageKey = keyof typeof en;
