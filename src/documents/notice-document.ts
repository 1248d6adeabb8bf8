import type { PrintBlock, Printable } from '../domain/printable.js';
import { aheadText, orderText } from '../i18n/position-text.js';
import type { Lang, MessageKey } from '../i18n/messages.js';
import { nextSteps, provisionalText, situationText } from '../i18n/situation-text.js';
import { Speaker, type Words } from '../i18n/words.js';
import type { NoticeData } from '../online/notice.js';

/** The languages a family's document is made in (api.md `…/notice?lang=kk|ru`). */
export const DOCUMENT_LANGS = ['kk', 'ru'] as const;
export type DocumentLang = (typeof DOCUMENT_LANGS)[number];

/**
 * The family's document as printable blocks, in Kazakh or Russian: a
 * referral (жолдама), a queue notice with the number, a refusal, or a lapse
 * or cancellation notice. Every text from the catalogues, every name of a
 * category, right or reason from the rule set's vocabulary, every deadline
 * with its count of days from the rule parameters. Pure.
 */
export function noticeDocument(n: NoticeData, lang: Lang, words: Words): Printable {
  const s = new Speaker(lang, words);
  const blocks = bodyOf(s, n);
  return {
    lang,
    issuer: [s.t('doc.issuer', { district: n.district.name }), s.t('doc.service')],
    title: s.t(`doc.${n.kind}.title`),
    subtitle: subtitleOf(s, n),
    reference: s.t('doc.reference', { number: n.kind === 'referral' || n.kind === 'lapse' ? (n.referral?.id ?? n.application) : n.application, date: n.date }),
    blocks,
    footer: [s.t('doc.footer', { date: n.date, version: n.rules.version })],
    date: n.date,
  };
}

function subtitleOf(s: Speaker, n: NoticeData): string | null {
  const key: Record<NoticeData['kind'], MessageKey> = {
    referral: 'doc.referral.subtitle',
    queue: 'doc.queue.subtitle',
    refusal: 'doc.refusal.subtitle',
    lapse: 'doc.lapse.subtitle',
    cancellation: n.situation.kind === 'withdrawn' ? 'doc.cancellation.subtitleApplication' : 'doc.cancellation.subtitleReferral',
  };
  return s.t(key[n.kind]);
}

const dash = '—';

function childRows(s: Speaker, n: NoticeData): { label: string; value: string }[] {
  return [
    { label: s.t('doc.label.child'), value: n.child.name ?? dash },
    { label: s.t('doc.label.birthDate'), value: s.t('common.date', { date: n.child.birthDate }) },
    { label: s.t('doc.label.application'), value: s.t('doc.value.application', { id: n.application, registeredOn: n.registeredOn }) },
  ];
}

function groupRows(s: Speaker, n: NoticeData): { label: string; value: string }[] {
  return [
    { label: s.t('doc.label.language'), value: s.t('common.language', { language: n.language }) },
    { label: s.t('doc.label.groupType'), value: s.t('common.groupType', { groupType: n.groupType }) },
  ];
}

function categoryRow(s: Speaker, category: NoticeData['category'], rights: readonly string[]): { label: string; value: string }[] {
  if (!category) return [];
  return [{ label: s.t('doc.label.category'), value: rights.length ? s.t('doc.value.categoryRights', { category: s.category(category), rights: s.rights(rights) }) : s.category(category) }];
}

const section = (heading: string, items: readonly string[]): PrintBlock[] => (items.length ? [{ kind: 'heading', text: heading }, { kind: 'list', items: [...items] }] : []);
const notes = (texts: readonly string[]): PrintBlock[] => texts.map((text) => ({ kind: 'note', text }));

function bodyOf(s: Speaker, n: NoticeData): PrintBlock[] {
  switch (n.kind) {
    case 'referral':
      return referralBody(s, n);
    case 'queue':
      return queueBody(s, n);
    case 'refusal':
      return [
        { kind: 'facts', rows: childRows(s, n) },
        { kind: 'paragraph', text: refusalLead(s, n) },
        ...section(s.t('doc.h.reasons'), reasonsOf(n).map((r) => s.reason(r))),
        ...section(s.t('doc.h.next'), nextSteps(s, n)),
      ];
    case 'lapse':
    case 'cancellation':
      return [
        { kind: 'facts', rows: [...childRows(s, n), ...referralRows(s, n)] },
        ...notes(situationText(s, n)),
        ...section(s.t('doc.h.next'), nextSteps(s, n)),
      ];
  }
}

/** The refusal's first sentence; its reasons follow as a list. */
function refusalLead(s: Speaker, n: NoticeData): string {
  const x = n.situation;
  return s.t('doc.refusal.lead', { kind: x.kind, on: x.kind === 'refused' || x.kind === 'aged_out' ? x.on : n.date });
}

function reasonsOf(n: NoticeData): string[] {
  const x = n.situation;
  return x.kind === 'refused' || x.kind === 'aged_out' || x.kind === 'not_eligible' ? x.reasons : [];
}

function referralRows(s: Speaker, n: NoticeData): { label: string; value: string }[] {
  const r = n.referral;
  if (!r) return [];
  return [
    { label: s.t('doc.label.referral'), value: s.t('doc.value.referral', { id: r.id, issuedOn: r.issuedOn }) },
    { label: s.t('doc.label.kindergarten'), value: r.kindergartenName },
    { label: s.t('doc.label.group'), value: s.t('doc.value.group', { group: r.group, birthYear: n.birthYear }) },
  ];
}

function referralBody(s: Speaker, n: NoticeData): PrintBlock[] {
  const r = n.referral;
  if (!r) return [{ kind: 'facts', rows: childRows(s, n) }, ...notes(situationText(s, n)), ...section(s.t('doc.h.next'), nextSteps(s, n))];
  const d = r.deadlines;
  const x = n.situation;
  const blocks: PrintBlock[] = [
    { kind: 'facts', rows: [...childRows(s, n), ...referralRows(s, n).slice(1), ...groupRows(s, n), ...categoryRow(s, r.category, r.rights), { label: s.t('doc.label.issued'), value: s.t('common.date', { date: r.issuedOn }) }] },
  ];
  if (x.kind === 'offered') blocks.push({ kind: 'note', text: s.t('doc.referral.confirmBy', { confirmBy: x.confirmBy, days: d.confirmWorkingDays }) });
  else blocks.push(...notes(situationText(s, n)));
  blocks.push(...notes(provisionalText(s, n.provisionalYears)));
  if (x.kind === 'offered' || x.kind === 'confirmed') {
    const todo = [
      ...(x.kind === 'offered' ? [s.t('doc.todo.confirm', { confirmBy: x.confirmBy })] : []),
      ...(x.proofBy ? [s.t('doc.todo.proof', { proofBy: x.proofBy, rights: s.rights(r.rights) })] : []),
      x.kind === 'offered' ? s.t('doc.todo.enrol') : s.t('doc.todo.enrolBy', { enrollBy: x.enrollBy }),
    ];
    blocks.push(...section(s.t('doc.h.todo'), todo));
    blocks.push(
      ...section(s.t('doc.h.bring'), [
        s.t('doc.bring.referral'),
        s.t('doc.bring.identity'),
        s.t('doc.bring.birth'),
        ...(x.proofBy ? [s.t('doc.bring.proof', { rights: s.rights(r.rights), proofBy: x.proofBy })] : []),
      ]),
    );
    blocks.push(
      ...section(s.t('doc.h.ifNothing'), [
        ...(x.kind === 'offered' ? [s.t('doc.ifNothing.confirm', { confirmBy: x.confirmBy })] : []),
        s.t('doc.ifNothing.enrol'),
        ...(x.proofBy ? [s.t('doc.ifNothing.proof', { proofBy: x.proofBy, general: s.category('general') })] : []),
      ]),
    );
    blocks.push(...section(s.t('doc.h.complaint'), [s.t('next.complaint')]));
  } else blocks.push(...section(s.t('doc.h.next'), nextSteps(s, n)));
  return blocks;
}

function queueBody(s: Speaker, n: NoticeData): PrintBlock[] {
  const chosen = n.preferences.map((p, i) => s.t('doc.value.choice', { rank: i + 1, name: p.name }));
  const blocks: PrintBlock[] = [
    {
      kind: 'facts',
      rows: [
        ...childRows(s, n),
        { label: s.t('doc.label.choices'), value: chosen.join('; ') },
        { label: s.t('doc.label.anyInDistrict'), value: s.t(n.acceptAnyInDistrict ? 'common.yes' : 'common.no') },
        ...groupRows(s, n),
        ...categoryRow(s, n.category, n.rights),
      ],
    },
  ];
  const q = n.queue;
  if (q) {
    blocks.push({
      kind: 'figure',
      label: s.t('doc.queue.number'),
      value: String(q.queueNumber),
      caption: s.t('doc.queue.caption', { size: q.cohortSize, birthYear: q.birthYear, district: n.district.name, computedOn: q.computedOn }),
    });
    blocks.push({ kind: 'paragraph', text: aheadText(s, q.ahead) });
    blocks.push({ kind: 'paragraph', text: orderText(s) });
    blocks.push({ kind: 'paragraph', text: s.t(q.source === 'stored' ? 'doc.queue.storedOn' : 'doc.queue.liveOn', { computedOn: q.computedOn }) });
  } else blocks.push(...notes(situationText(s, n)));
  blocks.push({ kind: 'paragraph', text: s.t('doc.queue.changes') });
  blocks.push(...section(s.t('doc.h.next'), nextSteps(s, n)));
  blocks.push(...section(s.t('doc.h.complaint'), [s.t('next.complaint')]));
  return blocks;
}
