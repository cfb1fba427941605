/** The plan settings view's request bodies (src/shared/settings-api.ts), checked for form before anything runs. */
import { z } from 'zod';
import type {
  ArchivePlanRequest,
  ChangeReportFormatRequest,
  SetHeaderRequest,
  SetStageRuleRequest,
  SetTitleRequest,
} from '../../shared/settings-api.js';

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

export const setTitleSchema = z.strictObject({ title: text(1_000) });

export const setHeaderSchema = z.strictObject({
  values: z.record(z.string().max(100), z.union([text(2_000), z.boolean(), z.null()])),
});

export const setStageRuleSchema = z.strictObject({
  rule: z.union([
    z.strictObject({ kind: z.literal('all') }),
    z.strictObject({ kind: z.literal('any') }),
    z.strictObject({ kind: z.literal('quorum'), n: z.number().int() }),
  ]),
  mandatoryRoles: z.array(z.string().max(100)).max(20),
});

export const archivePlanSchema = z.strictObject({ archived: z.boolean() });

export const changeReportFormatSchema = z.strictObject({ reportFormatId: text(200) });

type Frozen<T> = T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;
type Same<Schema, Sent> = [Schema] extends [Sent] ? ([Sent] extends [Frozen<Schema>] ? true : false) : false;
const agree = <T extends true>(_check?: T): void => undefined;
agree<Same<z.infer<typeof setTitleSchema>, SetTitleRequest>>();
agree<Same<z.infer<typeof setHeaderSchema>, SetHeaderRequest>>();
agree<Same<z.infer<typeof setStageRuleSchema>, SetStageRuleRequest>>();
agree<Same<z.infer<typeof archivePlanSchema>, ArchivePlanRequest>>();
agree<Same<z.infer<typeof changeReportFormatSchema>, ChangeReportFormatRequest>>();
