'use server';

import { formAction } from '@/lib/actions';
import { getDb } from '@/lib/db/client';
import { classifyThemes, themeFeaturesSchema } from '@/lib/themes/classify';

/** The /themes form: validates typed-in features (field errors) and returns the occasion mix. */
export const classifyAction = formAction(themeFeaturesSchema, (features) => classifyThemes(getDb(), features));
