import { z } from 'zod';
import { DisplayNameSchema, EmptyInput, IsoDateTimeSchema, NewPassphraseSchema, RoleSchema, UsernameSchema } from './common';
import { channel } from './channel-access';
import { CASEWORK, USER_MANAGERS } from './roles';

export const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  createdAt: IsoDateTimeSchema,
  disabledAt: IsoDateTimeSchema.nullable(),
});
export type User = z.infer<typeof UserSchema>;

/** Failed unlocks against one account since its last successful unlock (or recovery). */
export const FailedUnlocksSchema = z.object({ count: z.number().int().nonnegative(), lastAt: IsoDateTimeSchema.nullable() });
export type FailedUnlocks = z.infer<typeof FailedUnlocksSchema>;

/** A user as the Users view lists them; `failedUnlocks` only for accounts the viewer manages, else null. */
export const UserListRowSchema = UserSchema.extend({ failedUnlocks: FailedUnlocksSchema.nullable() });
export type UserListRow = z.infer<typeof UserListRowSchema>;

export const CreateUserInputSchema = z
  .object({
    username: UsernameSchema,
    displayName: DisplayNameSchema,
    role: RoleSchema,
    /** The first passphrase, given to the colleague in person; they change it at first unlock. */
    passphrase: NewPassphraseSchema,
  })
  .strict();
export type CreateUserInput = z.infer<typeof CreateUserInputSchema>;

export const DisableUserInputSchema = z.object({ username: UsernameSchema }).strict();

/** A colleague a case can be assigned to: enabled, and working with cases. */
export const AssigneeSchema = z.object({ id: z.number().int(), displayName: z.string(), role: RoleSchema });
export type Assignee = z.infer<typeof AssigneeSchema>;

export const usersChannels = {
  'users:assignees': channel({ input: EmptyInput, output: z.array(AssigneeSchema), access: CASEWORK }),
  'users:list': channel({ input: EmptyInput, output: z.array(UserListRowSchema), access: USER_MANAGERS }),
  'users:create': channel({ input: CreateUserInputSchema, output: UserSchema, access: USER_MANAGERS }),
  'users:disable': channel({ input: DisableUserInputSchema, output: UserSchema, access: USER_MANAGERS }),
} as const;
