/** Swedish texts of protected identities: masked fields, revealing, the reveal setting. */
export const protectSv = {
  'protect.masked': 'Skyddad uppgift',
  'protect.masked_field': 'Skyddad uppgift. Visa uppgifterna för att ändra den; annars lämnas den som den är.',
  'protect.notice_masked':
    'Adress, ny kommun eller stadsdel, boende och kontaktuppgifter är dolda i det här ärendet. Visa dem bara när du behöver dem: det loggas, med din motivering.',
  'protect.reveal': 'Visa skyddade uppgifter',
  'protect.reveal_title': 'Visa skyddade uppgifter',
  'protect.reveal_reason': 'Motivering',
  'protect.reveal_reason_hint': 'Varför behöver du se uppgifterna nu? 10–500 tecken. Motiveringen sparas i loggen och granskas.',
  'protect.reveal_submit': 'Visa i {minutes} min',
  'protect.reveal_submit_plain': 'Visa',
  'protect.shelter_or_provider': 'Boende eller anordnare',
  'protect.check_label': 'Kontroll av säkert avstånd',
  'protect.cancel': 'Avbryt',
  'protect.revealed_until': 'Skyddade uppgifter visas till {time} ({minutes} min kvar). De skrivs inte ut och kan inte kopieras.',
  'protect.revealed_until_short': 'Skyddade uppgifter visas till {time} (mindre än en minut kvar). De skrivs inte ut och kan inte kopieras.',
  'protect.revealed_now': 'Skyddade uppgifter visas nu.',
  'protect.remasked': 'Tiden har gått ut: de skyddade uppgifterna är dolda igen.',
  'protect.copy_blocked': 'Skyddade uppgifter kopieras inte.',
  'settings.reveal_minutes': 'Minuter som skyddade uppgifter visas',
  'settings.reveal_minutes_hint':
    'Hur länge adress, ort, boende och kontaktuppgifter i ett ärende med skyddade personuppgifter visas efter att någon visat dem med en motivering (1–60).',
  'validation.reveal_reason_length': 'Skriv en motivering på 10–500 tecken.',
  'validation.reveal_minutes_range': 'Ange ett heltal mellan 1 och 60.',
  'error.reveal_required': 'Ärendet har skyddade personuppgifter. Visa uppgifterna, med en motivering, innan du ändrar adress, ort, boende eller kontakt.',
} as const;
