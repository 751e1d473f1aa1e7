import type { Message } from '../../../core/i18n';
import type { protectSv } from './protect.sv';

/** English texts of protected identities: masked fields, revealing, the reveal setting. */
export const protectEn: Record<keyof typeof protectSv, Message> = {
  'protect.masked': 'Protected',
  'protect.masked_field': 'Protected. Reveal the protected data to change it; otherwise it is left as it is.',
  'protect.notice_masked':
    'Address, new municipality or district, housing and contact details are hidden in this case. Reveal them only when you need them: it is logged, with your reason.',
  'protect.reveal': 'Reveal protected data',
  'protect.reveal_title': 'Reveal protected data',
  'protect.reveal_reason': 'Reason',
  'protect.reveal_reason_hint': 'Why do you need to see them now? 10–500 characters. The reason is kept in the log and reviewed.',
  'protect.reveal_submit': 'Reveal for {minutes} min',
  'protect.reveal_submit_plain': 'Reveal',
  'protect.shelter_or_provider': 'Shelter or provider',
  'protect.check_label': 'Safe-distance check',
  'protect.cancel': 'Cancel',
  'protect.revealed_until': 'Protected data shown until {time} ({minutes} min left). It is not printed and cannot be copied.',
  'protect.revealed_until_short': 'Protected data shown until {time} (less than a minute left). It is not printed and cannot be copied.',
  'protect.revealed_now': 'Protected data is now shown.',
  'protect.remasked': 'The time is up: the protected data is hidden again.',
  'protect.copy_blocked': 'Protected data is not copied.',
  'settings.reveal_minutes': 'Minutes protected data stays revealed',
  'settings.reveal_minutes_hint':
    'How long the address, place, housing and contact details of a case with protected personal data stay shown after someone reveals them with a reason (1–60).',
  'validation.reveal_reason_length': 'Write a reason of 10–500 characters.',
  'validation.reveal_minutes_range': 'Enter a whole number from 1 to 60.',
  'error.reveal_required': 'This case has protected personal data. Reveal it, with a reason, before changing an address, place, housing or contact.',
};
