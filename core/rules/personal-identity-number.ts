/**
 * Swedish personal identity numbers (personnummer, samordningsnummer): YYYYMMDD-NNNC or YYMMDD-NNNC,
 * the last digit a Luhn check digit over the ten-digit form. Only the format and check digit are
 * validated here; nothing more may be inferred from the number.
 */
export type PinCheck = { ok: true; normalized: string } | { ok: false; reason: 'format' | 'check_digit' | 'date' };

function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Checks a personal identity number and returns it as YYYYMMDD-NNNC. */
export function checkPersonalIdentityNumber(input: string, today: Date = new Date()): PinCheck {
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/.exec(input.trim().replace(/\s/g, ''));
  if (!m) return { ok: false, reason: 'format' };
  const [, century, yy = '', mm = '', ddRaw = '', sep, last4 = ''] = m;
  if (!luhnValid(`${yy}${mm}${ddRaw}${last4}`)) return { ok: false, reason: 'check_digit' };
  // Coordination numbers add 60 to the day.
  const dd = Number(ddRaw) > 60 ? Number(ddRaw) - 60 : Number(ddRaw);
  let year: number;
  if (century) year = Number(century + yy);
  else {
    const thisYear = today.getUTCFullYear();
    year = 2000 + Number(yy);
    if (year > thisYear) year -= 100;
    if (sep === '+') year -= 100;
  }
  const date = new Date(Date.UTC(year, Number(mm) - 1, dd));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== dd) return { ok: false, reason: 'date' };
  return { ok: true, normalized: `${year}${mm}${ddRaw}-${last4}` };
}
