import type { ParamMatcher } from '@sveltejs/kit';
import { isCodedLevel, type CodedLevel } from '$lib/indicators';

/** `/indicators/region/28`, `/indicators/municipality/10712000`, `/indicators/organization/280001`. */
export const match = ((param: string): param is CodedLevel => isCodedLevel(param)) satisfies ParamMatcher;
