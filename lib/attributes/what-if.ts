/** The /what-if answer: typed attributes → popularity with its interval and how it moves per attribute. */
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { attributeRow, NUMERIC_ATTRIBUTES, type NumericAttribute, type SongAttributes } from './attributes';
import { getActiveAttributes, loadAttributesModel } from './attributes-registry';
import { predictPopularity, type PopularityPrediction } from './attributes-model';

/** Points per sensitivity curve. */
const SWEEP_POINTS = 11;

const required = (label: string) => z.string({ message: `${label} is required` }).trim().min(1, `${label} is required`);
const inRange = (label: string, min: number, max: number, integer: boolean) =>
  z
    .number({ message: `${label} must be a number` })
    .refine((v) => v >= min && v <= max, `${label} must be between ${min} and ${max}`)
    .refine((v) => !integer || Number.isInteger(v), `${label} must be a whole number`);
const ranged = (label: string, min: number, max: number, integer = false) => required(label).transform(Number).pipe(inRange(label, min, max, integer));
/** An optional number field: empty is "not known" (null); anything else must be a number in range. */
const optionalNumber = (label: string, min: number, max: number, integer = false) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .pipe(inRange(label, min, max, integer).nullable());

export const whatIfSchema = z
  .object({
    ...(Object.fromEntries(NUMERIC_ATTRIBUTES.map((a) => [a.name, ranged(a.label, a.min, a.max)])) as Record<NumericAttribute, ReturnType<typeof ranged>>),
    key: ranged('Key', 0, 11, true),
    mode: z.enum(['0', '1'], { message: 'Mode must be major or minor' }).transform(Number),
    explicit: z.enum(['on', 'off']).optional().transform((v) => v === 'on'),
    genre: z.string().trim().min(1, 'Genre is required').max(64, 'Genre is at most 64 characters'),
    releaseMonth: ranged('Release month', 1, 12, true),
    artistPriorMean: optionalNumber('Earlier songs’ mean popularity', 0, 100),
    artistPriorSongs: optionalNumber('Number of earlier songs', 0, 100_000, true),
  })
  .refine((a) => !(a.artistPriorSongs === 0 && a.artistPriorMean !== null), {
    path: ['artistPriorMean'],
    message: 'An artist with no earlier songs has no mean popularity: leave it empty',
  });

/** The form's field names (also the query parameters that prefill /what-if). */
export const WHAT_IF_FIELDS = Object.keys(whatIfSchema.shape);

export interface WhatIfAnswer extends PopularityPrediction {
  modelVersion: number;
  /** Per numeric attribute: predicted popularity across its typical range, the others held. */
  sensitivity: { attribute: NumericAttribute; label: string; current: number; points: { value: number; popularity: number }[] }[];
}

/** Predicts with the active what-if model and sweeps each numeric attribute over its typical range. */
export async function answerWhatIf(db: Db, a: SongAttributes): Promise<WhatIfAnswer> {
  const active = await getActiveAttributes(db);
  if (!active) throw new Error('No what-if model yet: train one with `npm run job -- train-attributes`.');
  const model = await loadAttributesModel(db, active.id);
  const { genres, typical } = model.spec;
  const variants: SongAttributes[] = [a];
  const sweeps = NUMERIC_ATTRIBUTES.map((n) => {
    const [lo, hi] = typical[n.name] ?? [n.min, n.max];
    const values = Array.from({ length: SWEEP_POINTS }, (_, i) => lo + ((hi - lo) * i) / (SWEEP_POINTS - 1));
    for (const value of values) variants.push({ ...a, [n.name]: value });
    return { n, values };
  });
  const predictions = await predictPopularity(model, Float32Array.from(variants.flatMap((v) => attributeRow(v, genres))), variants.length);
  const [answer] = predictions;
  if (!answer) throw new Error('the what-if model returned no prediction');
  return {
    ...answer,
    modelVersion: active.version,
    sensitivity: sweeps.map(({ n, values }, s) => ({
      attribute: n.name,
      label: n.label,
      current: a[n.name],
      points: values.map((value, i) => ({ value, popularity: predictions[1 + s * SWEEP_POINTS + i]?.popularity ?? 0 })),
    })),
  };
}
