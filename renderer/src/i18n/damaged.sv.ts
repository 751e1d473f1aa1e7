/** Swedish texts for a damaged database and restoring it from the unlock screen. damaged.en.ts has the same keys. */
export const damagedSv = {
  'damaged.title': 'Databasfilen är skadad',
  'damaged.explain':
    'Fristad har hittat fel i databasfilen och har stängt den, så att inga felaktiga uppgifter visas. En administratör kan återställa den senaste säkerhetskopian här. Den skadade filen sparas åt sidan för IT.',
  'damaged.restore_button': 'Återställ från säkerhetskopia',
  'damaged.restore_title': 'Återställ från säkerhetskopia',
  'damaged.restore_intro':
    'Logga in som administratör med ditt användarnamn och din lösenfras. De kontrolleras mot nyckelfilen, som ligger skild från den skadade databasen.',
  'damaged.folder': 'Mapp med säkerhetskopior (valfritt)',
  'damaged.folder_hint': 'Lämna tomt för standardmappen. Fyll i hela sökvägen om säkerhetskopiorna ligger i en annan mapp.',
  'damaged.show_backups': 'Visa säkerhetskopior',
  'damaged.choose': 'Välj säkerhetskopia',
  'damaged.none': 'Det finns inga säkerhetskopior i {folder}.',
  'damaged.entry': '{date} ({size})',
  'damaged.newest': 'senaste',
  'damaged.warning': 'Allt som ändrats efter säkerhetskopian går förlorat. Efteråt låser du upp med den lösenfras som gällde när säkerhetskopian gjordes.',
  'damaged.restore_submit': 'Återställ vald säkerhetskopia',
  'damaged.restored': 'Säkerhetskopian är återställd och kontrollerad. Lås upp med den lösenfras som gällde när den gjordes.',
  'damaged.to_unlock': 'Till upplåsningen',
  'damaged.back': 'Tillbaka',
} as const;
