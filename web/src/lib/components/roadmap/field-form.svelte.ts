import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';
import { focusLocationHash } from '$lib/focus';
import { hasErrors, type FieldErrors, type RoadmapActionFailure } from '$lib/roadmap-forms';

interface FieldFormOptions<Field extends string, Values extends Record<Field, string>> {
  /** The component's `$props.id()`: field ids are `${id}-${field}`. */
  id: string;
  fields: readonly Field[];
  /** What the form starts with when the server has not refused it. */
  initial: () => Values;
  /** The server's refusal of this form's last post, if any (read anew when it changes). */
  failure: () => Pick<RoadmapActionFailure, 'values' | 'errors'> | null;
  validate: (values: Values) => FieldErrors<Field>;
}

/** What a field's control carries: its id, name and the ARIA state of its checks. */
export interface ControlAttributes {
  id: string;
  name: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The state of a roadmap form (отметка, мероприятие): what was typed, the API's checks as the
 * user types, and what the server still refused, shown beside the field it names until edited.
 */
export class FieldForm<Field extends string, Values extends Record<Field, string>> {
  readonly #options: FieldFormOptions<Field, Values>;
  // What was typed: the starting values, or what was posted when the server refused it.
  values: Values;
  touched: Partial<Record<Field, boolean>> = $state({});
  // The server's messages stand until the user edits the field they are about.
  serverErrors: Partial<Record<string, string>>;
  readonly clientErrors: FieldErrors<Field>;

  constructor(options: FieldFormOptions<Field, Values>) {
    this.#options = options;
    this.values = $state({ ...options.initial(), ...options.failure()?.values });
    this.serverErrors = $derived({ ...options.failure()?.errors });
    this.clientErrors = $derived(options.validate(this.values));
  }

  fieldId(field: Field): string {
    return `${this.#options.id}-${field}`;
  }

  errorOf(field: Field): string | undefined {
    return this.serverErrors[field] ?? (this.touched[field] ? this.clientErrors[field] : undefined);
  }

  edited(field: Field): void {
    this.touched[field] = true;
    if (this.serverErrors[field]) this.serverErrors = { ...this.serverErrors, [field]: undefined };
  }

  describedBy(field: Field, hint = false): string | undefined {
    const ids = [
      hint ? `${this.fieldId(field)}-hint` : '',
      this.errorOf(field) ? `${this.fieldId(field)}-error` : '',
    ]
      .filter(Boolean)
      .join(' ');
    return ids || undefined;
  }

  control(field: Field, hint = false): ControlAttributes {
    return {
      id: this.fieldId(field),
      name: field,
      'aria-invalid': this.errorOf(field) ? 'true' : undefined,
      'aria-describedby': this.describedBy(field, hint),
    };
  }

  /** Refused by the checks: every message shown and the first wrong field focused; else posted. */
  submit: SubmitFunction = async ({ cancel, formElement }) => {
    if (hasErrors(this.clientErrors)) {
      cancel();
      for (const field of this.#options.fields) this.touched[field] = true;
      await tick();
      formElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    return async ({ update }) => {
      await update({ reset: false });
      focusLocationHash();
    };
  };
}
