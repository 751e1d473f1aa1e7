/**
 * Swedish, the default language. This dictionary defines the set of keys: en.ts must have exactly
 * the same ones (the type checker enforces it). Placeholders are written {name}.
 */
import { caseworkSv } from './casework.sv';
import { placementSv } from './placement.sv';

const baseSv = {
  'app.name': 'Fristad',
  'app.tagline': 'Trygga boenden för våldsutsatta',
  'app.loading': 'Startar Fristad …',
  'app.retry': 'Försök igen',
  'app.skip_to_content': 'Hoppa till innehållet',
  'app.busy': 'Vänta …',

  'language.label': 'Språk (Language)',
  'language.sv': 'Svenska',
  'language.en': 'English',

  'role.administrator': 'Administratör',
  'role.team_lead': 'Gruppledare',
  'role.caseworker': 'Handläggare',
  'role.auditor': 'Granskare',

  'demo.banner': 'Fiktiva demodata – ingenting här rör verkliga personer.',
  'demo.open': 'Öppna fiktiva demodata',
  'demo.open_intro': 'Vill du först se hur Fristad fungerar? Demodata är påhittade och sparas skilt från teamets riktiga uppgifter.',
  'demo.leave': 'Lämna demoläget',
  'demo.notice_title': 'Demoläget är öppet',
  'demo.notice_body': 'Allt i demoläget är påhittat. Lås upp med demoanvändaren – uppgifterna är redan ifyllda:',
  'demo.notice_username': 'Användarnamn: {username}',
  'demo.notice_passphrase': 'Lösenfras: {passphrase}',

  'field.team_name': 'Teamets namn',
  'field.team_name_hint': 'Till exempel Relationsvåldsteamet. Namnet kan ändras senare.',
  'field.username': 'Användarnamn',
  'field.username_hint': 'Små bokstäver a–z, siffror, punkt, bindestreck eller understreck.',
  'field.display_name': 'Namn som visas',
  'field.passphrase': 'Lösenfras',
  'field.new_passphrase': 'Ny lösenfras',
  'field.confirm_passphrase': 'Upprepa lösenfrasen',
  'field.current_passphrase': 'Nuvarande lösenfras',
  'field.initial_passphrase': 'Första lösenfras',
  'field.recovery_key': 'Återställningsnyckel',
  'field.role': 'Roll',
  'field.idle_lock_minutes': 'Lås efter så här många minuter utan aktivitet',
  'field.idle_lock_minutes_hint': 'Mellan 1 och 240 minuter.',

  'passphrase.rule': 'Minst {min} tecken. Flera ord som bara du känner till är lättare att minnas än krångliga tecken.',
  'passphrase.strength': 'Styrka: {level}',
  'passphrase.level_0': 'för kort',
  'passphrase.level_1': 'svag',
  'passphrase.level_2': 'godtagbar',
  'passphrase.level_3': 'bra',
  'passphrase.level_4': 'stark',
  'passphrase.hint_too_short': 'Lösenfrasen är för kort.',
  'passphrase.hint_add_words': 'Lägg till fler ord.',
  'passphrase.hint_mix_characters': 'Blanda gärna stora och små bokstäver, siffror eller tecken.',
  'passphrase.hint_avoid_repeats': 'Undvik samma tecken många gånger i rad.',
  'passphrase.hint_avoid_common': 'Undvik vanliga ord som lösenord eller sommar.',

  'validation.required': 'Fyll i det här fältet.',
  'validation.username_too_short': 'Användarnamnet måste ha minst 2 tecken.',
  'validation.username_too_long': 'Användarnamnet får ha högst 64 tecken.',
  'validation.username_format':
    'Använd bara små bokstäver a–z, siffror, punkt, bindestreck och understreck, och börja med en bokstav eller siffra.',
  'validation.passphrase_too_short': 'Lösenfrasen måste ha minst {min} tecken.',
  'validation.passphrase_too_long': 'Lösenfrasen är för lång.',
  'validation.passphrase_mismatch': 'Lösenfraserna är inte likadana.',
  'validation.text_too_long': 'Texten är för lång.',
  'validation.idle_lock_range': 'Ange ett antal minuter mellan 1 och 240.',
  'validation.number_required': 'Ange ett heltal.',
  'validation.area_place_required': 'Välj en kommun eller en stadsdel.',
  'validation.birth_year_range': 'Ange ett födelseår mellan 1900 och i år.',
  'validation.case_prefix_format': 'Använd 1–8 versaler A–Ö, till exempel RVT.',
  'validation.date_format': 'Ange datumet som ÅÅÅÅ-MM-DD.',
  'validation.distance_range': 'Ange ett avstånd mellan 0 och 2 000 km.',
  'validation.duplicate': 'Samma val finns med flera gånger.',
  'validation.municipality_required': 'Välj en kommun.',
  'validation.not_negative': 'Värdet kan inte vara negativt.',
  'validation.pin_invalid': 'Personnumret är inte giltigt.',
  'validation.pin_check_digit': 'Personnumrets kontrollsiffra stämmer inte.',
  'validation.too_large': 'Värdet är för stort.',
  'validation.too_many': 'Det är för många rader.',
  'validation.generic': 'Kontrollera det här fältet.',
  'validation.summary': 'Rätta de markerade fälten och försök igen.',

  'error.invalid_input': 'Några uppgifter behöver rättas.',
  'error.unknown_channel': 'Funktionen finns inte i den här versionen av Fristad.',
  'error.not_set_up': 'Fristad är inte installerat än.',
  'error.already_set_up': 'Fristad är redan installerat. Lås upp i stället.',
  'error.locked': 'Fristad är låst. Lås upp igen för att fortsätta.',
  'error.forbidden': 'Din roll har inte behörighet till det här.',
  'error.wrong_credentials': 'Fel användarnamn eller lösenfras.',
  'error.wrong_recovery_key': 'Återställningsnyckeln stämmer inte.',
  'error.too_many_attempts': 'För många misslyckade försök. Vänta en stund innan du försöker igen.',
  'error.user_exists': 'Det finns redan en användare med det användarnamnet.',
  'error.not_found': 'Uppgiften hittades inte.',
  'error.last_administrator': 'Det måste alltid finnas minst en aktiv administratör.',
  'error.database_from_future':
    'Databasen har skapats av en nyare version av Fristad. Uppdatera Fristad – databasen har inte ändrats.',
  'error.database_damaged':
    'Databasen verkar vara skadad. Kontakta den som ansvarar för Fristad hos er och återställ från en säkerhetskopia.',
  'error.weak_key_settings': 'Databasens nyckelinställningar är för svaga. Kontakta den som ansvarar för Fristad hos er.',
  'error.not_allowed': 'Ändringen är inte tillåten i det här läget.',
  'error.reason_required': 'Skriv en motivering för att gå vidare trots varningen.',
  'error.overlap': 'Steget överlappar ett annat steg i boendekedjan som inte är markerat som parallellt.',
  'error.internal': 'Något gick fel i Fristad. Försök igen.',
  'error.link_invalid':
    'Länken gäller inte längre. Starta om Fristad, eller öppna adressen som Fristad skrev ut när det startade.',
  'error.unreachable': 'Fristad svarar inte. Kontrollera att programmet fortfarande är igång.',
  'error.bad_answer': 'Fristad gav ett oväntat svar. Försök igen.',

  'setup.title': 'Välkommen till Fristad',
  'setup.intro':
    'Fristad används för första gången på den här datorn. Ge teamet ett namn och skapa det första kontot. Det kontot blir administratör och kan sedan lägga till kollegor.',
  'setup.submit': 'Skapa teamet',

  'recovery.title': 'Teamets återställningsnyckel',
  'recovery.once': 'Nyckeln visas bara den här enda gången.',
  'recovery.why':
    'Om alla i teamet glömmer sina lösenfraser är återställningsnyckeln det enda sättet att komma åt uppgifterna igen. Utan den går de inte att rädda.',
  'recovery.how':
    'Skriv ut nyckeln eller skriv av den för hand, och förvara den inlåst och skild från datorn, till exempel i ett kassaskåp. Spara den inte i en fil, ett mejl eller en bild.',
  'recovery.key_label': 'Återställningsnyckel',
  'recovery.print': 'Skriv ut',
  'recovery.stored': 'Jag har förvarat återställningsnyckeln på ett säkert ställe',
  'recovery.continue': 'Fortsätt',

  'unlock.title': 'Lås upp Fristad',
  'unlock.submit': 'Lås upp',
  'unlock.forgot': 'Glömt lösenfrasen? Använd återställningsnyckeln',
  'unlock.retry_in': 'Du kan försöka igen om {time}.',
  'unlock.locked_idle': 'Fristad låstes eftersom ingen har använt datorn på en stund.',
  'unlock.locked_expired': 'Sessionen har avslutats. Lås upp igen för att fortsätta.',
  'unlock.lock_failed': 'Låsningen kunde inte bekräftas. Stäng Fristad om du lämnar datorn.',

  'recover.title': 'Återställ med återställningsnyckeln',
  'recover.intro':
    'Ange teamets återställningsnyckel och det användarnamn vars lösenfras ska bytas. Sedan låses Fristad upp med den nya lösenfrasen.',
  'recover.submit': 'Byt lösenfras och lås upp',
  'recover.back': 'Tillbaka till upplåsningen',

  'shell.nav_label': 'Huvudmeny',
  'shell.lock': 'Lås',
  'shell.lock_shortcut': 'Lås Fristad (Ctrl+L, på Mac Cmd+L)',
  'shell.user': '{name}, {role}',

  'nav.start': 'Start',
  'nav.cases': 'Ärenden',
  'nav.reminders': 'Att göra',
  'nav.shelters': 'Skyddade boenden',
  'nav.kompotten': 'Kompotten',
  'nav.users': 'Användare',
  'nav.settings': 'Inställningar',
  'nav.audit': 'Logg',
  'nav.reference': 'Referensdata',
  'nav.about': 'Om Fristad',

  'start.title': 'Välkommen, {name}',
  'start.purpose':
    'Fristad är teamets verktyg för en fråga framför allt: var kan den som utsatts för våld bo tryggt härnäst, och hur kommer hon dit?',
  'start.version_note': 'Ärenden, flyttar och boendekedjan kommer i en senare version. I den här versionen kan ni:',
  'start.can_users': 'lägga till användare och ge dem roller (administratör)',
  'start.can_settings': 'byta språk och lösenfras',
  'start.can_audit': 'kontrollera att loggen är obruten (administratör, gruppledare och granskare)',
  'start.can_reference': 'se län, kommuner och Stockholms stadsdelsområden',
  'start.lock_reminder': 'Lås alltid Fristad när du lämnar datorn: Ctrl+L (på Mac Cmd+L).',

  'users.title': 'Användare',
  'users.loading': 'Hämtar användare …',
  'users.table_caption': 'Teamets användare',
  'users.col_username': 'Användarnamn',
  'users.col_display_name': 'Namn',
  'users.col_role': 'Roll',
  'users.col_created': 'Skapad',
  'users.col_status': 'Status',
  'users.col_actions': 'Åtgärder',
  'users.status_active': 'Aktiv',
  'users.status_disabled': 'Avstängd sedan {date}',
  'users.disable': 'Stäng av',
  'users.disable_label': 'Stäng av {name}',
  'users.confirm_disable': 'Stänga av {name}? Användaren kan inte längre låsa upp Fristad.',
  'users.confirm_yes': 'Ja, stäng av',
  'users.cancel': 'Avbryt',
  'users.disabled_done': '{name} är avstängd.',
  'users.create_title': 'Lägg till användare',
  'users.create_intro':
    'Ge kollegan den första lösenfrasen personligen, aldrig via mejl eller sms. Kollegan byter den sedan under Inställningar.',
  'users.create_submit': 'Lägg till användare',
  'users.created': '{name} har lagts till.',

  'settings.title': 'Inställningar',
  'settings.language_title': 'Språk',
  'settings.passphrase_title': 'Byt din lösenfras',
  'settings.passphrase_submit': 'Byt lösenfras',
  'settings.passphrase_changed': 'Din lösenfras är bytt. Använd den nya nästa gång du låser upp.',
  'settings.team_title': 'Teamet',
  'settings.team_loading': 'Hämtar inställningar …',
  'settings.team_submit': 'Spara',
  'settings.team_saved': 'Inställningarna är sparade.',

  'audit.title': 'Logg',
  'audit.intro':
    'Varje läsning och ändring skrivs till en logg där varje rad är kedjad till den föregående. Kontrollen visar om någon rad har ändrats eller tagits bort.',
  'audit.verify': 'Kontrollera loggkedjan',
  'audit.ok': 'Loggkedjan är hel. {rows} rader kontrollerade, senaste sekvensnummer {head}.',
  'audit.bad_title': 'Varning: loggkedjan är bruten',
  'audit.bad':
    'Den första felaktiga raden har sekvensnummer {sequence} ({rows} rader kontrollerade). Rader kan ha ändrats eller tagits bort. Ändra ingenting och kontakta den som ansvarar för Fristad hos er.',

  'reference.title': 'Referensdata',
  'reference.intro': 'Län och kommuner med SCB:s koder, och Stockholms stadsdelsområden. Uppgifterna används för att jämföra platser vid flytt.',
  'reference.loading': 'Hämtar referensdata …',
  'reference.counties_title': 'Län',
  'reference.municipalities_title': 'Kommuner',
  'reference.districts_title': 'Stockholms stadsdelsområden',
  'reference.col_code': 'Kod',
  'reference.col_name': 'Namn',
  'reference.col_letter_code': 'Länsbokstav',
  'reference.col_county': 'Län',
  'reference.col_position': 'Läge (lat, long)',
  'reference.search_label': 'Sök kommun på namn eller kod',
  'reference.search_count': 'Visar {count} av {total} kommuner.',
  'reference.no_match': 'Ingen kommun matchar sökningen.',

  'about.title': 'Om Fristad',
  'about.version': 'Version {version}',
  'about.version_unknown': 'Versionen är okänd.',
  'about.what':
    'Fristad är ett ärendestöd för kommunala socialtjänstteam som hjälper våldsutsatta och deras barn att hitta ett tryggt boende.',
  'about.offline':
    'Fristad behöver inget nätverk och hämtar ingenting från internet. Uppgifterna sparas krypterade på den här datorn.',
  'about.credits_title': 'Datakällor',
  'about.credit_geonames': 'Innehåller data från GeoNames (https://www.geonames.org), CC BY 4.0. Används för kommunernas centralorter.',
  'about.credit_scb': 'Kommun- och länskoder från SCB (Statistiska centralbyrån). Koderna är offentliga uppgifter.',
  'about.credit_stockholm':
    'Stadsdelsområdenas mittpunkter är beräknade från Stockholms stads öppna data (CC0).',
  'about.credit_svenska_stader':
    'Koordinaterna för två centralorter kommer från sphrak/svenska-stader (https://github.com/sphrak/svenska-stader), Apache-2.0.',
};

/** Swedish: the foundation's texts plus those of the casework and placement features. */
export const sv = { ...baseSv, ...caseworkSv, ...placementSv };

export type MessageKey = keyof typeof sv;
export type BaseMessageKey = keyof typeof baseSv;
