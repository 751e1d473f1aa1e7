import type { Selectable } from 'kysely';
import { describe, expectTypeOf, it } from 'vitest';
import type { CaseDetail, HousingStep, KompottenRequest, Move, Reminder, Role, Shelter, SupportItem } from '../../core/contract';
import type { MoveStatus } from '../../core/rules/move-workflow';
import type { DB } from '../../db/schema';

type Row<T extends keyof DB> = Selectable<DB[T]>;

// Checked by the compiler (tsconfig.tests.json): a row read from an enumerated column is already the
// contract's type, so repositories need no cast, and a value the contract does not know cannot be written.
describe('db/schema.ts enumerated columns', () => {
  it('are the contract unions', () => {
    expectTypeOf<Row<'moves'>['status']>().toEqualTypeOf<MoveStatus>();
    expectTypeOf<Row<'moves'>['route']>().toEqualTypeOf<Move['route']>();
    expectTypeOf<Row<'moves'>['to_kind']>().toEqualTypeOf<'municipality' | 'district'>();
    expectTypeOf<Row<'move_transitions'>['status']>().toEqualTypeOf<MoveStatus>();
    expectTypeOf<Row<'users'>['role']>().toEqualTypeOf<Role>();
    expectTypeOf<Row<'audit_log'>['role']>().toEqualTypeOf<Role | null>();
    expectTypeOf<Row<'cases'>['protection_level']>().toEqualTypeOf<CaseDetail['protectionLevel']>();
    expectTypeOf<Row<'housing_steps'>['kind']>().toEqualTypeOf<HousingStep['kind']>();
    expectTypeOf<Row<'housing_steps'>['outcome']>().toEqualTypeOf<HousingStep['outcome']>();
    expectTypeOf<Row<'shelters'>['ivo_kind']>().toEqualTypeOf<Shelter['ivoKind']>();
    expectTypeOf<Row<'kompotten_requests'>['outcome']>().toEqualTypeOf<KompottenRequest['outcome']>();
    expectTypeOf<Row<'support_items'>['status']>().toEqualTypeOf<SupportItem['status']>();
    expectTypeOf<Row<'reminders'>['kind']>().toEqualTypeOf<Reminder['kind']>();
    expectTypeOf<'lost'>().not.toExtend<Row<'moves'>['status']>();
  });
});
