import type { Message } from '../../../core/i18n';
import type { damagedSv } from './damaged.sv';

/** English texts for a damaged database and restoring it from the unlock screen. */
export const damagedEn: Record<keyof typeof damagedSv, Message> = {
  'damaged.title': 'The database file is damaged',
  'damaged.explain':
    'Fristad found errors in the database file and has closed it, so no wrong information is shown. An administrator can restore the latest backup here. The damaged file is kept aside for IT.',
  'damaged.restore_button': 'Restore from backup',
  'damaged.restore_title': 'Restore from backup',
  'damaged.restore_intro':
    'Sign in as an administrator with your username and passphrase. They are checked against the key file, which is kept apart from the damaged database.',
  'damaged.folder': 'Backup folder (optional)',
  'damaged.folder_hint': 'Leave empty for the default folder. Enter the full path if the backups are in another folder.',
  'damaged.show_backups': 'Show backups',
  'damaged.choose': 'Choose a backup',
  'damaged.none': 'There are no backups in {folder}.',
  'damaged.entry': '{date} ({size})',
  'damaged.newest': 'newest',
  'damaged.warning': 'Everything changed after the backup is lost. Afterwards, unlock with the passphrase that was valid when the backup was made.',
  'damaged.restore_submit': 'Restore the chosen backup',
  'damaged.restored': 'The backup has been restored and checked. Unlock with the passphrase that was valid when it was made.',
  'damaged.to_unlock': 'Go to unlock',
  'damaged.back': 'Back',
};
