import type { Message } from '../../../core/i18n';
import type { accessSv } from './access.sv';

/** English texts of per-case access and case sharing. */
export const accessEn: Record<keyof typeof accessSv, Message> = {
  'sharing.title': 'Shared with',
  'sharing.intro': 'The people named on the case can open it. Protected cases can be opened only by those named.',
  'sharing.assignee': 'Caseworker',
  'sharing.creator': 'Created by (the case has no caseworker)',
  'sharing.nobody': 'The case is not shared with anyone.',
  'sharing.granted': 'shared by {name} {when}',
  'sharing.colleague': 'Colleague',
  'sharing.choose': 'Choose a colleague',
  'sharing.add': 'Share the case',
  'sharing.remove': 'Remove {name}',
  'sharing.added': 'The case is shared with {name}.',
  'sharing.removed': '{name} is no longer named on the case.',
  'sharing.no_colleagues': 'There are no more colleagues to share with.',
  'access.case_forbidden': 'This case is not shared with you. Ask its caseworker or your team lead to share it.',
  'access.not_named_title': 'Protected cases you are not named on',
  'access.not_named_intro':
    'These cases have protected personal data. Only the people named on them can open them; ask the caseworker to share the case if you need it.',
  'access.not_named_marker': 'Protected – not named',
  'access.not_named_more': {
    one: '{count} more protected case you are not named on is not shown here.',
    other: '{count} more protected cases you are not named on are not shown here.',
  },
};
