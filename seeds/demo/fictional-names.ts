// Names that are plainly invented: common first names with surnames made from words like
// "example", "pretend" and "test", so nobody can mistake a demo case for a real person.
export const FIRST_NAMES_WOMEN = [
  'Alma',
  'Amira',
  'Anna',
  'Aya',
  'Bella',
  'Dilan',
  'Elin',
  'Emma',
  'Fatima',
  'Hanna',
  'Ida',
  'Jasmin',
  'Lina',
  'Maja',
  'Maryam',
  'Nour',
  'Sara',
  'Selma',
  'Sofia',
  'Zeynep',
];
export const FIRST_NAMES_MEN = ['Adam', 'Ali', 'Elias', 'Erik', 'Hassan', 'Johan', 'Karim', 'Lucas', 'Omar', 'Viktor'];
export const FIRST_NAMES_CHILDREN = ['Alva', 'Ebba', 'Leo', 'Liam', 'Mila', 'Noah', 'Nora', 'Sam', 'Saga', 'Yusuf', 'Vera', 'Ines'];
export const SURNAMES = [
  'Exempelsson',
  'Påhittad',
  'Fiktivsdotter',
  'Demoberg',
  'Testlund',
  'Låtsasson',
  'Provström',
  'Övningsdal',
  'Exempelqvist',
  'Påhittadsson',
];
export const LANGUAGES = ['', '', '', 'arabiska', 'somaliska', 'persiska', 'tigrinja', 'kurdiska', 'engelska', 'polska'];
export const AGENCIES = [
  'Skolan (fiktiv)',
  'BUP Exempelstad',
  'Vårdcentralen Demo',
  'Beroendemottagningen Test',
  'Försörjningsstöd, Exempel',
  'Brottsofferjouren Demo',
  'Tolkförmedlingen Påhittad',
];
