'use server';

import { formAction } from '@/lib/actions';
import { answerWhatIf, whatIfSchema } from '@/lib/attributes/what-if';
import { getDb } from '@/lib/db/client';

/** The /what-if form: validates the attributes (field errors) and answers with the active model. */
export const whatIfAction = formAction(whatIfSchema, (attributes) => answerWhatIf(getDb(), attributes));
