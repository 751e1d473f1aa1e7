/** Swedish texts of per-case access and case sharing. access.en.ts has the same keys. */
export const accessSv = {
  'sharing.title': 'Delas med',
  'sharing.intro': 'De som är namngivna på ärendet kan öppna det. Skyddade ärenden kan bara öppnas av de namngivna.',
  'sharing.assignee': 'Handläggare',
  'sharing.creator': 'Skapat av (ärendet har ingen handläggare)',
  'sharing.nobody': 'Ärendet är inte delat med någon.',
  'sharing.granted': 'delat av {name} {when}',
  'sharing.colleague': 'Kollega',
  'sharing.choose': 'Välj en kollega',
  'sharing.add': 'Dela ärendet',
  'sharing.remove': 'Ta bort {name}',
  'sharing.added': 'Ärendet är delat med {name}.',
  'sharing.removed': '{name} är inte längre namngiven på ärendet.',
  'sharing.no_colleagues': 'Det finns inga fler kollegor att dela med.',
  'access.case_forbidden': 'Ärendet är inte delat med dig. Be ärendets handläggare eller din gruppledare att dela det.',
  'access.not_named_title': 'Skyddade ärenden där du inte är namngiven',
  'access.not_named_intro': 'De här ärendena har skyddade personuppgifter. Bara de namngivna kan öppna dem; be handläggaren dela ärendet om du behöver det.',
  'access.not_named_marker': 'Skyddat – inte namngiven',
  'access.not_named_more': {
    one: 'Ytterligare {count} skyddat ärende där du inte är namngiven visas inte här.',
    other: 'Ytterligare {count} skyddade ärenden där du inte är namngiven visas inte här.',
  },
};
